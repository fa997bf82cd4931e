import type { Locale } from '@seoro/plugin-sdk';

const KO_DAYS = ['일', '월', '화', '수', '목', '금', '토'];
const EN_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/**
 * When registration opens, in Korea time and plain words: '1월 5일(월) 오전 10시' / 'Mon 5 Jan, 10 AM'.
 * (The site has fuller helpers; a plugin keeps its own small copy rather than import the host.)
 */
export function formatOpensAt(instant: string, locale: Locale): string {
  const k = new Date(new Date(instant).getTime() + KST_OFFSET_MS);
  if (Number.isNaN(k.getTime())) return instant;
  const month = k.getUTCMonth();
  const day = k.getUTCDate();
  const weekday = k.getUTCDay();
  const h = k.getUTCHours();
  const min = k.getUTCMinutes();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  if (locale === 'ko') {
    const half = h === 12 ? '낮' : h === 0 ? '밤' : h < 12 ? '오전' : '오후';
    return `${month + 1}월 ${day}일(${KO_DAYS[weekday]}) ${half} ${h12}시${min ? ` ${min}분` : ''}`;
  }
  const clock = min ? `${h12}:${String(min).padStart(2, '0')}` : `${h12}`;
  return `${EN_DAYS[weekday]} ${day} ${EN_MONTHS[month]}, ${clock} ${h < 12 ? 'AM' : 'PM'}`;
}
