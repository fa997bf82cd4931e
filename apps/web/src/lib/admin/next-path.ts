/**
 * Where to go after signing in: `next` when it is a path inside the admin on this site, otherwise
 * the dashboard. Anything else (another site, `//host`, a backslash some browsers read as a
 * slash, a control character) is ignored, so a crafted sign-in link cannot send staff elsewhere.
 *
 * @example safeAdminNext('/admin/courses?status=open') // '/admin/courses?status=open'
 * @example safeAdminNext('https://evil.example/admin') // '/admin'
 */
export function safeAdminNext(next: string | null | undefined): string {
  if (!next || next.length > 1000) return '/admin';
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return '/admin';
  let parsed: URL;
  try {
    parsed = new URL(next, 'http://admin.invalid');
  } catch {
    return '/admin';
  }
  // Checked after parsing, so `/admin/../my` (which a browser resolves to `/my`) is refused.
  if (parsed.origin !== 'http://admin.invalid' || !next.startsWith('/admin')) return '/admin';
  if (!/^\/admin(?:\/|$)/.test(parsed.pathname)) return '/admin';
  // The sign-in and sign-out pages would only bounce back here.
  if (/^\/admin\/sign-(?:in|out)(?:\/|$)/.test(parsed.pathname)) return '/admin';
  return `${parsed.pathname}${parsed.search}`;
}
