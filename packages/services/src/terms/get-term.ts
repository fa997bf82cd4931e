import { eq } from 'drizzle-orm';
import { terms } from '@seoro/db';
import { DomainError, shiftTermByWeeks, toKstDateTimeInput, type TermInput } from '@seoro/domain';
import type { ServiceContext } from '../context';
import { loadCourseCards, type CourseCard } from '../views';
import { countLiveEnrolments, toTermInput } from './term-records';

/** One term for its admin page: its settings as the form shows them, and its courses. */
export interface TermDetail {
  id: string;
  status: 'draft' | 'published' | 'archived';
  settings: TermInput;
  liveEnrolments: number;
  /** Drafts included; a course's `meetingCount` 0 means it cannot be published yet. */
  courses: CourseCard[];
  /**
   * What the copy form starts from: these settings moved by whole weeks (so classes keep their
   * weekday) to begin the week after this term ends, with a blank slug.
   */
  copySuggestion: TermInput & { weeks: number };
}

/** A term's settings, courses and the suggested next term. Counts only: no personal data. */
export async function getTerm(ctx: ServiceContext, input: { termId: string }): Promise<TermDetail> {
  const db = ctx.database.db;
  const [term] = await db.select().from(terms).where(eq(terms.id, input.termId)).limit(1);
  if (!term) throw new DomainError('term_not_found');
  const settings = toTermInput(term);
  const shifted = shiftTermByWeeks(term);
  const dt = (d: Date | null) => (d ? toKstDateTimeInput(d) : '');
  return {
    id: term.id,
    status: term.status,
    settings,
    liveEnrolments: await countLiveEnrolments(db, { termId: term.id }),
    courses: await loadCourseCards(db, { termId: term.id, includeDrafts: true }),
    copySuggestion: {
      ...settings,
      slug: '',
      startsOn: shifted.startsOn,
      endsOn: shifted.endsOn,
      registrationOpensAt: dt(shifted.registrationOpensAt),
      registrationClosesAt: dt(shifted.registrationClosesAt),
      onsiteOpensAt: dt(shifted.onsiteOpensAt),
      onsiteClosesAt: dt(shifted.onsiteClosesAt),
      weeks: shifted.weeks,
    },
  };
}
