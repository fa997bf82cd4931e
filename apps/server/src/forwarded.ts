/**
 * How far the server believes `X-Forwarded-For` and `X-Forwarded-Proto`: the number of reverse
 * proxies in front of it (`TRUST_PROXY`). Each proxy appends what it saw to the right of these
 * headers, so only the rightmost `hops` entries were written by machines we run; anything to their
 * left came from the client and could say anything. The same rule as Express's numeric
 * `trust proxy`.
 */
export type TrustedProxyHops = number;

/**
 * The entry the outermost trusted proxy wrote into a comma-separated forwarding header: `hops`
 * entries from the right (the leftmost when the header is shorter). Undefined with no trusted
 * proxy or no header.
 *
 * @example forwardedByTrustedProxy('198.51.100.9, 203.0.113.7', 1) // '203.0.113.7'
 */
export function forwardedByTrustedProxy(
  header: string | undefined,
  hops: TrustedProxyHops,
): string | undefined {
  if (hops < 1 || !header) return undefined;
  const entries = header
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return entries[Math.max(0, entries.length - hops)];
}
