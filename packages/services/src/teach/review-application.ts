import { eq } from 'drizzle-orm';
import { auditLog, instructorApplications, residents } from '@seoro/db';
import { DomainError, canStaffDecide, canStaffDecline, formatKrMobile } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { addMessage, loadApplication, tellApplicant } from './shared';

const MESSAGE_MAX = 2000;

function requiredMessage(text: string): string {
  const body = text.trim();
  if (body.length === 0) throw new DomainError('application_message_required');
  if (body.length > MESSAGE_MAX) {
    throw new DomainError('application_text_too_long', { field: 'message', max: MESSAGE_MAX });
  }
  return body;
}

/**
 * Staff add to the conversation: an internal note (`toApplicant` false, never shown to the
 * applicant) or a message to the applicant. The status does not change.
 */
export const commentOnApplication = writeService('commentOnApplication');
export { commentOnApplicationInPlace };

async function commentOnApplicationInPlace(
  ctx: ServiceContext,
  input: { applicationId: string; staffId: string; body: string; toApplicant: boolean },
): Promise<{ applicationId: string }> {
  const body = requiredMessage(input.body);
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const application = await loadApplication(tx, input.applicationId);
    await addMessage(tx, {
      applicationId: application.id,
      authorType: 'staff',
      staffId: input.staffId,
      kind: 'comment',
      body,
      toApplicant: input.toApplicant,
      createdAt: now,
    });
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'application.comment',
      subjectType: 'application',
      subjectId: application.id,
      residentId: application.residentId,
      detail: { toApplicant: input.toApplicant },
    });
    return { applicationId: application.id };
  });
}

/**
 * Staff send a submitted application back with what to change (`changes_requested`); the
 * applicant is told by text with the message. A blank message or an application not waiting for
 * staff is refused and nothing changes.
 */
export const requestApplicationChanges = writeService('requestApplicationChanges');
export { requestApplicationChangesInPlace };

async function requestApplicationChangesInPlace(
  ctx: ServiceContext,
  input: { applicationId: string; staffId: string; message: string },
): Promise<{ applicationId: string }> {
  const message = requiredMessage(input.message);
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const application = await loadApplication(tx, input.applicationId);
    if (!canStaffDecide(application.status)) throw new DomainError('application_already_decided');
    await tx
      .update(instructorApplications)
      .set({
        status: 'changes_requested',
        reviewedBy: input.staffId,
        reviewedAt: now,
        updatedAt: now,
      })
      .where(eq(instructorApplications.id, application.id));
    await addMessage(tx, {
      applicationId: application.id,
      authorType: 'staff',
      staffId: input.staffId,
      kind: 'changes_requested',
      body: message,
      toApplicant: true,
      createdAt: now,
    });
    await tellApplicant(
      tx,
      application,
      'application_changes_requested',
      { applicationId: application.id, title: application.title, message },
      now,
    );
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'application.changes_requested',
      subjectType: 'application',
      subjectId: application.id,
      residentId: application.residentId,
      detail: { message },
    });
    return { applicationId: application.id };
  });
}

/**
 * Staff decline an application with a reason (required, `reason_required`), which the applicant
 * is told by text; `rejected`.
 */
export const rejectApplication = writeService('rejectApplication');
export { rejectApplicationInPlace };

async function rejectApplicationInPlace(
  ctx: ServiceContext,
  input: { applicationId: string; staffId: string; reason: string },
): Promise<{ applicationId: string }> {
  const reason = input.reason.trim();
  if (reason.length === 0) throw new DomainError('reason_required');
  if (reason.length > MESSAGE_MAX) {
    throw new DomainError('application_text_too_long', { field: 'reason', max: MESSAGE_MAX });
  }
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const application = await loadApplication(tx, input.applicationId);
    if (!canStaffDecline(application.status)) throw new DomainError('application_already_decided');
    await tx
      .update(instructorApplications)
      .set({
        status: 'rejected',
        reviewedBy: input.staffId,
        reviewedAt: now,
        reviewNote: reason,
        updatedAt: now,
      })
      .where(eq(instructorApplications.id, application.id));
    await addMessage(tx, {
      applicationId: application.id,
      authorType: 'staff',
      staffId: input.staffId,
      kind: 'rejected',
      body: reason,
      toApplicant: true,
      createdAt: now,
    });
    await tellApplicant(
      tx,
      application,
      'application_rejected',
      { applicationId: application.id, title: application.title, reason },
      now,
    );
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'application.reject',
      subjectType: 'application',
      subjectId: application.id,
      residentId: application.residentId,
      detail: { reason, previousStatus: application.status },
    });
    return { applicationId: application.id };
  });
}

/**
 * Shows staff the applicant's whole phone number, as the roster's reveal does: a reason is
 * required and goes into the `resident.phone_reveal` audit row in the same call.
 */
export const revealApplicantPhone = writeService('revealApplicantPhone');
export { revealApplicantPhoneInPlace };

async function revealApplicantPhoneInPlace(
  ctx: ServiceContext,
  input: { applicationId: string; reason: string; staffId: string; ip?: string | null },
): Promise<{ applicationId: string; phone: string }> {
  const reason = input.reason.trim();
  if (reason.length === 0) throw new DomainError('reason_required');
  return ctx.database.write(async (tx) => {
    const application = await loadApplication(tx, input.applicationId);
    const [resident] = await tx
      .select({ phone: residents.phoneE164 })
      .from(residents)
      .where(eq(residents.id, application.residentId))
      .limit(1);
    if (!resident) throw new DomainError('application_not_found');
    await tx.insert(auditLog).values({
      at: ctx.clock.now(),
      actorType: 'staff',
      actorId: input.staffId,
      action: 'resident.phone_reveal',
      subjectType: 'application',
      subjectId: application.id,
      residentId: application.residentId,
      ip: input.ip ?? null,
      detail: { reason },
    });
    return { applicationId: application.id, phone: formatKrMobile(resident.phone) };
  });
}
