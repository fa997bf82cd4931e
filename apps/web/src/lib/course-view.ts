import { m } from '@seoro/i18n';
import {
  formatDateRange,
  formatDateTime,
  formatNumber,
  formatWeekly,
  type Locale,
} from '@seoro/domain';
import { pick } from './i18n';
import type { CourseCard, TermView } from './api-types';

export type Tone = 'neutral' | 'brand' | 'success' | 'warning' | 'danger';

/** How a course stands for a resident right now, in words: badge, seats sentence, waitlist. */
export interface CourseStatus {
  badge: { tone: Tone; text: string };
  seats: string;
  waitlist: string | null;
  full: boolean;
}

/** Few enough seats left to say "almost full". */
const FEW_SEATS = 2;

export function courseStatus(
  course: Pick<
    CourseCard,
    'capacity' | 'confirmedCount' | 'seatsLeft' | 'waitlistCount' | 'status'
  >,
  state: TermView['registrationState'],
  locale: Locale,
): CourseStatus {
  if (course.status === 'cancelled') {
    return {
      badge: { tone: 'danger', text: m.web_badge_cancelled({}, { locale }) },
      seats: m.web_seats_cancelled({}, { locale }),
      waitlist: null,
      full: false,
    };
  }
  const full = course.seatsLeft <= 0;
  const open = state === 'open';
  const badge: CourseStatus['badge'] =
    state === 'closed'
      ? { tone: 'neutral', text: m.web_badge_closed({}, { locale }) }
      : state === 'not_open'
        ? { tone: 'brand', text: m.web_badge_not_open({}, { locale }) }
        : full
          ? { tone: 'warning', text: m.web_badge_waitlist({}, { locale }) }
          : course.seatsLeft <= FEW_SEATS
            ? { tone: 'warning', text: m.web_badge_few({}, { locale }) }
            : { tone: 'success', text: m.web_badge_open({}, { locale }) };
  const seats = full
    ? open
      ? m.web_seats_full_waitlist({}, { locale })
      : m.web_seats_full({}, { locale })
    : m.web_seats_left(
        { capacity: formatNumber(course.capacity), left: formatNumber(course.seatsLeft) },
        { locale },
      );
  const waitlist =
    course.waitlistCount > 0
      ? m.web_waitlist_count({ count: course.waitlistCount }, { locale })
      : null;
  return { badge, seats, waitlist, full };
}

/** '무료' or '무료 · 재료비 별도 10,000원'. */
export function feeText(materialsNote: CourseCard['materialsNote'], locale: Locale): string {
  const free = m.common_free({}, { locale });
  return materialsNote && pick(materialsNote, locale).trim()
    ? `${free} · ${pick(materialsNote, locale)}`
    : free;
}

export function scheduleText(
  course: Pick<CourseCard, 'weekday' | 'startTime' | 'endTime'>,
  locale: Locale,
) {
  // A course staff have not scheduled yet has no slot to show.
  if (!course.startTime || !course.endTime) return m.web_schedule_tbd({}, { locale });
  return formatWeekly(course.weekday, course.startTime, course.endTime, locale);
}

/** '1월 8일(목) ~ 2월 12일(목), 총 6회'. */
export function periodText(
  course: Pick<CourseCard, 'firstDate' | 'lastDate' | 'meetingCount'>,
  locale: Locale,
): string {
  if (!course.firstDate || !course.lastDate) return m.web_schedule_tbd({}, { locale });
  const range = formatDateRange(course.firstDate, course.lastDate, locale);
  if (course.meetingCount === 1) return m.web_after_period_one({ range }, { locale });
  return m.web_course_period({ range, count: course.meetingCount }, { locale });
}

/**
 * The instructor's name as a page in this language shows it: in Latin letters on English pages
 * when staff have given them, otherwise as written in Hangul. `lang` marks which it is.
 */
export function instructorName(
  course: Pick<CourseCard, 'instructorName' | 'instructorNameEn'>,
  locale: Locale,
): { name: string; lang: Locale } {
  if (locale === 'en' && course.instructorNameEn) {
    return { name: course.instructorNameEn, lang: 'en' };
  }
  return { name: course.instructorName, lang: 'ko' };
}

export function placeText(course: Pick<CourseCard, 'venue' | 'room'>, locale: Locale): string {
  return locale === 'ko'
    ? `${pick(course.venue, locale)} ${pick(course.room, locale)}`
    : `${pick(course.room, locale)}, ${pick(course.venue, locale)}`;
}

/** The registration window in plain words: "1월 15일(목) 오후 6:00까지 신청할 수 있습니다". */
export function windowText(
  term: TermView,
  locale: Locale,
): { tone: Tone; badge: string; text: string } {
  switch (term.registrationState) {
    case 'open':
      return {
        tone: 'success',
        badge: m.web_window_badge_open({}, { locale }),
        text: m.web_window_open(
          { deadline: formatDateTime(term.registrationClosesAt, locale) },
          { locale },
        ),
      };
    case 'not_open':
      return {
        tone: 'brand',
        badge: m.web_window_badge_not_open({}, { locale }),
        text: m.web_window_not_open(
          { opens: formatDateTime(term.registrationOpensAt, locale) },
          { locale },
        ),
      };
    case 'closed':
      return {
        tone: 'neutral',
        badge: m.web_window_badge_closed({}, { locale }),
        text: m.web_window_closed({}, { locale }),
      };
  }
}
