import { eq, sql } from 'drizzle-orm';
import { programSettings, statementsFor, type Db } from '@seoro/db';
import { DEFAULT_PROGRAM_CONTACT, type ProgramContact } from '@seoro/domain';
import { z } from 'zod';
import type { ServiceContext } from '../context';

export type { ProgramContact };

/** The `program_settings` key whose JSON value is a (partial) `ProgramContact`. */
export const CONTACT_SETTING_KEY = 'contact';

/** What residents see until staff store the office's own details under `contact`. */
export { DEFAULT_PROGRAM_CONTACT };

const text = z.string().trim().min(1).max(500);
const localized = z.object({ ko: text, en: text });
/** Each field alone: a stored value missing or spoiling one field keeps the default for it. */
const fieldSchemas = {
  phone: text.max(40),
  hours: localized,
  address: localized,
  mapUrl: z.url({ protocol: /^https?$/ }).max(2000),
  subway: localized,
  bus: localized,
  access: localized,
  parking: localized,
} satisfies { [K in keyof ProgramContact]: z.ZodType<ProgramContact[K]> };

const p = sql.placeholder;

export const settingStatements = statementsFor((db: Db) => ({
  byKey: db
    .select({ value: programSettings.value })
    .from(programSettings)
    .where(eq(programSettings.key, p('key')))
    .prepare(),
}));

/** The stored contact laid over the defaults, field by field; anything unreadable is ignored. */
export function mergeProgramContact(stored: unknown): ProgramContact {
  const contact: ProgramContact = { ...DEFAULT_PROGRAM_CONTACT };
  if (typeof stored !== 'object' || stored === null) return contact;
  const record = stored as Record<string, unknown>;
  for (const key of Object.keys(fieldSchemas) as (keyof ProgramContact)[]) {
    const parsed = fieldSchemas[key].safeParse(record[key]);
    if (parsed.success) Object.assign(contact, { [key]: parsed.data });
  }
  return contact;
}

/**
 * The program's contact details and directions (`program_settings` key `contact`), each field
 * falling back to `DEFAULT_PROGRAM_CONTACT` when it is not stored. Public: shown on the home page,
 * course pages and the privacy notice.
 */
export async function getProgramContact(ctx: ServiceContext): Promise<ProgramContact> {
  return ctx.readCache ? ctx.readCache.get('contact', () => load(ctx)) : load(ctx);
}

async function load(ctx: ServiceContext): Promise<ProgramContact> {
  const [row] = await settingStatements(ctx.database.db).byKey.all({ key: CONTACT_SETTING_KEY });
  if (!row) return mergeProgramContact(null);
  let stored: unknown;
  try {
    stored = JSON.parse(row.value);
  } catch {
    ctx.logError('[settings] contact is not JSON; showing the defaults', row.value.slice(0, 80));
    return mergeProgramContact(null);
  }
  return mergeProgramContact(stored);
}
