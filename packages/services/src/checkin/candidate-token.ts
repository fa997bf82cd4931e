/**
 * The opaque ids a kiosk gets for the learners it offers after a phone lookup. Each seals (AES-GCM)
 * the registration, the meeting, the kiosk that asked and an expiry: the kiosk never learns an
 * enrolment id, a forged or altered id does not open, and one kiosk's ids do not work at another.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** How long a kiosk may take between showing the names and the resident tapping theirs. */
export const CANDIDATE_TTL_MS = 5 * 60_000;

/** What a candidate id stands for. */
export interface CandidateClaim {
  enrolmentId: string;
  meetingId: string;
  kioskId: string;
  /** Epoch milliseconds after which the id no longer opens. */
  expiresAt: number;
}

// One key per server process: ids die with a restart, and the resident types their number again.
// Ids are made and opened on the thread that serves requests, never on the writer thread.
let processKey: Buffer | undefined;
const defaultKey = () => (processKey ??= randomBytes(32));

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Seals a claim into an id safe to hand to a kiosk. */
export function sealCandidate(claim: CandidateClaim, key: Buffer = defaultKey()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([
    cipher.update(
      JSON.stringify([claim.enrolmentId, claim.meetingId, claim.kioskId, claim.expiresAt]),
    ),
    cipher.final(),
  ]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/**
 * The claim in an id, if it is one this process sealed, for this kiosk, and not expired; else
 * null (whatever is wrong with it, the kiosk only learns that it does not work).
 */
export function openCandidate(
  id: string,
  kioskId: string,
  now: Date,
  key: Buffer = defaultKey(),
): CandidateClaim | null {
  const raw = Buffer.from(id, 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES) return null;
  let parsed: unknown;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
    parsed = JSON.parse(text);
  } catch {
    return null; // not sealed with this key, or altered
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return null;
  const [enrolmentId, meetingId, claimKiosk, expiresAt] = parsed as unknown[];
  if (
    typeof enrolmentId !== 'string' ||
    typeof meetingId !== 'string' ||
    typeof claimKiosk !== 'string' ||
    typeof expiresAt !== 'number'
  ) {
    return null;
  }
  if (claimKiosk !== kioskId || now.getTime() >= expiresAt) return null;
  return { enrolmentId, meetingId, kioskId: claimKiosk, expiresAt };
}
