// The registration plugin's form as this site renders it (server side, so what a browser without
// JavaScript gets). Lives here because the plugin package has no Svelte build of its own.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { RegistrationCourse, RegistrationFormProps } from '@seoro/plugin-registration/web';
import { webPlugins } from './plugins';

const Form = webPlugins.registration.slots?.['course-detail'];

const course = (
  over: Partial<RegistrationCourse> = {},
  state: RegistrationCourse['term']['registrationState'] = 'open',
) =>
  ({
    id: 'c1',
    title: { ko: '캘리그라피', en: 'Calligraphy' },
    seatsLeft: 3,
    mode: 'first_come',
    term: { registrationState: state, registrationOpensAt: '2026-01-05T01:00:00.000Z' },
    ...over,
  }) satisfies RegistrationCourse;

const enhance: RegistrationFormProps['enhance'] = () => ({ destroy() {} });

/** Rendered HTML; the shared date helpers use no-break spaces, read here as plain ones. */
function html(props: Partial<RegistrationFormProps>) {
  if (!Form) throw new Error('registration plugin has no course-detail slot');
  return render(Form, {
    props: { course: course(), form: null, locale: 'ko', enhance, submissionKey: 'k', ...props },
  }).body.replace(/[\u00a0\u2060]/g, (c) => (c === '\u00a0' ? ' ' : ''));
}

describe('registration form', () => {
  it('posts to the page action and works without JavaScript', () => {
    const out = html({});
    expect(out).toContain('method="POST"');
    expect(out).toContain('action="?/register"');
    expect(out).toContain('autocomplete="name"');
    expect(out).toMatch(/type="tel"[^>]*inputmode="numeric"[^>]*autocomplete="tel"/);
    expect(out).toContain('수강 신청하기');
    expect(out).toContain('수강 기수 종료 후 1년 뒤 파기');
  });

  it('offers the waitlist when the course is full', () => {
    expect(html({ course: course({ seatsLeft: 0 }) })).toContain('대기 신청하기');
  });

  it('replaces the form with a notice when registration is closed or not open yet', () => {
    const closed = html({ course: course({}, 'closed') });
    expect(closed).not.toContain('<form');
    expect(closed).toContain('온라인 신청이 마감되었습니다');
    const early = html({ course: course({}, 'not_open'), locale: 'en' });
    expect(early).not.toContain('<form');
    expect(early).toContain('Mon 5 Jan, 10:00 AM');
  });

  it('puts errors next to their fields and keeps what was typed', () => {
    const out = html({
      form: {
        values: { name: '홍길동', phone: '02-123-4567', consent: true },
        field: 'phone',
        message: '휴대전화 번호를 확인해 주세요.',
        errors: [{ field: 'phone', message: '휴대전화 번호를 확인해 주세요.' }],
      },
    });
    expect(out).toContain('value="홍길동"');
    expect(out).toContain('value="02-123-4567"');
    expect(out).toMatch(/id="reg-phone"[^>]*aria-invalid="true"/);
    expect(out).toMatch(/id="reg-phone"[^>]*aria-describedby="reg-phone-hint reg-phone-error"/);
    expect(out).toContain('href="#reg-phone"');
    expect(out).toMatch(/id="reg-consent"[^>]*checked/);
  });
});
