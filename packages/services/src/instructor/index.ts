/** The instructor's own view: their courses, rosters, attendance and messages to the class. */
export {
  CLASS_MESSAGES_PER_DAY,
  CLASS_MESSAGE_MAX_BYTES,
  INSTRUCTOR_ATTENDANCE_OPENS_MINUTES_BEFORE,
} from './own-course';
export * from './list-instructor-courses';
export * from './read-instructor-course';
export * from './mark-attendance';
export * from './send-class-message';
