import { eq } from 'drizzle-orm';
import { newId, terms } from '@seoro/db';
import { DomainError, type TermInput } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import {
  auditStaffChange,
  changes,
  freeSlug,
  requireTerm,
  snapshot,
  termColumns,
  type StaffActor,
} from './term-records';

export interface CreateTermInput extends StaffActor {
  settings: TermInput;
}

export interface UpdateTermInput extends StaffActor {
  termId: string;
  settings: TermInput;
}

/**
 * Staff create a term (기수). It starts as a draft, hidden from residents until published. Its
 * settings are checked first (`checkTerm`); the first problem is refused with its field, and
 * nothing is written. A blank slug is made from the English name.
 */
export const createTerm = writeService('createTerm');
export { createTermInPlace };

async function createTermInPlace(
  ctx: ServiceContext,
  input: CreateTermInput,
): Promise<{ id: string; slug: string }> {
  const settings = requireTerm(input.settings);
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const slug = await freeSlug(tx, settings, null);
    const row = { id: newId(), ...termColumns(settings, slug), status: 'draft' as const };
    await tx.insert(terms).values({ ...row, createdAt: now });
    await auditStaffChange(tx, now, input, {
      action: 'term.create',
      subjectType: 'term',
      subjectId: row.id,
      detail: { after: snapshot(row) },
    });
    return { id: row.id, slug };
  });
}

/**
 * Staff change a term's settings, under the same checks as creating one. A blank slug keeps the
 * term's own. The audit row holds each changed field before and after.
 */
export const updateTerm = writeService('updateTerm');
export { updateTermInPlace };

async function updateTermInPlace(
  ctx: ServiceContext,
  input: UpdateTermInput,
): Promise<{ id: string; changed: string[] }> {
  const settings = requireTerm(input.settings);
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [term] = await tx.select().from(terms).where(eq(terms.id, input.termId)).limit(1);
    if (!term) throw new DomainError('term_not_found');
    const slug = settings.slug ? await freeSlug(tx, settings, term.id) : term.slug;
    const next = termColumns(settings, slug);
    const diff = changes(term, next);
    const changed = Object.keys(diff.after);
    if (changed.length > 0) {
      await tx.update(terms).set(next).where(eq(terms.id, term.id));
      await auditStaffChange(tx, now, input, {
        action: 'term.update',
        subjectType: 'term',
        subjectId: term.id,
        detail: diff,
      });
    }
    return { id: term.id, changed };
  });
}
