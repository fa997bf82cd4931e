import { eq } from 'drizzle-orm';
import { terms } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { auditStaffChange, countLiveEnrolments, type StaffActor } from './term-records';

export interface SetTermPublishedInput extends StaffActor {
  termId: string;
  /** True: residents see the term (게시); false: back to a draft (초안). */
  published: boolean;
}

/**
 * Publishes a term (초안 → 게시) or takes it back to a draft. A term with live registrations
 * (confirmed, waiting or in a lottery) is not taken back: the residents who signed up would lose
 * sight of their courses (`term_has_live_enrolments`, with the count). An archived term is
 * published again like a draft. Asking for the status a term already has changes nothing.
 */
export const setTermPublished = writeService('setTermPublished');
export { setTermPublishedInPlace };

async function setTermPublishedInPlace(
  ctx: ServiceContext,
  input: SetTermPublishedInput,
): Promise<{ id: string; status: 'draft' | 'published'; changed: boolean }> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [term] = await tx.select().from(terms).where(eq(terms.id, input.termId)).limit(1);
    if (!term) throw new DomainError('term_not_found');
    const status = input.published ? 'published' : 'draft';
    if (term.status === status) return { id: term.id, status, changed: false };
    if (!input.published) {
      const live = await countLiveEnrolments(tx, { termId: term.id });
      if (live > 0) throw new DomainError('term_has_live_enrolments', { count: live });
    }
    await tx.update(terms).set({ status }).where(eq(terms.id, term.id));
    await auditStaffChange(tx, now, input, {
      action: input.published ? 'term.publish' : 'term.unpublish',
      subjectType: 'term',
      subjectId: term.id,
      detail: { before: { status: term.status }, after: { status } },
    });
    return { id: term.id, status, changed: true };
  });
}
