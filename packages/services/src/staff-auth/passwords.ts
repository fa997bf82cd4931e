import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { DomainError } from '@seoro/domain';

/** The shortest staff password accepted. */
export const MIN_STAFF_PASSWORD_LENGTH = 12;
/** The longest one: Argon2 takes any length, but a megabyte "password" is only a way to burn CPU. */
export const MAX_STAFF_PASSWORD_LENGTH = 200;

// Argon2id at the OWASP baseline (19 MiB, 2 passes, 1 lane): about 20 ms a hash on one core. The
// parameters travel in the stored string, so raising them later leaves old hashes verifiable.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * The Argon2id hash of a staff password, as a PHC string (`$argon2id$v=19$m=…`). Runs on
 * `@node-rs/argon2`'s own threads: awaiting it never blocks the event loop. Never call it inside a
 * write transaction.
 */
export function hashStaffPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Whether `password` matches a stored hash; false (never a throw) for a malformed hash. */
export async function verifyStaffPassword(
  passwordHash: string,
  password: string,
): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let zxcvbn: ZxcvbnFactory | null = null;

/**
 * Refuses a password that is short or easy to guess (`weak_password`): under 12 characters, a
 * zxcvbn score under 3, or one that is just a common password or word (however capitalised,
 * reversed or written in l33t). `userInputs` (the email, the name) count as known words.
 */
export function requireStrongPassword(password: string, userInputs: readonly string[] = []): void {
  const refuse = () => new DomainError('weak_password', { minLength: MIN_STAFF_PASSWORD_LENGTH });
  if ([...password].length < MIN_STAFF_PASSWORD_LENGTH) throw refuse();
  if (password.length > MAX_STAFF_PASSWORD_LENGTH) throw refuse();
  // The dictionaries take a few megabytes: loaded on first use, not when the services load.
  zxcvbn ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const inputs = userInputs.flatMap((s) => [s, ...s.split(/[@.\s_-]+/)]).filter((s) => s);
  const result = zxcvbn.check(password, inputs);
  const onlyAWord = result.sequence.length === 1 && result.sequence[0]?.pattern === 'dictionary';
  if (result.score < 3 || onlyAWord) throw refuse();
}
