import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { courses, enrolments, instructors, meetings, rooms, terms, venues } from '@seoro/db';
import { DomainError, type CourseInput, type RegistrationMode } from '@seoro/domain';
import type { ServiceContext } from '../context';
import type { LocalizedText } from '../views';
import { LIVE_ENROLMENT_STATUSES } from '../terms/term-records';

/** What the course form offers: its term, the rooms and the instructors to choose from. */
export interface CourseEditorOptions {
  term: {
    id: string;
    name: LocalizedText;
    status: 'draft' | 'published' | 'archived';
    defaultMode: RegistrationMode;
  };
  rooms: { id: string; name: LocalizedText; venue: LocalizedText; seats: number | null }[];
  /** Display names only (shown publicly anyway); `fromResident` when linked to a resident. */
  instructors: { id: string; displayName: string; fromResident: boolean }[];
}

/** The course form's choices for a course in `termId`. */
export async function courseEditorOptions(
  ctx: ServiceContext,
  input: { termId: string },
): Promise<CourseEditorOptions> {
  const db = ctx.database.db;
  const [term] = await db.select().from(terms).where(eq(terms.id, input.termId)).limit(1);
  if (!term) throw new DomainError('term_not_found');
  const roomRows = await db
    .select({ room: rooms, venue: venues })
    .from(rooms)
    .innerJoin(venues, eq(venues.id, rooms.venueId))
    .orderBy(asc(venues.nameKo), asc(rooms.nameKo));
  const instructorRows = await db
    .select({
      id: instructors.id,
      displayName: instructors.displayName,
      residentId: instructors.residentId,
    })
    .from(instructors)
    .orderBy(asc(instructors.displayName));
  return {
    term: {
      id: term.id,
      name: { ko: term.nameKo, en: term.nameEn },
      status: term.status,
      defaultMode: term.defaultMode,
    },
    rooms: roomRows.map(({ room, venue }) => ({
      id: room.id,
      name: { ko: room.nameKo, en: room.nameEn },
      venue: { ko: venue.nameKo, en: venue.nameEn },
      seats: room.seats,
    })),
    instructors: instructorRows.map((i) => ({
      id: i.id,
      displayName: i.displayName,
      fromResident: i.residentId !== null,
    })),
  };
}

/** A course as its edit form shows it, with what limits a change (confirmed learners). */
export interface CourseEditor {
  id: string;
  termId: string;
  draft: boolean;
  status: 'open' | 'cancelled';
  settings: CourseInput;
  roomId: string;
  instructorId: string | null;
  confirmedCount: number;
  liveEnrolments: number;
  meetingCount: number;
  options: CourseEditorOptions;
}

/** One course for its edit form. Counts only: no personal data. */
export async function getCourseEditor(
  ctx: ServiceContext,
  input: { courseId: string },
): Promise<CourseEditor> {
  const db = ctx.database.db;
  const [course] = await db.select().from(courses).where(eq(courses.id, input.courseId)).limit(1);
  if (!course) throw new DomainError('course_not_found');
  const [counts] = await db
    .select({
      confirmed: sql<number>`coalesce(sum(case when ${enrolments.status} = 'confirmed' then 1 else 0 end), 0)`,
      live: sql<number>`count(*)`,
    })
    .from(enrolments)
    .where(
      and(eq(enrolments.courseId, course.id), inArray(enrolments.status, LIVE_ENROLMENT_STATUSES)),
    );
  const [held] = await db
    .select({ n: sql<number>`count(*)` })
    .from(meetings)
    .where(and(eq(meetings.courseId, course.id), eq(meetings.status, 'scheduled')));
  return {
    id: course.id,
    termId: course.termId,
    draft: course.draft,
    status: course.status,
    settings: {
      titleKo: course.titleKo,
      titleEn: course.titleEn,
      summaryKo: course.summaryKo,
      summaryEn: course.summaryEn,
      descriptionKo: course.descriptionKo,
      descriptionEn: course.descriptionEn,
      materialsNoteKo: course.materialsNoteKo ?? '',
      materialsNoteEn: course.materialsNoteEn ?? '',
      materialsFeeWon: course.materialsFeeWon,
      capacity: course.capacity,
      minLearners: course.minLearners,
      mode: course.mode,
      onsiteSeats: course.onsiteSeats,
    },
    roomId: course.roomId,
    instructorId: course.instructorId,
    confirmedCount: Number(counts?.confirmed ?? 0),
    liveEnrolments: Number(counts?.live ?? 0),
    meetingCount: Number(held?.n ?? 0),
    options: await courseEditorOptions(ctx, { termId: course.termId }),
  };
}
