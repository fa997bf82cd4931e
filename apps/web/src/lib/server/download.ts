/**
 * `Content-Disposition` for a download with a Korean name: an ASCII `filename` for old clients and
 * the real one as RFC 5987 `filename*` (UTF-8, percent-encoded), which browsers prefer.
 *
 * @example attachment('출석부.xlsx', 'attendance.xlsx')
 * // `attachment; filename="attendance.xlsx"; filename*=UTF-8''%EC%B6%9C%EC%84%9D%EB%B6%80.xlsx`
 */
export function attachment(filename: string, fallback: string): string {
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const ascii = fallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
