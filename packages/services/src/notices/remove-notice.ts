import { and, eq, isNull } from 'drizzle-orm';
import { auditLog, notices } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';

/**
 * Takes a notice off the kiosks for good. The row stays (marked removed) for the record; an
 * unknown or already removed notice is `notice_not_found`. Audited as `notice.remove`.
 */
export const removeNotice = writeService('removeNotice');
export { removeNoticeInPlace };

async function removeNoticeInPlace(
  ctx: ServiceContext,
  input: { noticeId: string; staffId: string; ip?: string | null },
): Promise<{ id: string; removedAt: Date }> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .select()
      .from(notices)
      .where(and(eq(notices.id, input.noticeId), isNull(notices.removedAt)))
      .limit(1);
    if (!row) throw new DomainError('notice_not_found');
    await tx.update(notices).set({ removedAt: now, updatedAt: now }).where(eq(notices.id, row.id));
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'notice.remove',
      subjectType: 'notice',
      subjectId: row.id,
      ip: input.ip ?? null,
      detail: { bodyKo: row.bodyKo, showFrom: row.showFrom, showUntil: row.showUntil },
    });
    return { id: row.id, removedAt: now };
  });
}
