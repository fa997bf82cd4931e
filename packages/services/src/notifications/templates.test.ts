import { describe, expect, it } from 'vitest';
import { COURSE_TITLE_MAX, LMS_MAX_BYTES, lmsBytes } from '@seoro/domain';
import {
  NOTIFICATION_TEMPLATES,
  NotificationTemplateError,
  notificationExpiresAt,
  renderNotification,
  type NotificationPayload,
  type NotificationTemplate,
} from './templates';

const course = {
  courseId: 'course-1',
  courseTitleKo: '캘리그라피',
  courseTitleEn: 'Calligraphy',
};
/** A meeting's slot in Lecture Room 3 (Thursday 4 March 2027, 10:00 to 11:30). */
const slot = {
  date: '2027-03-04',
  startTime: '10:00',
  endTime: '11:30',
  roomKo: '제3강의실',
  roomEn: 'Lecture Room 3',
};

const reminder: NotificationPayload<'meeting_reminder'> = {
  code: 'AB12-CD34',
  ...course,
  date: '2026-11-29',
  startTime: '14:00',
  endTime: '16:00',
  venueKo: '용산아트홀',
  venueEn: 'Yongsan Art Hall',
  roomKo: '제3강의실',
  roomEn: 'Lecture Room 3',
};

interface Case {
  template: NotificationTemplate;
  label: string;
  payload: Record<string, unknown>;
  ko: string;
  en: string;
  subjectKo: string;
  subjectEn: string;
}

const cases: Case[] = [
  {
    template: 'enrolment_confirmed',
    label: 'enrolment_confirmed',
    // Registration writes waitlistPosition: null here too; extra fields are ignored.
    payload: { code: 'AB12-CD34', ...course, waitlistPosition: null },
    ko: '[서로서로학교] ‘캘리그라피’ 수강신청이 확정되었습니다. 확인 코드 AB12-CD34',
    en: "[Seoroseoro School] You're enrolled in “Calligraphy”. Confirmation code: AB12-CD34",
    subjectKo: '[서로서로학교] 수강신청 확정 안내',
    subjectEn: "[Seoroseoro School] You're enrolled",
  },
  {
    template: 'waitlist_joined',
    label: 'waitlist_joined',
    payload: { code: 'AB12-CD34', ...course, waitlistPosition: 3 },
    ko: '[서로서로학교] ‘캘리그라피’ 대기 3번으로 접수되었습니다. 자리가 나면 알려 드립니다. 확인 코드 AB12-CD34',
    en: "[Seoroseoro School] You're no. 3 on the waitlist for “Calligraphy”. We'll text you if a seat opens. Code: AB12-CD34",
    subjectKo: '[서로서로학교] 대기 접수 안내',
    subjectEn: "[Seoroseoro School] You're on the waitlist",
  },
  {
    template: 'promoted_from_waitlist',
    label: 'promoted_from_waitlist',
    payload: { code: 'AB12-CD34', ...course },
    ko: '[서로서로학교] 자리가 나서 ‘캘리그라피’ 수강이 확정되었습니다. 확인 코드 AB12-CD34',
    en: "[Seoroseoro School] A seat opened up: you're now enrolled in “Calligraphy”. Code: AB12-CD34",
    subjectKo: '[서로서로학교] 수강 확정 안내',
    subjectEn: '[Seoroseoro School] A seat opened up for you',
  },
  {
    template: 'enrolment_cancelled',
    label: 'enrolment_cancelled',
    payload: { code: 'AB12-CD34', ...course },
    ko: '[서로서로학교] ‘캘리그라피’ 수강신청이 취소되었습니다. 확인 코드 AB12-CD34',
    en: '[Seoroseoro School] Your registration for “Calligraphy” has been cancelled. Code: AB12-CD34',
    subjectKo: '[서로서로학교] 수강신청 취소 안내',
    subjectEn: '[Seoroseoro School] Registration cancelled',
  },
  {
    template: 'lottery_result',
    label: 'lottery_result (won)',
    payload: { code: 'AB12-CD34', ...course, won: true, waitlistPosition: null },
    ko: '[서로서로학교] ‘캘리그라피’ 추첨에 당첨되어 수강이 확정되었습니다. 확인 코드 AB12-CD34',
    en: '[Seoroseoro School] You were drawn for “Calligraphy” and are enrolled. Code: AB12-CD34',
    subjectKo: '[서로서로학교] 추첨 결과 안내',
    subjectEn: '[Seoroseoro School] Lottery result',
  },
  {
    template: 'lottery_result',
    label: 'lottery_result (not drawn, waitlisted)',
    payload: { code: 'AB12-CD34', ...course, won: false, waitlistPosition: 2 },
    ko: '[서로서로학교] ‘캘리그라피’ 추첨 결과 대기 2번입니다. 자리가 나면 알려 드립니다. 확인 코드 AB12-CD34',
    en: "[Seoroseoro School] Lottery result for “Calligraphy”: you're no. 2 on the waitlist. We'll text you if a seat opens. Code: AB12-CD34",
    subjectKo: '[서로서로학교] 추첨 결과 안내',
    subjectEn: '[Seoroseoro School] Lottery result',
  },
  {
    template: 'lottery_result',
    label: 'lottery_result (not drawn)',
    payload: { code: 'AB12-CD34', ...course, won: false, waitlistPosition: null },
    ko: '[서로서로학교] 아쉽게도 ‘캘리그라피’ 추첨에 당첨되지 않았습니다. 다른 강좌도 살펴봐 주세요.',
    en: '[Seoroseoro School] Sorry, you were not drawn for “Calligraphy”. Other courses may still have seats.',
    subjectKo: '[서로서로학교] 추첨 결과 안내',
    subjectEn: '[Seoroseoro School] Lottery result',
  },
  {
    template: 'meeting_reminder',
    label: 'meeting_reminder',
    payload: reminder,
    ko: '[서로서로학교] ‘캘리그라피’ 수업 안내: 11월 29일(일) 오후 2:00~4:00, 용산아트홀 제3강의실. 확인 코드 AB12-CD34',
    en: '[Seoroseoro School] Reminder: “Calligraphy” on Sun 29 Nov, 2:00–4:00 PM, Lecture Room 3, Yongsan Art Hall. Code: AB12-CD34',
    subjectKo: '[서로서로학교] 수업 안내',
    subjectEn: '[Seoroseoro School] Class reminder',
  },
  {
    template: 'course_cancelled',
    label: 'course_cancelled',
    payload: { ...course },
    ko: '[서로서로학교] ‘캘리그라피’ 강좌가 폐강되었습니다. 불편을 드려 죄송합니다.',
    en: "[Seoroseoro School] “Calligraphy” has been cancelled. We're sorry for the inconvenience.",
    subjectKo: '[서로서로학교] 폐강 안내',
    subjectEn: '[Seoroseoro School] Course cancelled',
  },
  {
    template: 'meeting_moved',
    label: 'meeting_moved',
    payload: {
      ...course,
      meetingId: 'm-1',
      fromDate: '2027-03-04',
      fromStartTime: '10:00',
      fromEndTime: '12:00',
      date: '2027-03-05',
      startTime: '14:00',
      endTime: '16:00',
      roomKo: '제3강의실',
      roomEn: 'Lecture Room 3',
    },
    ko: '[서로서로학교] ‘캘리그라피’ 수업 일정 변경: 3월 4일(목) 오전 10:00~오후 12:00 → 3월 5일(금) 오후 2:00~4:00, 제3강의실',
    en: '[Seoroseoro School] “Calligraphy” has moved: Thu 4 Mar, 10:00 AM–12:00 PM → Fri 5 Mar, 2:00–4:00 PM, Lecture Room 3',
    subjectKo: '[서로서로학교] 수업 일정 변경',
    subjectEn: '[Seoroseoro School] Class moved',
  },
  {
    template: 'meeting_cancelled',
    label: 'meeting_cancelled',
    payload: { ...course, meetingId: 'm-1', ...slot },
    ko: '[서로서로학교] ‘캘리그라피’ 3월 4일(목) 오전 10:00~11:30 수업이 휴강합니다. 불편을 드려 죄송합니다.',
    en: "[Seoroseoro School] “Calligraphy” on Thu 4 Mar, 10:00–11:30 AM is cancelled. We're sorry for the inconvenience.",
    subjectKo: '[서로서로학교] 휴강 안내',
    subjectEn: '[Seoroseoro School] Class cancelled',
  },
  {
    template: 'meeting_restored',
    label: 'meeting_restored',
    payload: { ...course, meetingId: 'm-1', ...slot },
    ko: '[서로서로학교] ‘캘리그라피’ 3월 4일(목) 오전 10:00~11:30 수업은 예정대로 진행합니다. 장소: 제3강의실',
    en: '[Seoroseoro School] “Calligraphy” on Thu 4 Mar, 10:00–11:30 AM will go ahead as planned, in Lecture Room 3.',
    subjectKo: '[서로서로학교] 수업 진행 안내',
    subjectEn: '[Seoroseoro School] Class going ahead',
  },
  {
    template: 'one_time_code',
    label: 'one_time_code',
    payload: { otp: '123456' },
    ko: '[서로서로학교] 내 신청 조회 인증번호 123456 (5분간 유효). 다른 사람에게 알려 주지 마세요.',
    en: "[Seoroseoro School] Your code to see your registrations: 123456 (valid 5 minutes). Don't share it with anyone.",
    subjectKo: '[서로서로학교] 인증번호 안내',
    subjectEn: '[Seoroseoro School] Your sign-in code',
  },
  {
    template: 'kiosk_help',
    label: 'kiosk_help',
    payload: { kioskName: '제3강의실 앞', at: '2026-11-29T06:05:00.000Z' },
    ko: '[서로서로학교] 제3강의실 앞 키오스크에서 도움을 요청했습니다 (오후 3:05).',
    en: '[Seoroseoro School] The kiosk “제3강의실 앞” asked for help (3:05 PM).',
    subjectKo: '[서로서로학교] 키오스크 도움 요청',
    subjectEn: '[Seoroseoro School] Kiosk help request',
  },
  {
    template: 'application_received',
    label: 'application_received',
    payload: { applicationId: 'a-1', title: '우쿨렐레' },
    ko: '[서로서로학교] 강사 신청 ‘우쿨렐레’을(를) 받았습니다. 담당자가 검토한 뒤 문자로 알려 드립니다.',
    en: '[Seoroseoro School] We received your application to teach “우쿨렐레”. Staff will review it and text you.',
    subjectKo: '[서로서로학교] 강사 신청 안내',
    subjectEn: '[Seoroseoro School] About your application to teach',
  },
  {
    template: 'application_changes_requested',
    label: 'application_changes_requested',
    payload: { applicationId: 'a-1', title: '우쿨렐레', message: '회차를 늘려 주세요.' },
    ko: '[서로서로학교] 강사 신청 ‘우쿨렐레’에 수정 요청이 있습니다: 회차를 늘려 주세요.',
    en: '[Seoroseoro School] Staff ask for changes to your application “우쿨렐레”: 회차를 늘려 주세요.',
    subjectKo: '[서로서로학교] 강사 신청 안내',
    subjectEn: '[Seoroseoro School] About your application to teach',
  },
  {
    template: 'application_accepted',
    label: 'application_accepted',
    payload: {
      applicationId: 'a-1',
      title: '우쿨렐레',
      termKo: '2027년 1기',
      termEn: '2027 Session 1',
    },
    ko: '[서로서로학교] 강사 신청 ‘우쿨렐레’이(가) 승인되었습니다. 2027년 1기에 강좌를 준비합니다. 담당자가 일정을 함께 정하려고 연락드립니다.',
    en: '[Seoroseoro School] Your application “우쿨렐레” is approved for 2027 Session 1. Staff will contact you to settle the schedule.',
    subjectKo: '[서로서로학교] 강사 신청 안내',
    subjectEn: '[Seoroseoro School] About your application to teach',
  },
  {
    template: 'application_rejected',
    label: 'application_rejected',
    payload: { applicationId: 'a-1', title: '우쿨렐레', reason: '영리 목적입니다.' },
    ko: '[서로서로학교] 강사 신청 ‘우쿨렐레’은(는) 이번에 함께하기 어렵습니다. 사유: 영리 목적입니다.',
    en: '[Seoroseoro School] We cannot take your application “우쿨렐레” this time. Reason: 영리 목적입니다.',
    subjectKo: '[서로서로학교] 강사 신청 안내',
    subjectEn: '[Seoroseoro School] About your application to teach',
  },
  {
    template: 'class_message',
    label: 'class_message',
    payload: { ...course, body: '다음 주에는 붓펜을 가져오세요.' },
    ko: '[서로서로학교] ‘캘리그라피’ 강사님 메시지:\n다음 주에는 붓펜을 가져오세요.',
    en: '[Seoroseoro School] Message from your “Calligraphy” instructor:\n다음 주에는 붓펜을 가져오세요.',
    subjectKo: '[서로서로학교] 강사님 메시지',
    subjectEn: '[Seoroseoro School] Message from your instructor',
  },
  {
    template: 'teach_invitation',
    label: 'teach_invitation',
    payload: { topic: 'cooking', optOutToken: 'r1.abc_-9' },
    ko: '[서로서로학교] 이웃들이 ‘요리’ 수업을 배우고 싶어 합니다. 수업을 잘 마치신 분께 알려 드려요. 직접 가르쳐 보시겠어요? 신청: /teach 이런 안내를 그만 받으려면: /teach/opt-out/r1.abc_-9',
    en: '[Seoroseoro School] Neighbours would like to learn “Cooking”. You completed a class with us: would you like to teach it? Apply: /en/teach To stop these invitations: /en/teach/opt-out/r1.abc_-9',
    subjectKo: '[서로서로학교] 가르쳐 보시겠어요?',
    subjectEn: '[Seoroseoro School] Would you like to teach?',
  },
];

function refusal(template: string, payload: unknown): string {
  try {
    renderNotification({ template, locale: 'ko', payload });
  } catch (error) {
    expect(error).toBeInstanceOf(NotificationTemplateError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('renderNotification', () => {
  it('has a case here for every template', () => {
    expect(new Set(cases.map((c) => c.template))).toEqual(new Set(NOTIFICATION_TEMPLATES));
  });

  for (const c of cases) {
    it(`renders ${c.label} in Korean and English`, () => {
      const ko = renderNotification({ template: c.template, locale: 'ko', payload: c.payload });
      const en = renderNotification({ template: c.template, locale: 'en', payload: c.payload });
      expect(ko).toEqual({ text: c.ko, subject: c.subjectKo });
      expect(en).toEqual({ text: c.en, subject: c.subjectEn });
    });
  }

  it('names the half of the day for both ends of a meeting that spans noon', () => {
    const payload = { ...reminder, date: '2026-01-08', startTime: '11:30', endTime: '13:00' };
    expect(renderNotification({ template: 'meeting_reminder', locale: 'ko', payload }).text).toBe(
      '[서로서로학교] ‘캘리그라피’ 수업 안내: 1월 8일(목) 오전 11:30~오후 1:00, 용산아트홀 제3강의실. 확인 코드 AB12-CD34',
    );
    expect(renderNotification({ template: 'meeting_reminder', locale: 'en', payload }).text).toBe(
      '[Seoroseoro School] Reminder: “Calligraphy” on Thu 8 Jan, 11:30 AM–1:00 PM, Lecture Room 3, Yongsan Art Hall. Code: AB12-CD34',
    );
    const morning = { ...reminder, startTime: '00:30', endTime: '09:05' };
    expect(
      renderNotification({ template: 'meeting_reminder', locale: 'en', payload: morning }).text,
    ).toContain('12:30–9:05 AM');
    const noon = { ...reminder, startTime: '12:00', endTime: '12:50' };
    expect(
      renderNotification({ template: 'meeting_reminder', locale: 'ko', payload: noon }).text,
    ).toContain('오후 12:00~12:50');
  });

  it('writes dates and times with ordinary spaces, which a Korean SMS (EUC-KR) can carry', () => {
    for (const locale of ['ko', 'en'] as const) {
      const { text } = renderNotification({
        template: 'meeting_reminder',
        locale,
        payload: reminder,
      });
      expect(text).not.toMatch(/[\u00a0\u2060]/);
    }
  });

  it('falls back to the Korean title and place when the English one is blank', () => {
    const payload = { ...reminder, courseTitleEn: ' ', venueEn: null, roomEn: '' };
    expect(renderNotification({ template: 'meeting_reminder', locale: 'en', payload }).text).toBe(
      '[Seoroseoro School] Reminder: “캘리그라피” on Sun 29 Nov, 2:00–4:00 PM, 제3강의실, 용산아트홀. Code: AB12-CD34',
    );
  });

  it('refuses an unknown template', () => {
    expect(refusal('birthday_greeting', {})).toBe(
      "Unknown notification template 'birthday_greeting'",
    );
    // Not fooled by inherited object keys.
    expect(refusal('toString', {})).toContain('Unknown notification template');
  });

  it('refuses a payload that does not fit its template, naming the fields', () => {
    expect(refusal('enrolment_confirmed', { courseId: 'c', courseTitleKo: '강좌' })).toBe(
      "Payload for notification template 'enrolment_confirmed' is invalid: code: Invalid input: expected string, received undefined",
    );
    expect(refusal('waitlist_joined', { code: 'X', ...course, waitlistPosition: 0 })).toMatch(
      /waitlistPosition: /,
    );
    expect(refusal('lottery_result', { code: 'X', ...course, won: 'yes' })).toMatch(/won: /);
    expect(refusal('meeting_reminder', { ...reminder, date: '2026-02-30' })).toContain(
      'date: expected a calendar date YYYY-MM-DD',
    );
    expect(refusal('meeting_reminder', { ...reminder, startTime: '24:00' })).toContain(
      'startTime: expected a time HH:MM',
    );
    expect(refusal('course_cancelled', null)).toContain('(payload): ');
  });

  it('does not repeat a rejected sign-in code in its error', () => {
    const message = refusal('one_time_code', { otp: '12345X' });
    expect(message).toContain('otp: expected six digits');
    expect(message).not.toContain('12345X');
  });

  it('refuses an unsupported locale', () => {
    expect(() =>
      renderNotification({
        template: 'one_time_code',
        locale: 'ja' as 'ko',
        payload: { otp: '123456' },
      }),
    ).toThrow(NotificationTemplateError);
  });
});

describe('notificationExpiresAt', () => {
  const createdAt = new Date('2026-01-08T05:00:00Z');

  it('gives a sign-in code five minutes', () => {
    expect(
      notificationExpiresAt({ template: 'one_time_code', payload: { otp: '1' }, createdAt }),
    ).toEqual(new Date('2026-01-08T05:05:00Z'));
  });

  it('lets a reminder go stale when its meeting starts (KST)', () => {
    expect(
      notificationExpiresAt({ template: 'meeting_reminder', payload: reminder, createdAt }),
    ).toEqual(new Date('2026-11-29T05:00:00Z'));
  });

  it('drops a help request nobody could read within a quarter of an hour', () => {
    expect(
      notificationExpiresAt({
        template: 'kiosk_help',
        payload: { kioskName: '제3강의실 앞', at: '2026-01-08T05:00:00.000Z' },
        createdAt,
      }),
    ).toEqual(new Date('2026-01-08T05:15:00Z'));
  });

  it('never expires the other templates', () => {
    for (const template of ['enrolment_confirmed', 'course_cancelled', 'lottery_result']) {
      expect(notificationExpiresAt({ template, payload: {}, createdAt })).toBeNull();
    }
  });
});

describe('a new registration’s text: first class and link', () => {
  const siteOrigin = 'https://seoro.example.org';
  /** Sunday 6 December 2026, 10:00 to 12:00, in Lecture Room 3 at Yongsan Art Hall. */
  const firstMeeting = {
    date: '2026-12-06',
    startTime: '10:00',
    endTime: '12:00',
    venueKo: '용산아트홀',
    venueEn: 'Yongsan Art Hall',
    roomKo: '제3강의실',
    roomEn: 'Lecture Room 3',
  };
  const confirmed = { code: 'AB12-CD34', ...course, waitlistPosition: null, firstMeeting };
  const waitlisted = { code: 'WX98-YZ76', ...course, waitlistPosition: 2, firstMeeting };
  const render = (template: NotificationTemplate, locale: 'ko' | 'en', payload: unknown) =>
    renderNotification({ template, locale, payload }, { siteOrigin }).text;

  it('a confirmed place, in Korean: the news, the first class and the link, one to a line', () => {
    expect(render('enrolment_confirmed', 'ko', confirmed)).toBe(
      [
        '[서로서로학교] ‘캘리그라피’ 수강신청이 확정되었습니다. 확인 코드 AB12-CD34',
        '첫 수업: 12월 6일(일) 오전 10:00~오후 12:00, 용산아트홀 제3강의실',
        '신청 확인: https://seoro.example.org/registrations/AB12-CD34',
      ].join('\n'),
    );
  });

  it('a confirmed place, in English, links to the English page', () => {
    expect(render('enrolment_confirmed', 'en', confirmed)).toBe(
      [
        "[Seoroseoro School] You're enrolled in “Calligraphy”. Confirmation code: AB12-CD34",
        'First class: Sun 6 Dec, 10:00 AM–12:00 PM, Lecture Room 3, Yongsan Art Hall',
        'Your registration: https://seoro.example.org/en/registrations/AB12-CD34',
      ].join('\n'),
    );
  });

  it('a waitlisted place gets the same two lines, in both languages', () => {
    const ko = render('waitlist_joined', 'ko', waitlisted);
    expect(ko).toContain('대기 2번으로 접수되었습니다');
    expect(ko).toContain('첫 수업: 12월 6일(일) 오전 10:00~오후 12:00, 용산아트홀 제3강의실');
    expect(ko).toContain('신청 확인: https://seoro.example.org/registrations/WX98-YZ76');
    const en = render('waitlist_joined', 'en', waitlisted);
    expect(en).toContain("You're no. 2 on the waitlist");
    expect(en).toContain('First class: Sun 6 Dec, 10:00 AM–12:00 PM, Lecture Room 3');
    expect(en).toContain('Your registration: https://seoro.example.org/en/registrations/WX98-YZ76');
  });

  it('a place freed for someone waiting gets the same two lines', () => {
    const promoted = { code: 'PR34-MO56', ...course, firstMeeting };
    const ko = render('promoted_from_waitlist', 'ko', promoted);
    expect(ko).toContain('첫 수업: 12월 6일(일) 오전 10:00~오후 12:00, 용산아트홀 제3강의실');
    expect(ko).toContain('신청 확인: https://seoro.example.org/registrations/PR34-MO56');
    const en = render('promoted_from_waitlist', 'en', promoted);
    expect(en).toContain('Your registration: https://seoro.example.org/en/registrations/PR34-MO56');
    expect(lmsBytes(ko)).toBeLessThanOrEqual(LMS_MAX_BYTES);
  });

  it('uses ordinary spaces only (EUC-KR has no no-break space)', () => {
    for (const locale of ['ko', 'en'] as const) {
      expect(render('enrolment_confirmed', locale, confirmed)).not.toMatch(/[\u00a0\u2060]/);
    }
  });

  it('leaves out what it does not know: no first class, no site origin', () => {
    const { firstMeeting: _, ...without } = confirmed;
    const text = renderNotification({
      template: 'enrolment_confirmed',
      locale: 'ko',
      payload: without,
    }).text;
    expect(text).toBe('[서로서로학교] ‘캘리그라피’ 수강신청이 확정되었습니다. 확인 코드 AB12-CD34');
  });

  it('stays within one LMS (2,000 EUC-KR bytes) with the longest title and place names', () => {
    const longest = {
      ...confirmed,
      courseTitleKo: '가'.repeat(COURSE_TITLE_MAX),
      courseTitleEn: 'W'.repeat(COURSE_TITLE_MAX),
      firstMeeting: {
        ...firstMeeting,
        venueKo: '나'.repeat(100),
        venueEn: 'V'.repeat(100),
        roomKo: '다'.repeat(100),
        roomEn: 'R'.repeat(100),
      },
    };
    for (const template of ['enrolment_confirmed', 'waitlist_joined'] as const) {
      for (const locale of ['ko', 'en'] as const) {
        const payload = { ...longest, waitlistPosition: 200 };
        const text = render(template, locale, payload);
        expect(lmsBytes(text)).toBeLessThanOrEqual(LMS_MAX_BYTES);
      }
    }
    // An everyday confirmation is far shorter: one screen of a phone.
    expect(lmsBytes(render('enrolment_confirmed', 'ko', confirmed))).toBeLessThan(300);
    expect(lmsBytes(render('waitlist_joined', 'ko', waitlisted))).toBeLessThan(300);
  });
});
