import { definePluginManifest } from '@seoro/plugin-sdk';

/** Online registration for courses: the form on the course page, the waitlist, the confirmation. */
export const manifest = definePluginManifest({
  id: 'registration',
  name: { ko: '수강 신청', en: 'Course registration' },
  description: {
    ko: '강좌 페이지에서 이름과 휴대전화 번호로 수강 신청을 받고, 정원이 차면 대기 신청을 받습니다.',
    en: 'Takes registrations on the course page with a name and mobile number, and a waitlist once a course is full.',
  },
  surfaces: { server: true, web: true, kiosk: false },
});
