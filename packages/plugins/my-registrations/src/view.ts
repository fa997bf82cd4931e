/**
 * What the kiosk shows of a resident's registrations: the web's data, cut to what a shared screen
 * needs. Pure, so the rules carry property tests.
 */
import type { MyRegistration, MyRegistrationsView } from '@seoro/services';

/** One registration as the kiosk lists it. */
export interface KioskRegistration {
  enrolmentId: string;
  status: MyRegistration['status'];
  state: MyRegistration['state'];
  waitlistPosition: number | null;
  cancellable: boolean;
  /** The confirmation code, for checking in: only with a live, confirmed seat. */
  code: string | null;
  course: Pick<
    MyRegistration['course'],
    'title' | 'cancelled' | 'weekday' | 'startTime' | 'endTime' | 'firstDate' | 'lastDate'
  >;
  nextMeeting: MyRegistration['nextMeeting'];
  attendance: MyRegistration['attendance'];
}

export interface KioskRegistrationsView {
  maskedName: string;
  maskedPhone: string;
  /** Registrations that still hold a place or a turn, soonest next class first. */
  live: KioskRegistration[];
  /** Cancelled ones, and those of courses that ended or were cancelled, newest term first. */
  past: KioskRegistration[];
}

/** A registration is live when it could still be cancelled: the same rule the web applies. */
export const isLive = (r: Pick<MyRegistration, 'cancellable'>) => r.cancellable;

const nextKey = (r: KioskRegistration) =>
  r.nextMeeting ? `${r.nextMeeting.date} ${r.nextMeeting.startTime}` : '\uffff';

export function toKioskView(view: MyRegistrationsView): KioskRegistrationsView {
  const all = view.terms.flatMap((t) => t.registrations);
  const shown = (r: MyRegistration): KioskRegistration => ({
    enrolmentId: r.enrolmentId,
    status: r.status,
    state: r.state,
    waitlistPosition: r.waitlistPosition,
    cancellable: r.cancellable,
    code: isLive(r) && r.status === 'confirmed' ? r.code : null,
    course: {
      title: r.course.title,
      cancelled: r.course.cancelled,
      weekday: r.course.weekday,
      startTime: r.course.startTime,
      endTime: r.course.endTime,
      firstDate: r.course.firstDate,
      lastDate: r.course.lastDate,
    },
    nextMeeting: isLive(r) ? r.nextMeeting : null,
    attendance: r.attendance,
  });
  const live = all.filter(isLive).map(shown);
  // Array.prototype.sort is stable: equal keys keep the web's order.
  live.sort((a, b) => (nextKey(a) < nextKey(b) ? -1 : nextKey(a) > nextKey(b) ? 1 : 0));
  return {
    maskedName: view.maskedName,
    maskedPhone: view.maskedPhone,
    live,
    past: all.filter((r) => !isLive(r)).map(shown),
  };
}
