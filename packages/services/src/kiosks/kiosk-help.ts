import { and, desc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, kiosks, newId, outbox, programSettings } from '@seoro/db';
import { DomainError, normalizeKrMobile } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import type { NotificationPayload } from '../notifications';
import { getProgramContact } from '../settings/program-contact';

/** One help call per kiosk in this long: a second tap is told help is on its way. */
export const KIOSK_HELP_INTERVAL_MS = 2 * 60_000;
/** The `programSettings` key that turns staff notification on: `{ "notifyPhone": "010-…" }`. */
export const KIOSK_HELP_SETTING = 'kiosk_help';

export interface KioskHelpAnswer {
  /** The office's number, for the resident to call or read out to someone. */
  officePhone: string;
  /**
   * 'notified': a text to staff is on its way; 'already_notified': one was sent in the last two
   * minutes; 'not_configured': nobody is set up to be told, so only the number is shown.
   */
  staff: 'notified' | 'already_notified' | 'not_configured';
  /** When staff were (last) told, ISO; null when nobody is told. */
  notifiedAt: string | null;
}

const helpSetting = z.object({ notifyPhone: z.string() });

async function readSetting(ctx: ServiceContext, key: string): Promise<unknown> {
  const [row] = await ctx.database.db
    .select({ value: programSettings.value })
    .from(programSettings)
    .where(eq(programSettings.key, key))
    .limit(1);
  if (!row) return null;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return null;
  }
}

/** The office's phone, as the program's contact block gives it (its default when none is kept). */
export async function officePhone(ctx: ServiceContext): Promise<string> {
  return (await getProgramContact(ctx)).phone;
}

/** The staff mobile number help requests are texted to (E.164), or null when none is set. */
async function helpRecipient(ctx: ServiceContext): Promise<string | null> {
  const setting = helpSetting.safeParse(await readSetting(ctx, KIOSK_HELP_SETTING));
  if (!setting.success) return null;
  const phone = normalizeKrMobile(setting.data.notifyPhone);
  return phone.ok ? phone.e164 : null;
}

/**
 * A resident at a kiosk asked for staff. Answers with the office's number; where the program set
 * a staff number, texts it (through the outbox, with the kiosk's name and the time) at most once
 * per kiosk every two minutes. Every call that texts is audited, which is also how the interval
 * is kept.
 */
export const requestKioskHelp = writeService('requestKioskHelp');
export { requestKioskHelpInPlace };

async function requestKioskHelpInPlace(
  ctx: ServiceContext,
  input: { kioskId: string },
): Promise<KioskHelpAnswer> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const phone = await officePhone(ctx);
  const recipient = await helpRecipient(ctx);
  if (recipient === null) return { officePhone: phone, staff: 'not_configured', notifiedAt: null };

  const [kiosk] = await db
    .select({ id: kiosks.id, name: kiosks.name })
    .from(kiosks)
    .where(eq(kiosks.id, input.kioskId))
    .limit(1);
  if (!kiosk) throw new DomainError('kiosk_not_found');

  const recent = () =>
    and(
      eq(auditLog.action, 'kiosk.help'),
      eq(auditLog.actorType, 'kiosk'),
      eq(auditLog.actorId, kiosk.id),
      gt(auditLog.at, new Date(now.getTime() - KIOSK_HELP_INTERVAL_MS)),
    );
  return ctx.database.write(async (tx) => {
    // Checked inside the transaction: two taps at once still text staff only once.
    const [last] = await tx
      .select({ at: auditLog.at })
      .from(auditLog)
      .where(recent())
      .orderBy(desc(auditLog.at))
      .limit(1);
    if (last) {
      return {
        officePhone: phone,
        staff: 'already_notified' as const,
        notifiedAt: last.at.toISOString(),
      };
    }
    const payload = {
      kioskName: kiosk.name,
      at: now.toISOString(),
    } satisfies NotificationPayload<'kiosk_help'>;
    const outboxId = newId();
    await tx.insert(outbox).values({
      id: outboxId,
      template: 'kiosk_help',
      channel: 'sms',
      recipient,
      // Staff read the program's texts in Korean.
      locale: 'ko',
      payload,
      nextAttemptAt: now,
      createdAt: now,
    });
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'kiosk',
      actorId: kiosk.id,
      action: 'kiosk.help',
      subjectType: 'kiosk',
      subjectId: kiosk.id,
      detail: { outboxId },
    });
    return { officePhone: phone, staff: 'notified' as const, notifiedAt: now.toISOString() };
  });
}
