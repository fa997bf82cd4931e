/**
 * A text (a confirmation code, a link) as a QR code, drawn as one SVG path from the module matrix: no image
 * request, no `data:` URL, nothing inline for the kiosk's strict CSP to refuse.
 */

/** One square per dark module, as a path in module units (the viewBox is `0 0 size size`). */
export function qrPath(modules: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
    });
  });
  return parts.join('');
}

/**
 * The matrix for `text` with a quiet zone of two modules. The encoder is loaded on first use, so
 * the kiosk's start screen does not carry it.
 */
export async function qrModules(text: string): Promise<boolean[][]> {
  const { encode } = await import('uqr');
  return encode(text, { ecc: 'M', border: 2 }).data;
}
