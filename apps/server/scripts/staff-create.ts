/**
 * Creates a staff account from the command line (the first administrator of a new install):
 *
 *   pnpm staff:create --email kim@example.go.kr --name 김담당 --role admin
 *
 * At a terminal it asks for the password twice without showing it; otherwise it reads the
 * password from the first line of stdin (for scripts). It opens the database the server uses
 * (DATABASE_URL, DATABASE_AUTH_TOKEN), migrates it first, and refuses weak passwords.
 */
import { parseArgs } from 'node:util';
import { Database } from '@seoro/db';
import { isDomainError } from '@seoro/domain';
import { createServiceContext, createStaffAccount, type StaffRole } from '@seoro/services';
import { localizeDomainError } from '@seoro/trpc';

const ROLES: readonly StaffRole[] = ['admin', 'staff', 'viewer'];
const USAGE = 'Usage: pnpm staff:create --email <email> --name <name> --role admin|staff|viewer';

/** Reads a line from the terminal without echoing it. */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new Error('Cancelled: no account was created'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The first line of stdin, when it is not a terminal. */
async function readFirstLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readFirstLine();
  const first = await readHidden('Password (at least 12 characters): ');
  const again = await readHidden('Password again: ');
  if (first !== again) throw new UsageError('The two passwords differ: no account was created');
  return first;
}

class UsageError extends Error {}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
    },
  });
  const role = ROLES.find((r) => r === values.role);
  if (!values.email || !values.name || !role) throw new UsageError(USAGE);
  // pnpm runs the script in apps/server; a relative database path means where it was typed,
  // as it does for the server started from there.
  if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
  const url = process.env.DATABASE_URL || 'file:./data/seoroseoro.db';

  const password = await readPassword();
  const database = await Database.open({
    url,
    authToken: process.env.DATABASE_AUTH_TOKEN || undefined,
  });
  try {
    await database.migrate();
    const account = await createStaffAccount(createServiceContext(database), {
      email: values.email,
      name: values.name,
      role,
      password,
      createdBy: { type: 'system' },
    });
    console.log(
      `Created the ${account.role} account ${account.email} (${account.name}) in ${url.replace(/\?.*$/, '')}.`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (isDomainError(error)) {
    console.error(localizeDomainError(error, 'ko'));
    console.error(localizeDomainError(error, 'en'));
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(isDomainError(error) || error instanceof UsageError ? 2 : 1);
});
