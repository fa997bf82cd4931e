import { eq, sql } from 'drizzle-orm';
import { statementsFor, terms, type Db } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import type { ServiceContext } from '../context';
import { registrationQueries } from './register-queries';

const p = sql.placeholder;

export const myTermPlacesStatements = statementsFor((db: Db) => ({
  term: db
    .select({ id: terms.id, perResidentLimit: terms.perResidentLimit, status: terms.status })
    .from(terms)
    .where(eq(terms.id, p('termId')))
    .prepare(),
}));

export interface MyTermPlaces {
  termId: string;
  /** Places the resident holds in the term, as the per-term limit counts them. */
  used: number;
  /** The term's per-resident limit; null: no limit. */
  limit: number | null;
}

/**
 * How many of the term's places the signed-in resident already holds ("1 of 2"), counted as the
 * registration's per-term limit counts them. A term residents cannot see is `term_not_found`.
 */
export async function getMyTermPlaces(
  ctx: ServiceContext,
  input: { residentId: string; termId: string },
): Promise<MyTermPlaces> {
  const q = myTermPlacesStatements(ctx.database.db);
  const [term] = await q.term.all({ termId: input.termId });
  if (!term || term.status === 'draft') throw new DomainError('term_not_found');
  // The very statement the registration's per-term limit counts with, so the two never differ.
  const [live] = await registrationQueries(ctx.database.db).liveInTerm.all({
    residentId: input.residentId,
    termId: input.termId,
  });
  return { termId: term.id, used: Number(live?.n ?? 0), limit: term.perResidentLimit };
}
