/**
 * Prints a one-time pairing code for a kiosk, adding the kiosk first when none has that name
 * (for setting up a device without the admin, e.g. on a fresh install):
 *
 *   pnpm kiosk:pair-code --kiosk "제3강의실 앞"
 *
 * The code works once, for 10 minutes; any older unused code of the kiosk stops working. A new
 * kiosk gets every kiosk feature and no room (change both in the admin). It opens the database
 * the server uses (DATABASE_URL, DATABASE_AUTH_TOKEN) and migrates it first. The code and its
 * creation are audited as the system's act.
 */
import { parseArgs } from 'node:util';
import { KIOSK_PLUGINS } from '@seoro/api';
import { Database } from '@seoro/db';
import { formatDateTime, isDomainError, plainSpaces } from '@seoro/domain';
import {
  createKiosk,
  createKioskPairingCode,
  createServiceContext,
  listKiosks,
} from '@seoro/services';
import { localizeDomainError } from '@seoro/trpc';

const USAGE = 'Usage: pnpm kiosk:pair-code --kiosk "<name>"';

class UsageError extends Error {}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { kiosk: { type: 'string' } } });
  const name = values.kiosk?.trim();
  if (!name) throw new UsageError(USAGE);
  // pnpm runs the script in apps/server; a relative database path means where it was typed.
  if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
  const url = process.env.DATABASE_URL || 'file:./data/seoroseoro.db';
  const database = await Database.open({
    url,
    authToken: process.env.DATABASE_AUTH_TOKEN || undefined,
  });
  try {
    await database.migrate();
    const ctx = createServiceContext(database);
    const existing = (await listKiosks(ctx)).kiosks.find(
      (k) => k.name === name && k.state !== 'revoked',
    );
    const kiosk =
      existing ??
      (await createKiosk(ctx, {
        name,
        roomId: null,
        enabledPlugins: KIOSK_PLUGINS.map((p) => p.id),
        actor: { type: 'system' },
      }));
    if (!existing) console.log(`Added the kiosk "${kiosk.name}".`);
    const made = await createKioskPairingCode(ctx, {
      kioskId: kiosk.id,
      actor: { type: 'system' },
    });
    console.log(`Pairing code for "${made.kioskName}": ${made.code}`);
    console.log(
      plainSpaces(
        `Works once, until ${formatDateTime(made.expiresAt, 'ko')} / ${formatDateTime(made.expiresAt, 'en')} (Korea time).`,
      ),
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
