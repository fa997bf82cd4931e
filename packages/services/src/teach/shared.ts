import { asc, eq } from 'drizzle-orm';
import {
  applicationMessages,
  instructorApplications,
  newId,
  outbox,
  residents,
  type Tx,
} from '@seoro/db';
import { DomainError, checkTeachProposal, type TeachProposal } from '@seoro/domain';
import type { NotificationPayload, NotificationTemplate } from '../notifications';

export type ApplicationRow = typeof instructorApplications.$inferSelect;
export type ApplicationMessageRow = typeof applicationMessages.$inferSelect;

/** The proposal's fields with blanks trimmed, as they are checked and stored. */
export function tidyProposal(p: TeachProposal): TeachProposal {
  return {
    ...p,
    applicantName: p.applicantName.trim(),
    title: p.title.trim(),
    description: p.description.trim(),
    teaches: p.teaches.trim(),
    experience: p.experience.trim(),
    preferredStartTime: p.preferredStartTime?.trim() || null,
  };
}

/** Refuses a proposal with its first issue (the code names the field); nothing is written. */
export function assertProposal(p: TeachProposal): void {
  const [first] = checkTeachProposal(p);
  if (first) throw new DomainError(first.code, first.params);
}

/** The columns a proposal fills in. */
export function proposalColumns(p: TeachProposal, now: Date) {
  return {
    applicantName: p.applicantName,
    title: p.title,
    description: p.description,
    teaches: p.teaches,
    experience: p.experience,
    meetingCount: p.meetingCount,
    preferredWeekday: p.preferredWeekday,
    preferredStartTime: p.preferredStartTime,
    durationMinutes: p.durationMinutes,
    materialsFeeWon: p.materialsFeeWon,
    capacity: p.capacity,
    yongsanConfirmed: p.yongsanConfirmed,
    exclusionsAcceptedAt: now,
  };
}

/** The application, or `application_not_found`; with `residentId`, only that resident's. */
export async function loadApplication(
  db: Tx,
  applicationId: string,
  residentId?: string,
): Promise<ApplicationRow> {
  const [row] = await db
    .select()
    .from(instructorApplications)
    .where(eq(instructorApplications.id, applicationId))
    .limit(1);
  // Another resident's application reads like an unknown one.
  if (!row || (residentId !== undefined && row.residentId !== residentId)) {
    throw new DomainError('application_not_found');
  }
  return row;
}

/** The conversation in order; `applicantOnly` leaves out staff notes the applicant never sees. */
export async function loadMessages(db: Tx, applicationId: string, applicantOnly: boolean) {
  const rows = await db
    .select()
    .from(applicationMessages)
    .where(eq(applicationMessages.applicationId, applicationId))
    .orderBy(asc(applicationMessages.createdAt), asc(applicationMessages.id));
  return applicantOnly ? rows.filter((r) => r.toApplicant) : rows;
}

/** Appends one message to the conversation. */
export async function addMessage(
  tx: Tx,
  row: Omit<typeof applicationMessages.$inferInsert, 'id'>,
): Promise<void> {
  await tx.insert(applicationMessages).values({ id: newId(), ...row });
}

/** Queues one text to the applicant, in the language they applied in. */
export async function tellApplicant<T extends NotificationTemplate>(
  tx: Tx,
  application: ApplicationRow,
  template: T,
  payload: NotificationPayload<T>,
  now: Date,
): Promise<void> {
  const [resident] = await tx
    .select({ phone: residents.phoneE164 })
    .from(residents)
    .where(eq(residents.id, application.residentId))
    .limit(1);
  if (!resident) return;
  await tx.insert(outbox).values({
    id: newId(),
    template,
    channel: 'sms',
    recipient: resident.phone,
    locale: application.locale,
    payload,
    nextAttemptAt: now,
    createdAt: now,
  });
}
