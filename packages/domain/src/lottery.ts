/**
 * The lottery (추첨): a draw anyone can re-run. At the close of the window a random seed is drawn
 * and published with the list of application numbers. Each application's place is the SHA-256 of
 * `seed:number` (hex, compared as text), smallest first; applicants with priority (for example,
 * residents who have never attended) are placed before everyone else. The first `seats` win, the
 * rest form the waitlist in the same order. Same seed and list, same result — on any computer, with
 * any SHA-256 tool.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** One application as published: its number (arrival order in the course) and its priority. */
export interface LotteryApplicant {
  no: number;
  priority: boolean;
}

export interface LotteryResult {
  /** Application numbers that won a seat, in draw order. */
  winners: number[];
  /** Everyone else, in waitlist order. */
  waitlist: number[];
  /** Each application's ticket (the hash it was ordered by), for people checking by hand. */
  tickets: Record<number, string>;
}

/** The ticket an application draws: hex SHA-256 of `${seed}:${no}`. */
export function lotteryTicket(seed: string, no: number): string {
  return bytesToHex(sha256(utf8ToBytes(`${seed}:${no}`)));
}

/** Draws `seats` winners from the applicants with the published seed; deterministic. */
export function drawLottery(input: {
  seed: string;
  applicants: readonly LotteryApplicant[];
  seats: number;
}): LotteryResult {
  const { seed, applicants, seats } = input;
  if (!/^[0-9a-f]{16,128}$/.test(seed))
    throw new RangeError('seed must be 16–128 lowercase hex digits');
  if (!Number.isSafeInteger(seats) || seats < 0)
    throw new RangeError('seats must be an integer >= 0');
  const seen = new Set<number>();
  for (const a of applicants) {
    if (!Number.isSafeInteger(a.no) || a.no < 1)
      throw new RangeError(`bad application number ${a.no}`);
    if (seen.has(a.no)) throw new RangeError(`application number ${a.no} appears twice`);
    seen.add(a.no);
  }
  const tickets: Record<number, string> = {};
  for (const a of applicants) tickets[a.no] = lotteryTicket(seed, a.no);
  const order = [...applicants].sort((x, y) => {
    if (x.priority !== y.priority) return x.priority ? -1 : 1;
    const tx = tickets[x.no]!;
    const ty = tickets[y.no]!;
    return tx < ty ? -1 : tx > ty ? 1 : x.no - y.no;
  });
  const numbers = order.map((a) => a.no);
  return { winners: numbers.slice(0, seats), waitlist: numbers.slice(seats), tickets };
}

/** Seats a lottery gives out: capacity less those held back for on-site signup at the kiosk. */
export function lotterySeats(capacity: number, heldForOnsite: number): number {
  if (!Number.isSafeInteger(capacity) || capacity < 1)
    throw new RangeError('capacity must be >= 1');
  if (!Number.isSafeInteger(heldForOnsite) || heldForOnsite < 0) {
    throw new RangeError('heldForOnsite must be >= 0');
  }
  return Math.max(0, capacity - heldForOnsite);
}
