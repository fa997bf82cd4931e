import { and, eq, isNull } from 'drizzle-orm';
import { auditLog, wishes } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';

/**
 * Hides a wish from every list for good (abuse, personal data typed in); the row stays. An
 * unknown or already hidden wish is `wish_not_found`. Audited as `wishes.hide`.
 */
export const hideWish = writeService('hideWish');
export { hideWishInPlace };

async function hideWishInPlace(
  ctx: ServiceContext,
  input: { wishId: string; staffId: string; ip?: string | null },
): Promise<{ id: string; hiddenAt: Date }> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .select()
      .from(wishes)
      .where(and(eq(wishes.id, input.wishId), isNull(wishes.hiddenAt)))
      .limit(1);
    if (!row) throw new DomainError('wish_not_found');
    await tx.update(wishes).set({ hiddenAt: now }).where(eq(wishes.id, row.id));
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'wishes.hide',
      subjectType: 'wish',
      subjectId: row.id,
      ip: input.ip ?? null,
      detail: { topic: row.topic, text: row.text },
    });
    return { id: row.id, hiddenAt: now };
  });
}
