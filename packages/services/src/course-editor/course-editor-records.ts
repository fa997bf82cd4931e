import { eq } from 'drizzle-orm';
import { auditLog, courses, instructors, newId, residents, rooms, type Tx } from '@seoro/db';
import {
  DomainError,
  NAME_MAX_LENGTH,
  checkCourse,
  normalizeKrMobile,
  type CourseInput,
  type CourseSettings,
} from '@seoro/domain';
import { auditStaffChange, type StaffActor } from '../terms/term-records';

/**
 * Who teaches a course, as staff choose on its form: an instructor already known, a resident found
 * by their mobile number (who becomes an instructor if not one yet), a new instructor by display
 * name alone, or nobody yet.
 */
export type InstructorChoice =
  | { kind: 'existing'; instructorId: string }
  | { kind: 'resident'; phone: string; displayName: string }
  | { kind: 'name'; displayName: string }
  | { kind: 'none' };

/** A course's form: its settings, its room and its instructor. */
export interface CourseEditorInput extends StaffActor {
  settings: CourseInput;
  roomId: string;
  instructor: InstructorChoice;
}

/** The settings, or the first problem as a refusal naming its field: nothing is written then. */
export function requireCourse(input: CourseInput): CourseSettings {
  const checked = checkCourse(input);
  if (!checked.ok) {
    const [issue] = checked.issues;
    throw new DomainError(issue!.code, { field: issue!.field });
  }
  return checked.value;
}

export async function requireRoom(tx: Tx, roomId: string): Promise<void> {
  const [room] = await tx.select({ id: rooms.id }).from(rooms).where(eq(rooms.id, roomId)).limit(1);
  if (!room) throw new DomainError('course_room_not_found');
}

function displayNameOf(text: string): string {
  const name = text.trim().replace(/\s+/g, ' ');
  if (!name || name.length > NAME_MAX_LENGTH)
    throw new DomainError('course_instructor_name_required');
  return name;
}

/**
 * The instructor id for a choice, creating the instructor where the choice asks for one (with an
 * audit row; for a resident, naming the resident whose record was looked up).
 */
export async function resolveInstructor(
  tx: Tx,
  choice: InstructorChoice,
  at: Date,
  actor: StaffActor,
): Promise<string | null> {
  switch (choice.kind) {
    case 'none':
      return null;
    case 'existing': {
      const [row] = await tx
        .select({ id: instructors.id })
        .from(instructors)
        .where(eq(instructors.id, choice.instructorId))
        .limit(1);
      if (!row) throw new DomainError('course_instructor_not_found');
      return row.id;
    }
    case 'name': {
      const displayName = displayNameOf(choice.displayName);
      const id = newId();
      await tx.insert(instructors).values({ id, displayName, createdAt: at });
      await auditStaffChange(tx, at, actor, {
        action: 'instructor.create',
        subjectType: 'instructor',
        subjectId: id,
        detail: { after: { displayName, residentId: null } },
      });
      return id;
    }
    case 'resident': {
      const phone = normalizeKrMobile(choice.phone);
      if (!phone.ok) {
        throw new DomainError(
          phone.reason === 'not_mobile' ? 'not_mobile_phone' : 'invalid_phone',
          {
            field: 'instructorPhone',
          },
        );
      }
      const [resident] = await tx
        .select({ id: residents.id, name: residents.name })
        .from(residents)
        .where(eq(residents.phoneE164, phone.e164))
        .limit(1);
      if (!resident) throw new DomainError('course_instructor_resident_not_found');
      const [known] = await tx
        .select({ id: instructors.id })
        .from(instructors)
        .where(eq(instructors.residentId, resident.id))
        .limit(1);
      if (known) return known.id;
      const displayName = choice.displayName.trim()
        ? displayNameOf(choice.displayName)
        : resident.name;
      const id = newId();
      await tx
        .insert(instructors)
        .values({ id, residentId: resident.id, displayName, createdAt: at });
      await tx.insert(auditLog).values({
        at,
        actorType: 'staff',
        actorId: actor.staffId,
        ip: actor.ip ?? null,
        action: 'instructor.create',
        subjectType: 'instructor',
        subjectId: id,
        residentId: resident.id,
        detail: { after: { displayName, residentId: resident.id } },
      });
      return id;
    }
  }
}

/** The course's columns from accepted settings. */
export function courseColumns(
  settings: CourseSettings,
  roomId: string,
  instructorId: string | null,
) {
  return { ...settings, roomId, instructorId } satisfies Partial<typeof courses.$inferInsert>;
}
