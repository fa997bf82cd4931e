import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { staffUsers } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import type { Tx } from '@seoro/db';

/**
 * Refuses (`last_admin`) a change that would leave no administrator able to sign in: demoting or
 * disabling the only enabled administrator, themselves included. Runs inside the change's write
 * transaction, so two administrators demoting each other at once cannot both pass.
 */
export async function keepAnAdmin(tx: Tx, staffId: string): Promise<void> {
  const [others] = await tx
    .select({ count: sql<number>`count(*)` })
    .from(staffUsers)
    .where(
      and(eq(staffUsers.role, 'admin'), isNull(staffUsers.disabledAt), ne(staffUsers.id, staffId)),
    );
  if (Number(others?.count ?? 0) === 0) throw new DomainError('last_admin');
}
