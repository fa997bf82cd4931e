import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import {
  auditLog,
  newId,
  outbox,
  programSettings,
  residents,
  teachInvitations,
  type Db,
  type Tx,
} from '@seoro/db';
import { DomainError, isWishTopic, maskName, type Locale, type WishTopic } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';

/** The `program_settings` key of the secret that signs opt-out links (made on first use). */
export const TEACH_INVITE_SECRET_KEY = 'teach_invite_secret';

export interface TeachCandidate {
  residentId: string;
  name: string;
  phone: string;
  /** The language of the last text sent to them; Korean when none was. */
  locale: Locale;
}

function requireTopic(topic: string): WishTopic {
  if (!isWishTopic(topic)) throw new DomainError('wish_topic_invalid');
  return topic;
}

/**
 * Past learners who may be invited to teach `topic`: residents not anonymised, not opted out and
 * not yet invited for the topic, with at least one finished course (every meeting not cancelled
 * has ended) whose meetings they attended at or above its term's completion percentage.
 */
export async function teachCandidates(
  db: Db | Tx,
  topic: WishTopic,
  now: Date,
): Promise<TeachCandidate[]> {
  const at = now.getTime();
  const result = await db.all<{
    resident_id: string;
    name: string;
    phone: string;
    locale: string | null;
  }>(sql`
    select r.id as resident_id, r.name as name, r.phone_e164 as phone,
      (select o.locale from outbox o where o.recipient = r.phone_e164
        order by o.created_at desc limit 1) as locale
    from residents r
    where r.anonymized_at is null
      and r.teach_invites_opt_out_at is null
      and not exists (select 1 from teach_invitations ti
        where ti.resident_id = r.id and ti.topic = ${topic})
      and exists (
        select 1 from enrolments e
        join courses c on c.id = e.course_id
        join terms t on t.id = c.term_id
        where e.resident_id = r.id and e.status = 'confirmed' and c.status = 'open'
          and (select count(*) from meetings m
            where m.course_id = c.id and m.status = 'scheduled') > 0
          and not exists (select 1 from meetings m
            where m.course_id = c.id and m.status = 'scheduled' and m.ends_at > ${at})
          and (select count(*) from attendance a join meetings m on m.id = a.meeting_id
            where a.enrolment_id = e.id and m.status = 'scheduled') * 100
            >= t.completion_percent * (select count(*) from meetings m
              where m.course_id = c.id and m.status = 'scheduled')
      )
    order by r.created_at, r.id
  `);
  return result.map((row) => ({
    residentId: row.resident_id,
    name: row.name,
    phone: row.phone,
    locale: row.locale === 'en' ? 'en' : 'ko',
  }));
}

/** How many would be invited for `topic`, and their masked names (for staff, before sending). */
export async function previewTeachInvitations(
  ctx: ServiceContext,
  input: { topic: string },
): Promise<{ topic: WishTopic; count: number; maskedNames: string[] }> {
  const topic = requireTopic(input.topic);
  const candidates = await teachCandidates(ctx.database.db, topic, ctx.clock.now());
  return { topic, count: candidates.length, maskedNames: candidates.map((c) => maskName(c.name)) };
}

function sign(secret: string, residentId: string): string {
  return createHmac('sha256', secret).update(`teach-opt-out:${residentId}`).digest('base64url');
}

async function readSecret(db: Db | Tx): Promise<string | null> {
  const [row] = await db
    .select({ value: programSettings.value })
    .from(programSettings)
    .where(eq(programSettings.key, TEACH_INVITE_SECRET_KEY))
    .limit(1);
  if (!row) return null;
  const value: unknown = JSON.parse(row.value);
  return typeof value === 'string' && value.length >= 32 ? value : null;
}

async function secretFor(ctx: ServiceContext, tx: Tx): Promise<string> {
  const stored = await readSecret(tx);
  if (stored) return stored;
  const secret = Buffer.from(ctx.random(32)).toString('base64url');
  await tx
    .insert(programSettings)
    .values({
      key: TEACH_INVITE_SECRET_KEY,
      value: JSON.stringify(secret),
      updatedAt: ctx.clock.now(),
    })
    .onConflictDoUpdate({
      target: programSettings.key,
      set: { value: JSON.stringify(secret), updatedAt: ctx.clock.now() },
    });
  return secret;
}

/** The opt-out token of a resident: their id and a signature nobody without the secret can make. */
export function teachOptOutToken(secret: string, residentId: string): string {
  return `${residentId}.${sign(secret, residentId)}`;
}

/** The resident a token names, or null when its signature does not match. */
function residentOfToken(secret: string, token: string): string | null {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const residentId = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(sign(secret, residentId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? residentId : null;
}

/**
 * Invites every candidate for `topic` (see `teachCandidates`): one SMS each through the outbox,
 * in their language, with the link to apply and a link to stop these invitations; one
 * `teach_invitations` row each, so a second invitation for the topic reaches no one twice.
 * Audited as `wishes.invite` (the count, never the names).
 */
export const inviteToTeach = writeService('inviteToTeach');
export { inviteToTeachInPlace };

async function inviteToTeachInPlace(
  ctx: ServiceContext,
  input: { topic: string; staffId: string; ip?: string | null },
): Promise<{ topic: WishTopic; invited: number }> {
  const topic = requireTopic(input.topic);
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const candidates = await teachCandidates(tx, topic, now);
    const secret = candidates.length > 0 ? await secretFor(ctx, tx) : null;
    for (const candidate of candidates) {
      await tx.insert(teachInvitations).values({
        id: newId(),
        residentId: candidate.residentId,
        topic,
        sentAt: now,
        staffId: input.staffId,
      });
      await tx.insert(outbox).values({
        id: newId(),
        template: 'teach_invitation',
        channel: 'sms',
        recipient: candidate.phone,
        locale: candidate.locale,
        payload: {
          topic,
          optOutToken: teachOptOutToken(secret ?? '', candidate.residentId),
        },
        nextAttemptAt: now,
        createdAt: now,
      });
    }
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'wishes.invite',
      subjectType: 'wish_topic',
      subjectId: topic,
      ip: input.ip ?? null,
      detail: { topic, invited: candidates.length },
    });
    return { topic, invited: candidates.length };
  });
}

/**
 * Stops invitations to teach for the resident the token names (the link in an invitation).
 * Doing it twice changes nothing more. A token that does not check out is
 * `teach_opt_out_invalid`, and nothing changes.
 */
export const optOutOfTeachInvites = writeService('optOutOfTeachInvites');
export { optOutOfTeachInvitesInPlace };

async function optOutOfTeachInvitesInPlace(
  ctx: ServiceContext,
  input: { token: string },
): Promise<{ optedOut: true }> {
  return ctx.database.write(async (tx) => {
    const secret = await readSecret(tx);
    const residentId = secret ? residentOfToken(secret, input.token) : null;
    if (!residentId) throw new DomainError('teach_opt_out_invalid');
    const [row] = await tx
      .select({ id: residents.id, optedOutAt: residents.teachInvitesOptOutAt })
      .from(residents)
      .where(eq(residents.id, residentId))
      .limit(1);
    if (!row) throw new DomainError('teach_opt_out_invalid');
    if (!row.optedOutAt) {
      const now = ctx.clock.now();
      await tx
        .update(residents)
        .set({ teachInvitesOptOutAt: now, updatedAt: now })
        .where(eq(residents.id, row.id));
      await tx.insert(auditLog).values({
        at: now,
        actorType: 'resident',
        actorId: row.id,
        action: 'teach.opt_out',
        subjectType: 'resident',
        subjectId: row.id,
        ip: null,
        detail: {},
      });
    }
    return { optedOut: true };
  });
}
