import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { HOLIDAY_RULES, dateToDays, timeToMinutes } from '@seoro/domain';
import {
  addMeeting,
  cancelMeeting,
  generateMeetings,
  listCourseMeetings,
  listRooms,
  previewMeetingSchedule,
  readRoomTimetable,
  restoreMeeting,
  updateMeeting,
} from '@seoro/services';
import { staffEditorProcedure, staffProcedure } from '@seoro/trpc';

const id = z.string().min(1).max(64);
const valid = (check: () => unknown) => {
  try {
    check();
    return true;
  } catch {
    return false;
  }
};
/** A KST calendar date, 'YYYY-MM-DD'. */
const date = z.string().refine((v) => valid(() => dateToDays(v)), 'expected YYYY-MM-DD');
/** A KST wall-clock time, 'HH:MM'. */
const time = z.string().refine((v) => valid(() => timeToMinutes(v)), 'expected HH:MM');
const locale = z.enum(['ko', 'en']).optional();
const note = z.string().trim().max(500).optional();

/** A weekly pattern: weekdays (0 = Sunday), times, the first date, and a count or a last date. */
const pattern = z.object({
  courseId: id,
  weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7),
  startTime: time,
  endTime: time,
  first: date,
  count: z.number().int().min(1).max(60).optional(),
  until: date.optional(),
  holidayRule: z.enum(HOLIDAY_RULES),
  roomId: id.optional(),
});

const slot = { date, startTime: time, endTime: time, roomId: id };

/**
 * A course's meetings (회차): list, generate from a weekly pattern, add, move, cancel and restore.
 * Every write refuses a slot that double-books a room (`room_double_booked`, naming the meeting in
 * the way); moving, cancelling and restoring text the confirmed learners. Viewers only read.
 */
export const staffMeetingsRouter = {
  /** The course, its meetings (rooms, attendance, cancel reasons) and every room for the chooser. */
  list: staffProcedure
    .input(z.object({ courseId: id }))
    .query(({ ctx, input }) => listCourseMeetings(ctx.services, input)),

  /** The dates a pattern would create, the holidays skipped and any clash; saves nothing. */
  preview: staffProcedure
    .input(pattern)
    .query(({ ctx, input }) => previewMeetingSchedule(ctx.services, input)),

  /** Replaces the course's schedule with the pattern's meetings; refused once anyone checked in. */
  generate: staffEditorProcedure
    .input(pattern)
    .mutation(({ ctx, input }) =>
      generateMeetings(ctx.services, { ...input, staffId: ctx.staff.id }),
    ),

  /** Adds one meeting (e.g. a make-up class). */
  add: staffEditorProcedure
    .input(z.object({ courseId: id, ...slot }))
    .mutation(({ ctx, input }) => addMeeting(ctx.services, { ...input, staffId: ctx.staff.id })),

  /** Moves one meeting to another date, time or room; learners are told the old and new time. */
  update: staffEditorProcedure
    .input(z.object({ meetingId: id, ...slot, reason: note, locale }))
    .mutation(({ ctx, input }) => updateMeeting(ctx.services, { ...input, staffId: ctx.staff.id })),

  /** Cancels one meeting (휴강) with the reason; learners are told. */
  cancel: staffEditorProcedure
    .input(z.object({ meetingId: id, reason: z.string().trim().min(1).max(500), locale }))
    .mutation(({ ctx, input }) => cancelMeeting(ctx.services, { ...input, staffId: ctx.staff.id })),

  /** Puts a cancelled meeting back if its slot is still free; learners are told. */
  restore: staffEditorProcedure
    .input(z.object({ meetingId: id, reason: note, locale }))
    .mutation(({ ctx, input }) =>
      restoreMeeting(ctx.services, { ...input, staffId: ctx.staff.id }),
    ),
} satisfies TRPCRouterRecord;

/** Rooms (강의실) and what is booked in them. */
export const staffRoomsRouter = {
  /** Every room, the busiest first, with its meetings still to come. */
  list: staffProcedure.query(({ ctx }) => listRooms(ctx.services)),

  /**
   * A room's week (Monday to Sunday) or month around `date` (today in Korea by default), cancelled
   * meetings included and marked; without `roomId`, the busiest room.
   */
  timetable: staffProcedure
    .input(
      z.object({
        roomId: id.optional(),
        view: z.enum(['week', 'month']).optional(),
        date: date.optional(),
      }),
    )
    .query(({ ctx, input }) => readRoomTimetable(ctx.services, input)),
} satisfies TRPCRouterRecord;
