import { eq, sql } from 'drizzle-orm';
import { programSettings, statementsFor, type Db } from '@seoro/db';
import { DEFAULT_OFFICE_PHONE } from '@seoro/domain';
import { z } from 'zod';
import type { ServiceContext } from '../context';
import type { LocalizedText } from '../views';

/** How residents reach the program and find their way to the Art Hall, in both languages. */
export interface ProgramContact {
  /** The office's phone number as it is dialled, e.g. "02-2199-7142". */
  phone: string;
  hours: LocalizedText;
  address: LocalizedText;
  /** A map of the Art Hall; opened in a new tab. */
  mapUrl: string;
  subway: LocalizedText;
  bus: LocalizedText;
  /** Step-free access (lift, ramp). */
  access: LocalizedText;
  parking: LocalizedText;
}

/** The `program_settings` key whose JSON value is a (partial) `ProgramContact`. */
export const CONTACT_SETTING_KEY = 'contact';

/**
 * What residents see until staff store the office's own details under `contact`. The phone number
 * in particular is a placeholder for staff to correct in the admin.
 */
export const DEFAULT_PROGRAM_CONTACT: ProgramContact = {
  // Default: to be replaced by staff with the office's real number.
  phone: DEFAULT_OFFICE_PHONE,
  hours: { ko: '평일 09:00–18:00', en: 'Weekdays 9 am–6 pm' },
  address: {
    ko: '서울특별시 용산구 녹사평대로 150 용산아트홀',
    en: 'Yongsan Art Hall, 150 Noksapyeong-daero, Yongsan-gu, Seoul',
  },
  mapUrl: `https://map.naver.com/p/search/${encodeURIComponent('용산아트홀')}`,
  subway: {
    ko: '6호선 녹사평역 2번 출구에서 걸어서 5분',
    en: 'Line 6, Noksapyeong Station exit 2, then a 5-minute walk',
  },
  bus: { ko: '용산구청 정류장에서 내리세요', en: 'Get off at the Yongsan-gu Office stop' },
  access: {
    ko: '엘리베이터와 경사로가 있어 계단 없이 들어올 수 있습니다',
    en: 'Step-free entry with a lift and a ramp',
  },
  parking: {
    ko: '용산구청 주차장, 수업에 오시면 2시간 무료',
    en: 'Yongsan-gu Office car park, 2 hours free for learners',
  },
};

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
