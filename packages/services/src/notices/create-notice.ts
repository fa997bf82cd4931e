import { auditLog, newId, notices } from '@seoro/db';
import { writeService, type ServiceContext } from '../context';
import { checkedNotice, type NoticeInput } from './notice-input';

export interface CreateNoticeInput extends NoticeInput {
  staffId: string;
  ip?: string | null;
}

/**
 * Adds a notice for the kiosks' start screen; it shows on its days from the kiosks' next refresh.
 * Refusals (nothing written): `notice_text_required`, `notice_text_too_long`,
 * `notice_date_invalid`, `notice_ends_before_start`. Audited as `notice.create`.
 */
export const createNotice = writeService('createNotice');
export { createNoticeInPlace };

async function createNoticeInPlace(
  ctx: ServiceContext,
  input: CreateNoticeInput,
): Promise<{ id: string; showFrom: string; showUntil: string }> {
  const notice = checkedNotice(input);
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const id = newId();
    await tx.insert(notices).values({
      id,
      ...notice,
      createdByStaffId: input.staffId,
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'notice.create',
      subjectType: 'notice',
      subjectId: id,
      ip: input.ip ?? null,
      detail: notice,
    });
    return { id, showFrom: notice.showFrom, showUntil: notice.showUntil };
  });
}
