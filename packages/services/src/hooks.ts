/**
 * Server extension points. Each is named and typed; the core fires them after its own work has
 * committed, then runs plugin handlers in registry order. A handler that throws is logged and does
 * not undo the committed change — hooks observe, they do not veto.
 */
export interface ServerHooks {
  /**
   * Fired by `registerForCourse` after a registration committed, whatever its status.
   * Arguments: the enrolment id, its course, status and channel. Runs once per new enrolment;
   * never for a repeated request that changed nothing.
   */
  onEnrolmentCreated: (event: {
    enrolmentId: string;
    courseId: string;
    status: 'confirmed' | 'waitlisted' | 'lottery_pending';
    channel: 'web' | 'kiosk' | 'staff';
  }) => void | Promise<void>;
  /**
   * Fired by `checkInWithCode` after a first check-in committed (not for a repeated one).
   * Arguments: the attendance id, meeting, enrolment, method and the kiosk that took it, if any.
   */
  onCheckIn: (event: {
    attendanceId: string;
    meetingId: string;
    enrolmentId: string;
    method: 'qr' | 'keypad' | 'phone' | 'staff' | 'instructor';
    late: boolean;
    kioskId: string | null;
  }) => void | Promise<void>;
}
export type HookName = keyof ServerHooks;
export type HookHandlers = { [K in HookName]?: ServerHooks[K] };
