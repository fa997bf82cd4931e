/** Why the camera could not be used, as far as the resident needs to know. */
export type CameraProblem = 'denied' | 'missing' | 'failed';

/** Sorts a getUserMedia (or loading) failure into what the kiosk says about it. */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name =
    typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError') {
    return 'missing';
  }
  return 'failed';
}

/** Stops every track of a stream, so the camera's light goes off. */
export function stopStream(
  stream: { getTracks(): ReadonlyArray<{ stop(): void }> } | null | undefined,
): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
