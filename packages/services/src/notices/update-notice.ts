import { and, eq, isNull } from 'drizzle-orm';
import { auditLog, notices } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { checkedNotice, type NoticeInput } from './notice-input';

export interface UpdateNoticeInput extends NoticeInput {
  noticeId: string;
  staffId: string;
  ip?: string | null;
}

/**
 * Changes a notice's texts or days. The same refusals as creating one, and `notice_not_found`
 * for one that is unknown or removed; nothing is written then. The audit row (`notice.update`)
 * holds the values before and after; saving without a change writes nothing.
 */
export const updateNotice = writeService('updateNotice');
export { updateNoticeInPlace };

async function updateNoticeInPlace(
  ctx: ServiceContext,
  input: UpdateNoticeInput,
): Promise<{ id: string; changed: boolean }> {
  const notice = checkedNotice(input);
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .select()
      .from(notices)
      .where(and(eq(notices.id, input.noticeId), isNull(notices.removedAt)))
      .limit(1);
    if (!row) throw new DomainError('notice_not_found');
    const before = {
      bodyKo: row.bodyKo,
      bodyEn: row.bodyEn,
      showFrom: row.showFrom,
      showUntil: row.showUntil,
    };
    const changed = (Object.keys(notice) as Array<keyof NoticeInput>).some(
      (key) => notice[key] !== before[key],
    );
    if (!changed) return { id: row.id, changed };
    await tx
      .update(notices)
      .set({ ...notice, updatedAt: now })
      .where(eq(notices.id, row.id));
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'notice.update',
      subjectType: 'notice',
      subjectId: row.id,
      ip: input.ip ?? null,
      detail: { before, after: notice },
    });
    return { id: row.id, changed };
  });
}
