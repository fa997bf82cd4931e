import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  courseEditorOptions,
  createCourse,
  getCourseEditor,
  setCoursePublished,
  updateCourse,
  type InstructorChoice,
} from '@seoro/services';
import { staffEditorProcedure, staffProcedure } from '@seoro/trpc';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);
const mode = z.enum(['first_come', 'lottery']);

/**
 * A course's form as it is sent: the settings (checked by `checkCourse`, the first problem
 * refused with its field), the room, and who teaches it (`instructorKind`).
 */
const courseFormInput = z.object({
  titleKo: text(300),
  titleEn: text(300),
  summaryKo: text(1000),
  summaryEn: text(1000),
  descriptionKo: text(10000),
  descriptionEn: text(10000),
  /** e.g. '재료비 별도 10,000원'; blank when nothing is needed. */
  materialsNoteKo: text(600),
  materialsNoteEn: text(600),
  /** What the materials cost, in won; null when nothing is charged. */
  materialsFeeWon: z.number().nullable(),
  /** 1–200; on edit, not below the confirmed learners. */
  capacity: z.number(),
  minLearners: z.number(),
  /** Lottery courses: seats kept back from the draw for the kiosk. */
  onsiteSeats: z.number(),
  roomId: id,
  /**
   * Who teaches: `existing` (`instructorId`), `resident` (found by `instructorPhone`, shown as
   * `instructorName` or the resident's name), `name` (`instructorName` alone) or `none` yet.
   */
  instructorKind: z.enum(['existing', 'resident', 'name', 'none']),
  instructorId: text(64).optional(),
  instructorPhone: text(40).optional(),
  instructorName: text(100).optional(),
});

type CourseForm = z.infer<typeof courseFormInput>;

function instructorChoice(form: CourseForm): InstructorChoice {
  switch (form.instructorKind) {
    case 'existing':
      return { kind: 'existing', instructorId: form.instructorId ?? '' };
    case 'resident':
      return {
        kind: 'resident',
        phone: form.instructorPhone ?? '',
        displayName: form.instructorName ?? '',
      };
    case 'name':
      return { kind: 'name', displayName: form.instructorName ?? '' };
    case 'none':
      return { kind: 'none' };
  }
}

function settingsOf(form: CourseForm) {
  return {
    titleKo: form.titleKo,
    titleEn: form.titleEn,
    summaryKo: form.summaryKo,
    summaryEn: form.summaryEn,
    descriptionKo: form.descriptionKo,
    descriptionEn: form.descriptionEn,
    materialsNoteKo: form.materialsNoteKo,
    materialsNoteEn: form.materialsNoteEn,
    materialsFeeWon: form.materialsFeeWon,
    capacity: form.capacity,
    minLearners: form.minLearners,
    onsiteSeats: form.onsiteSeats,
  };
}

/**
 * Creating and editing courses, and showing or hiding them (the draft flag). Reads for every
 * staff member; changes for staff and administrators, each with an audit row.
 */
export const staffCourseEditorRouter = {
  /** The course form's choices in a term: the term's default mode, the rooms, the instructors. */
  options: staffProcedure
    .input(z.object({ termId: id }))
    .query(({ ctx, input }) => courseEditorOptions(ctx.services, input)),

  /** One course as its edit form shows it, with its confirmed learners and meetings counted. */
  get: staffProcedure
    .input(z.object({ courseId: id }))
    .query(({ ctx, input }) => getCourseEditor(ctx.services, input)),

  /** Adds a course to a term as a draft; without `mode`, the term's default mode. */
  create: staffEditorProcedure
    .input(courseFormInput.extend({ termId: id, mode: mode.optional() }))
    .mutation(({ ctx, input }) =>
      createCourse(ctx.services, {
        termId: input.termId,
        settings: { ...settingsOf(input), mode: input.mode ?? null },
        roomId: input.roomId,
        instructor: instructorChoice(input),
        staffId: ctx.staff.id,
        ip: ctx.ip,
      }),
    ),

  /** Changes a course; more seats confirm people from the waitlist at once. */
  update: staffEditorProcedure
    .input(courseFormInput.extend({ courseId: id, mode }))
    .mutation(({ ctx, input }) =>
      updateCourse(ctx.services, {
        courseId: input.courseId,
        settings: { ...settingsOf(input), mode: input.mode },
        roomId: input.roomId,
        instructor: instructorChoice(input),
        staffId: ctx.staff.id,
        ip: ctx.ip,
      }),
    ),

  /** Shows a draft course to residents; refused with `course_has_no_meetings` while it has none. */
  publish: staffEditorProcedure.input(z.object({ courseId: id })).mutation(({ ctx, input }) =>
    setCoursePublished(ctx.services, {
      courseId: input.courseId,
      published: true,
      staffId: ctx.staff.id,
      ip: ctx.ip,
    }),
  ),

  /** Hides a course again (a draft); refused with `course_has_live_enrolments` once anyone registered. */
  unpublish: staffEditorProcedure.input(z.object({ courseId: id })).mutation(({ ctx, input }) =>
    setCoursePublished(ctx.services, {
      courseId: input.courseId,
      published: false,
      staffId: ctx.staff.id,
      ip: ctx.ip,
    }),
  ),
} satisfies TRPCRouterRecord;
