import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { courses, meetings, newId, terms } from '@seoro/db';
import { DomainError, kstWeekday, type TermInput } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import type { LocalizedText } from '../views';
import {
  auditStaffChange,
  freeSlug,
  requireTerm,
  snapshot,
  termColumns,
  type StaffActor,
} from './term-records';

export interface CopyTermInput extends StaffActor {
  sourceTermId: string;
  /** The new term's settings (the copy form starts from the source's, moved by whole weeks). */
  settings: TermInput;
}

/** The weekly slot a source course met in, for the meetings screen to start from. */
export interface WeeklySlot {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  startTime: string;
  endTime: string;
}

export interface CopiedCourse {
  id: string;
  sourceId: string;
  title: LocalizedText;
  roomId: string;
  /** Null when the source course had no meetings. */
  slot: WeeklySlot | null;
}

export interface CopyTermResult {
  id: string;
  slug: string;
  courses: CopiedCourse[];
}

/**
 * Starts the next term from an earlier one, in one transaction: a new draft term with the given
 * settings, and a copy of each of the source's courses that was not cancelled, every copy a draft
 * with no registrations and no meetings. Meetings are made on the meetings screen from a weekly
 * pattern; the result (and the audit row) names the slot each source course met in, so that
 * screen can start from it. The new term's settings are checked like any other term's.
 */
export const copyTerm = writeService('copyTerm');
export { copyTermInPlace };

async function copyTermInPlace(ctx: ServiceContext, input: CopyTermInput): Promise<CopyTermResult> {
  const settings = requireTerm(input.settings);
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [source] = await tx.select().from(terms).where(eq(terms.id, input.sourceTermId)).limit(1);
    if (!source) throw new DomainError('term_not_found');
    const slug = await freeSlug(tx, settings, null);
    const termRow = { id: newId(), ...termColumns(settings, slug), status: 'draft' as const };
    await tx.insert(terms).values({ ...termRow, createdAt: now });

    const sourceCourses = await tx
      .select()
      .from(courses)
      .where(and(eq(courses.termId, source.id), ne(courses.status, 'cancelled')))
      .orderBy(asc(courses.sortOrder), asc(courses.titleKo));
    const firstMeetings =
      sourceCourses.length === 0
        ? []
        : await tx
            .select({
              courseId: meetings.courseId,
              date: meetings.date,
              startTime: meetings.startTime,
              endTime: meetings.endTime,
            })
            .from(meetings)
            .where(
              and(
                inArray(
                  meetings.courseId,
                  sourceCourses.map((c) => c.id),
                ),
                eq(meetings.status, 'scheduled'),
              ),
            )
            .orderBy(asc(meetings.seq));
    const slotBy = new Map<string, WeeklySlot>();
    for (const m of firstMeetings) {
      if (!slotBy.has(m.courseId)) {
        slotBy.set(m.courseId, {
          weekday: kstWeekday(m.date),
          startTime: m.startTime,
          endTime: m.endTime,
        });
      }
    }

    const copied: CopiedCourse[] = [];
    for (const course of sourceCourses) {
      const id = newId();
      await tx.insert(courses).values({
        ...course,
        id,
        termId: termRow.id,
        belowMinimumAt: null,
        status: 'open',
        draft: true,
        createdAt: now,
      });
      copied.push({
        id,
        sourceId: course.id,
        title: { ko: course.titleKo, en: course.titleEn },
        roomId: course.roomId,
        slot: slotBy.get(course.id) ?? null,
      });
    }

    await auditStaffChange(tx, now, input, {
      action: 'term.copy',
      subjectType: 'term',
      subjectId: termRow.id,
      detail: {
        from: source.id,
        after: snapshot(termRow),
        courses: copied.map((c) => ({ id: c.id, from: c.sourceId, slot: c.slot })),
      },
    });
    return { id: termRow.id, slug, courses: copied };
  });
}
