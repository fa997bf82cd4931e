/**
 * The program office's phone number (용산구청 교육지원과), shown wherever a resident may need a
 * person and the program's contact settings give no other number.
 */
export const DEFAULT_OFFICE_PHONE = '02-2199-7142';

/** Text in both languages. */
export type LocalizedText = { ko: string; en: string };

/** How residents reach the program and find their way to the Art Hall, in both languages. */
export interface ProgramContact {
  /** The office's phone number as it is dialled, e.g. "02-2199-7142". */
  phone: string;
  hours: LocalizedText;
  address: LocalizedText;
  /** A map of the Art Hall; opened in a new tab. */
  mapUrl: string;
  subway: LocalizedText;
  bus: LocalizedText;
  /** Step-free access (lift, ramp). */
  access: LocalizedText;
  parking: LocalizedText;
}

/**
 * What residents see until staff store the office's own details (the `contact` setting), and what
 * the demo stores. The phone number in particular is a placeholder for staff to correct.
 */
export const DEFAULT_PROGRAM_CONTACT: ProgramContact = {
  phone: DEFAULT_OFFICE_PHONE,
  hours: { ko: '평일 09:00–18:00', en: 'Weekdays 9 am–6 pm' },
  address: {
    ko: '서울특별시 용산구 녹사평대로 150 용산아트홀',
    en: 'Yongsan Art Hall, 150 Noksapyeong-daero, Yongsan-gu, Seoul',
  },
  mapUrl: `https://map.naver.com/p/search/${encodeURIComponent('용산아트홀')}`,
  subway: {
    ko: '6호선 녹사평역 2번 출구에서 걸어서 5분',
    en: 'Line 6, Noksapyeong Station exit 2, then a 5-minute walk',
  },
  bus: { ko: '용산구청 정류장에서 내리세요', en: 'Get off at the Yongsan-gu Office stop' },
  access: {
    ko: '엘리베이터와 경사로가 있어 계단 없이 들어올 수 있습니다',
    en: 'Step-free entry with a lift and a ramp',
  },
  parking: {
    ko: '용산구청 주차장, 수업에 오시면 2시간 무료',
    en: 'Yongsan-gu Office car park, 2 hours free for learners',
  },
};
