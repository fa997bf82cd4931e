/**
 * The words for a registration, in the web page's wording (its messages are reused, so the kiosk
 * and "my registrations" on the web never say it differently).
 */
import { m } from '@seoro/i18n';
import { formatDateTimeRange, type Locale } from '@seoro/domain';
import type { Registration } from './types';

type Options = { locale: Locale };

/** The status as a short phrase: '수강 확정', '대기 2번', '취소됨', … */
export function stateText(r: Registration, locale: Locale): string {
  const o: Options = { locale };
  const position = r.waitlistPosition;
  switch (r.state) {
    case 'confirmed':
      return m.web_my_state_confirmed({}, o);
    case 'lottery_won':
      return m.web_my_state_lottery_won({}, o);
    case 'waitlisted':
      return position
        ? m.web_my_state_waitlisted({ position }, o)
        : m.web_my_state_waitlisted_plain({}, o);
    case 'lottery_not_selected':
      return position
        ? m.web_my_state_lottery_not_selected({ position }, o)
        : m.web_my_state_lottery_not_selected_plain({}, o);
    case 'lottery_pending':
      return m.web_my_state_lottery_pending({}, o);
    case 'cancelled':
      return m.web_my_state_cancelled({}, o);
  }
}

/** How the status looks: a seat, a turn in line, or nothing live. */
export function stateTone(r: Registration): 'success' | 'warning' | 'neutral' {
  if (r.state === 'confirmed' || r.state === 'lottery_won') return 'success';
  if (r.state === 'cancelled') return 'neutral';
  return 'warning';
}

/** A line that explains a waiting status or a cancelled course, when there is one. */
export function explanation(r: Registration, locale: Locale): string | null {
  const o: Options = { locale };
  if (r.course.cancelled) return m.web_my_course_cancelled({}, o);
  switch (r.state) {
    case 'waitlisted':
      return m.web_my_explain_waitlisted({}, o);
    case 'lottery_pending':
      return m.web_my_explain_lottery_pending({}, o);
    case 'lottery_not_selected':
      return m.web_my_explain_lottery_not_selected({}, o);
    default:
      return null;
  }
}

/** The cancel button's words: 신청 취소 / 대기 취소 / 추첨 신청 취소. */
export function cancelLabel(r: Registration, locale: Locale): string {
  const o: Options = { locale };
  if (r.status === 'waitlisted') return m.web_my_cancel_waitlisted({}, o);
  if (r.status === 'lottery_pending') return m.web_my_cancel_lottery({}, o);
  return m.web_my_cancel_confirmed({}, o);
}

/** What cancelling does, said before it is done. */
export function confirmBody(r: Registration, locale: Locale): string {
  const o: Options = { locale };
  if (r.status === 'waitlisted') return m.web_my_confirm_body_waitlisted({}, o);
  if (r.status === 'lottery_pending') return m.web_my_confirm_body_lottery({}, o);
  return m.web_my_confirm_body_confirmed({}, o);
}

/** '1월 22일(목) 오후 2:00~4:00, 제3강의실', or null when no class is left. */
export function nextClassText(r: Registration, locale: Locale): string | null {
  const next = r.nextMeeting;
  if (!next) return null;
  const room = locale === 'en' && next.room.en.trim() !== '' ? next.room.en : next.room.ko;
  return m.kiosk_my_next_value(
    { when: formatDateTimeRange(next.date, next.startTime, next.endTime, locale), room },
    { locale },
  );
}

/** '지금까지 열린 수업 3회 중 2회 출석', or null for a registration without a seat. */
export function attendanceText(r: Registration, locale: Locale): string | null {
  if (!r.attendance) return null;
  return r.attendance.held > 0
    ? m.web_my_attendance({ held: r.attendance.held, attended: r.attendance.attended }, { locale })
    : m.web_my_attendance_none({}, { locale });
}
