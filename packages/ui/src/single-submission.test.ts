import { describe, expect, it, vi } from 'vitest';
import { singleSubmission, type SubmissionResult } from './single-submission.svelte';

/** An `update` that finishes when the test says so, as SvelteKit's does when the page has loaded. */
function pendingUpdate(outcome: 'ok' | 'fails' = 'ok') {
  let finish: () => void = () => {};
  const update = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        finish = outcome === 'ok' ? resolve : () => reject(new Error('network'));
      }),
  );
  return { update, finish: () => finish() };
}

describe('singleSubmission', () => {
  it('drops a second press while the first is on its way, then follows up on the result', async () => {
    const seen: SubmissionResult[] = [];
    const submission = singleSubmission((result) => void seen.push(result));
    const cancel = vi.fn();

    const first = submission.submit({ cancel });
    expect(submission.busy).toBe(true);
    expect(cancel).not.toHaveBeenCalled();
    // A second press (or Enter) before the answer: SvelteKit is told to send nothing.
    expect(submission.submit({ cancel })).toBeUndefined();
    expect(cancel).toHaveBeenCalledTimes(1);

    const { update, finish } = pendingUpdate();
    const done = first!({ result: { type: 'failure' }, update });
    // What was typed stays in the form; still busy until the page has the result.
    expect(update).toHaveBeenCalledWith({ reset: false });
    expect(submission.busy).toBe(true);
    expect(seen).toEqual([]);
    finish();
    await done;
    expect(submission.busy).toBe(false);
    expect(seen).toEqual([{ type: 'failure' }]);

    // Free again: the next press goes through.
    expect(submission.submit({ cancel })).toBeTypeOf('function');
    expect(cancel).toHaveBeenCalledTimes(1);
  });

  it('frees the form when the update fails, so the resident can try again', async () => {
    const after = vi.fn();
    const submission = singleSubmission(after);
    const callback = submission.submit({ cancel: () => {} });
    const { update, finish } = pendingUpdate('fails');
    const done = callback!({ result: { type: 'error' }, update });
    finish();
    await expect(done).rejects.toThrow('network');
    expect(submission.busy).toBe(false);
    expect(after).not.toHaveBeenCalled();
  });
});
