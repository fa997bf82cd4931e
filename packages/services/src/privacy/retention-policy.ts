import { eq } from 'drizzle-orm';
import { auditLog, programSettings } from '@seoro/db';
import {
  DEFAULT_RETENTION_POLICY,
  DomainError,
  isRetentionMonths,
  RETENTION_KINDS,
  RETENTION_MONTHS_MAX,
  RETENTION_MONTHS_MIN,
  type RetentionPolicy,
} from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { settingStatements } from '../settings/program-contact';

export type { RetentionPolicy };
export { DEFAULT_RETENTION_POLICY, RETENTION_MONTHS_MAX, RETENTION_MONTHS_MIN };

/** The `program_settings` key whose JSON value is a (partial) `RetentionPolicy`. */
export const RETENTION_SETTING_KEY = 'retention';

/** The stored periods laid over the defaults, kind by kind; anything out of bounds is ignored. */
export function mergeRetentionPolicy(stored: unknown): RetentionPolicy {
  const policy: RetentionPolicy = { ...DEFAULT_RETENTION_POLICY };
  if (typeof stored !== 'object' || stored === null) return policy;
  const record = stored as Record<string, unknown>;
  for (const kind of RETENTION_KINDS) {
    const months = record[kind];
    if (isRetentionMonths(months)) policy[kind] = months;
  }
  return policy;
}

/**
 * The retention periods (`program_settings` key `retention`), each falling back to
 * `DEFAULT_RETENTION_POLICY`. Public: the privacy notice states them.
 */
export async function getRetentionPolicy(ctx: ServiceContext): Promise<RetentionPolicy> {
  return ctx.readCache ? ctx.readCache.get('retention', () => load(ctx)) : load(ctx);
}

async function load(ctx: ServiceContext): Promise<RetentionPolicy> {
  const [row] = await settingStatements(ctx.database.db).byKey.all({ key: RETENTION_SETTING_KEY });
  return parseStored(ctx, row?.value);
}

function parseStored(ctx: ServiceContext, value: string | undefined): RetentionPolicy {
  if (value === undefined) return mergeRetentionPolicy(null);
  try {
    return mergeRetentionPolicy(JSON.parse(value));
  } catch {
    ctx.logError('[settings] retention is not JSON; using the defaults', value.slice(0, 80));
    return mergeRetentionPolicy(null);
  }
}

export interface UpdateRetentionPolicyInput extends RetentionPolicy {
  staffId: string;
  ip?: string | null;
}

/**
 * An administrator sets the retention periods. Refusal (nothing written):
 * `retention_period_invalid` with the field at fault, for a period that is not a whole number of
 * months within the bounds. Audited as `settings.retention_update` with before and after.
 */
export const updateRetentionPolicy = writeService('updateRetentionPolicy');
export { updateRetentionPolicyInPlace };

async function updateRetentionPolicyInPlace(
  ctx: ServiceContext,
  input: UpdateRetentionPolicyInput,
): Promise<RetentionPolicy> {
  for (const kind of RETENTION_KINDS) {
    if (!isRetentionMonths(input[kind])) {
      throw new DomainError('retention_period_invalid', {
        field: kind,
        min: RETENTION_MONTHS_MIN,
        max: RETENTION_MONTHS_MAX,
      });
    }
  }
  const after: RetentionPolicy = { residents: input.residents, messages: input.messages };
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .select({ value: programSettings.value })
      .from(programSettings)
      .where(eq(programSettings.key, RETENTION_SETTING_KEY));
    const before = parseStored(ctx, row?.value);
    await tx
      .insert(programSettings)
      .values({ key: RETENTION_SETTING_KEY, value: JSON.stringify(after), updatedAt: now })
      .onConflictDoUpdate({
        target: programSettings.key,
        set: { value: JSON.stringify(after), updatedAt: now },
      });
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'settings.retention_update',
      subjectType: 'settings',
      subjectId: RETENTION_SETTING_KEY,
      ip: input.ip ?? null,
      detail: { before, after },
    });
    return after;
  });
}
