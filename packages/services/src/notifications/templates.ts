import { z } from 'zod';
import { m } from '@seoro/i18n';
import {
  dateToDays,
  formatDate,
  formatDateTimeRange,
  formatInstantTime,
  formatTimeRange,
  kstInstant,
  localize,
  plainSpaces,
  timeToMinutes,
  type Locale,
  WISH_TOPICS,
  wishTopicName,
} from '@seoro/domain';

/** How long a resident's sign-in code is accepted; a code delivered later is useless. */
export const ONE_TIME_CODE_TTL_MS = 5 * 60_000;

/**
 * A template or payload the renderer refuses. Sending again cannot fix it, so the sender marks the
 * row failed at once instead of retrying.
 */
export class NotificationTemplateError extends Error {
  override name = 'NotificationTemplateError';
}

/** How long a kiosk's call for staff is worth delivering. */
export const KIOSK_HELP_TEXT_TTL_MS = 15 * 60_000;

/** What a transport delivers: the SMS text (also the e-mail body) and an e-mail subject. */
export interface RenderedNotification {
  text: string;
  subject: string;
}

const nonEmpty = z.string().trim().min(1);
const calendarDate = z.string().refine((value) => isValid(() => dateToDays(value)), {
  message: 'expected a calendar date YYYY-MM-DD',
});
const wallTime = z.string().refine((value) => isValid(() => timeToMinutes(value)), {
  message: 'expected a time HH:MM',
});
const position = z.number().int().positive();
// English titles may be blank when staff have not translated them yet; Korean is then shown.
const course = {
  courseId: nonEmpty,
  courseTitleKo: nonEmpty,
  courseTitleEn: z.string().nullish(),
};

/** A meeting's date, time and room, as a text about that meeting names them. */
const meetingSlot = {
  date: calendarDate,
  startTime: wallTime,
  endTime: wallTime,
  roomKo: nonEmpty,
  roomEn: z.string().nullish(),
};

/**
 * The first class still to come when the text was queued, for a new registration's text (rows
 * queued before it was added have none).
 */
const firstMeeting = z
  .object({
    date: calendarDate,
    startTime: wallTime,
    endTime: wallTime,
    venueKo: nonEmpty,
    venueEn: z.string().nullish(),
    roomKo: nonEmpty,
    roomEn: z.string().nullish(),
  })
  .nullish();

const payloadSchemas = {
  enrolment_confirmed: z.object({ code: nonEmpty, ...course, firstMeeting }),
  waitlist_joined: z.object({
    code: nonEmpty,
    ...course,
    waitlistPosition: position,
    firstMeeting,
  }),
  promoted_from_waitlist: z.object({ code: nonEmpty, ...course, firstMeeting }),
  enrolment_cancelled: z.object({ code: nonEmpty, ...course }),
  lottery_result: z.object({
    code: nonEmpty,
    ...course,
    won: z.boolean(),
    waitlistPosition: position.nullable(),
  }),
  meeting_reminder: z.object({
    code: nonEmpty,
    ...course,
    date: calendarDate,
    startTime: wallTime,
    endTime: wallTime,
    venueKo: nonEmpty,
    venueEn: z.string().nullish(),
    roomKo: nonEmpty,
    roomEn: z.string().nullish(),
  }),
  course_cancelled: z.object({ ...course }),
  meeting_moved: z.object({
    ...course,
    meetingId: nonEmpty,
    fromDate: calendarDate,
    fromStartTime: wallTime,
    fromEndTime: wallTime,
    ...meetingSlot,
  }),
  meeting_cancelled: z.object({ ...course, meetingId: nonEmpty, ...meetingSlot }),
  meeting_restored: z.object({ ...course, meetingId: nonEmpty, ...meetingSlot }),
  one_time_code: z.object({ otp: z.string().regex(/^\d{6}$/, 'expected six digits') }),
  // To staff: a resident at a kiosk asked for help (the kiosk's name and when, ISO).
  kiosk_help: z.object({ kioskName: nonEmpty, at: z.iso.datetime() }),
  // To a resident who applied to teach: each step of the review, with the proposal's title.
  application_received: z.object({ applicationId: nonEmpty, title: nonEmpty }),
  application_changes_requested: z.object({
    applicationId: nonEmpty,
    title: nonEmpty,
    message: nonEmpty,
  }),
  application_accepted: z.object({
    applicationId: nonEmpty,
    title: nonEmpty,
    termKo: nonEmpty,
    termEn: z.string().nullish(),
  }),
  application_rejected: z.object({ applicationId: nonEmpty, title: nonEmpty, reason: nonEmpty }),
  // An instructor's message to their whole class (the body as they wrote it).
  class_message: z.object({ ...course, body: nonEmpty }),
  // To a past learner: residents wish someone taught this topic; would they? (with an opt-out link)
  teach_invitation: z.object({
    topic: z.enum(WISH_TOPICS),
    optOutToken: z.string().regex(/^[\w-]+\.[\w-]+$/, 'expected an opt-out token'),
  }),
} as const;

/** The templates the services may put in the outbox. */
export type NotificationTemplate = keyof typeof payloadSchemas;

/** The payload each template expects, for code that writes outbox rows. */
export type NotificationPayload<T extends NotificationTemplate> = z.input<
  (typeof payloadSchemas)[T]
>;

/** Every template name, in a stable order. */
export const NOTIFICATION_TEMPLATES = Object.keys(payloadSchemas) as NotificationTemplate[];

type Parsed<T extends NotificationTemplate> = z.output<(typeof payloadSchemas)[T]>;
/** What rendering needs beyond the row: where the site is, for links to it. */
export interface RenderOptions {
  /** The public site's origin ('https://example.org'), without a trailing slash; no links without it. */
  siteOrigin?: string | null | undefined;
}

type Renderers = {
  [T in NotificationTemplate]: (
    p: Parsed<T>,
    locale: Locale,
    options: RenderOptions,
  ) => { body: string; subject: string };
};

const title = (
  p: { courseTitleKo: string; courseTitleEn?: string | null | undefined },
  l: Locale,
) => localize({ ko: p.courseTitleKo, en: p.courseTitleEn ?? null }, l);

const room = (p: { roomKo: string; roomEn?: string | null | undefined }, l: Locale) =>
  localize({ ko: p.roomKo, en: p.roomEn ?? null }, l);

/** '3월 4일(목) 오전 10:00~12:00' with ordinary spaces: a Korean SMS is sent in EUC-KR. */
const smsWhen = (date: string, start: string, end: string, l: Locale) =>
  plainSpaces(formatDateTimeRange(date, start, end, l));

/** The confirmation page of a registration, in the text's language. */
export function registrationLink(siteOrigin: string, code: string, locale: Locale): string {
  const origin = siteOrigin.replace(/\/+$/, '');
  return `${origin}${locale === 'en' ? '/en' : ''}/registrations/${encodeURIComponent(code)}`;
}

/** The page where an applicant follows their applications to teach, in the text's language. */
export function teachLink(siteOrigin: string, locale: Locale): string {
  const origin = siteOrigin.replace(/\/+$/, '');
  return `${origin}${locale === 'en' ? '/en' : ''}/teach/my`;
}

/** An application's news, then the link to follow it when the site's address is known. */
function withTeachLink(body: string, locale: Locale, options: RenderOptions): string {
  if (!options.siteOrigin) return body;
  return `${body}\n${m.teach_notify_link({ link: teachLink(options.siteOrigin, locale) }, { locale })}`;
}

/**
 * A registration's news (new, waitlisted, or promoted from the waitlist), then one line each for
 * its first class to come (date, time and place) and the link to its confirmation page, when
 * known.
 */
function withFirstClassAndLink(
  body: string,
  p: { code: string; firstMeeting?: z.output<typeof firstMeeting> },
  locale: Locale,
  options: RenderOptions,
): string {
  const lines = [body];
  const first = p.firstMeeting;
  if (first) {
    const place = m.notify_place(
      {
        venue: localize({ ko: first.venueKo, en: first.venueEn ?? null }, locale),
        room: localize({ ko: first.roomKo, en: first.roomEn ?? null }, locale),
      },
      { locale },
    );
    lines.push(
      m.notify_after_first_class(
        { when: smsWhen(first.date, first.startTime, first.endTime, locale), place },
        { locale },
      ),
    );
  }
  if (options.siteOrigin) {
    lines.push(
      m.notify_after_link(
        { link: registrationLink(options.siteOrigin, p.code, locale) },
        { locale },
      ),
    );
  }
  return lines.join('\n');
}

const renderers: Renderers = {
  enrolment_confirmed: (p, locale, options) => ({
    body: withFirstClassAndLink(
      m.notify_enrolment_confirmed({ course: title(p, locale), code: p.code }, { locale }),
      p,
      locale,
      options,
    ),
    subject: m.notify_subject_enrolment_confirmed({}, { locale }),
  }),
  waitlist_joined: (p, locale, options) => ({
    body: withFirstClassAndLink(
      m.notify_waitlist_joined(
        { course: title(p, locale), code: p.code, position: String(p.waitlistPosition) },
        { locale },
      ),
      p,
      locale,
      options,
    ),
    subject: m.notify_subject_waitlist_joined({}, { locale }),
  }),
  promoted_from_waitlist: (p, locale, options) => ({
    body: withFirstClassAndLink(
      m.notify_promoted_from_waitlist({ course: title(p, locale), code: p.code }, { locale }),
      p,
      locale,
      options,
    ),
    subject: m.notify_subject_promoted_from_waitlist({}, { locale }),
  }),
  enrolment_cancelled: (p, locale) => ({
    body: m.notify_enrolment_cancelled({ course: title(p, locale), code: p.code }, { locale }),
    subject: m.notify_subject_enrolment_cancelled({}, { locale }),
  }),
  lottery_result: (p, locale) => {
    const courseTitle = title(p, locale);
    const body = p.won
      ? m.notify_lottery_won({ course: courseTitle, code: p.code }, { locale })
      : p.waitlistPosition !== null
        ? m.notify_lottery_waitlisted(
            { course: courseTitle, code: p.code, position: String(p.waitlistPosition) },
            { locale },
          )
        : m.notify_lottery_lost({ course: courseTitle }, { locale });
    return { body, subject: m.notify_subject_lottery_result({}, { locale }) };
  },
  meeting_reminder: (p, locale) => ({
    body: m.notify_meeting_reminder(
      {
        course: title(p, locale),
        code: p.code,
        // A Korean SMS is sent in EUC-KR, which has no no-break space.
        date: plainSpaces(formatDate(p.date, locale)),
        time: plainSpaces(formatTimeRange(p.startTime, p.endTime, locale)),
        place: m.notify_place(
          {
            venue: localize({ ko: p.venueKo, en: p.venueEn ?? null }, locale),
            room: localize({ ko: p.roomKo, en: p.roomEn ?? null }, locale),
          },
          { locale },
        ),
      },
      { locale },
    ),
    subject: m.notify_subject_meeting_reminder({}, { locale }),
  }),
  course_cancelled: (p, locale) => ({
    body: m.notify_course_cancelled({ course: title(p, locale) }, { locale }),
    subject: m.notify_subject_course_cancelled({}, { locale }),
  }),
  meeting_moved: (p, locale) => ({
    body: m.notify_meeting_moved(
      {
        course: title(p, locale),
        from: smsWhen(p.fromDate, p.fromStartTime, p.fromEndTime, locale),
        to: smsWhen(p.date, p.startTime, p.endTime, locale),
        room: room(p, locale),
      },
      { locale },
    ),
    subject: m.notify_subject_meeting_moved({}, { locale }),
  }),
  meeting_cancelled: (p, locale) => ({
    body: m.notify_meeting_cancelled(
      { course: title(p, locale), when: smsWhen(p.date, p.startTime, p.endTime, locale) },
      { locale },
    ),
    subject: m.notify_subject_meeting_cancelled({}, { locale }),
  }),
  meeting_restored: (p, locale) => ({
    body: m.notify_meeting_restored(
      {
        course: title(p, locale),
        when: smsWhen(p.date, p.startTime, p.endTime, locale),
        room: room(p, locale),
      },
      { locale },
    ),
    subject: m.notify_subject_meeting_restored({}, { locale }),
  }),
  one_time_code: (p, locale) => ({
    body: m.notify_one_time_code({ otp: p.otp }, { locale }),
    subject: m.notify_subject_one_time_code({}, { locale }),
  }),
  kiosk_help: (p, locale) => ({
    body: m.kiosk_help_notify(
      { kiosk: p.kioskName, time: plainSpaces(formatInstantTime(p.at, locale)) },
      { locale },
    ),
    subject: m.kiosk_help_notify_subject({}, { locale }),
  }),
  application_received: (p, locale, options) => ({
    body: withTeachLink(m.teach_notify_received({ title: p.title }, { locale }), locale, options),
    subject: m.teach_notify_subject({}, { locale }),
  }),
  application_changes_requested: (p, locale, options) => ({
    body: withTeachLink(
      m.teach_notify_changes_requested({ title: p.title, message: p.message }, { locale }),
      locale,
      options,
    ),
    subject: m.teach_notify_subject({}, { locale }),
  }),
  application_accepted: (p, locale, options) => ({
    body: withTeachLink(
      m.teach_notify_accepted(
        { title: p.title, term: localize({ ko: p.termKo, en: p.termEn ?? null }, locale) },
        { locale },
      ),
      locale,
      options,
    ),
    subject: m.teach_notify_subject({}, { locale }),
  }),
  application_rejected: (p, locale, options) => ({
    body: withTeachLink(
      m.teach_notify_rejected({ title: p.title, reason: p.reason }, { locale }),
      locale,
      options,
    ),
    subject: m.teach_notify_subject({}, { locale }),
  }),
  class_message: (p, locale) => ({
    body: m.instructor_notify_class_message({ course: title(p, locale), body: p.body }, { locale }),
    subject: m.instructor_notify_class_message_subject({}, { locale }),
  }),
  teach_invitation: (p, locale, options) => {
    const origin = (options.siteOrigin ?? '').replace(/\/+$/, '');
    const prefix = locale === 'en' ? '/en' : '';
    return {
      body: m.wishes_notify_teach_invitation(
        {
          topic: wishTopicName(p.topic, locale),
          link: `${origin}${prefix}/teach`,
          optOut: `${origin}${prefix}/teach/opt-out/${p.optOutToken}`,
        },
        { locale },
      ),
      subject: m.wishes_notify_teach_invitation_subject({}, { locale }),
    };
  },
};

/**
 * The text and subject of an outbox row in its own language. Throws `NotificationTemplateError`
 * for an unknown template or a payload that does not match the template.
 *
 * @example
 * renderNotification({ template: 'one_time_code', locale: 'ko', payload: { otp: '123456' } }).text
 * // '[서로서로학교] 내 신청 조회 인증번호 123456 (5분간 유효). 다른 사람에게 알려 주지 마세요.'
 */
export function renderNotification(
  row: {
    template: string;
    locale: Locale;
    payload: unknown;
  },
  options: RenderOptions = {},
): RenderedNotification {
  if (row.locale !== 'ko' && row.locale !== 'en') {
    throw new NotificationTemplateError(`Unsupported notification locale '${String(row.locale)}'`);
  }
  const template = asTemplate(row.template);
  const payload = parsePayload(template, row.payload);
  const render = renderers[template] as (
    p: unknown,
    locale: Locale,
    options: RenderOptions,
  ) => { body: string; subject: string };
  const { body, subject } = render(payload, row.locale, options);
  const tag = m.notify_tag({}, { locale: row.locale });
  return { text: `${tag} ${body}`, subject: `${tag} ${subject}` };
}

/**
 * When a row is no longer worth delivering (a sign-in code past its lifetime, a reminder for a
 * meeting that has started), or null if it never goes stale. Null for payloads it cannot read;
 * rendering reports those.
 */
export function notificationExpiresAt(row: {
  template: string;
  payload: unknown;
  createdAt: Date;
}): Date | null {
  if (row.template === 'one_time_code') {
    return new Date(row.createdAt.getTime() + ONE_TIME_CODE_TTL_MS);
  }
  if (row.template === 'kiosk_help') {
    // Staff told an hour late would walk to an empty kiosk.
    const parsed = payloadSchemas.kiosk_help.safeParse(row.payload);
    return parsed.success
      ? new Date(new Date(parsed.data.at).getTime() + KIOSK_HELP_TEXT_TTL_MS)
      : null;
  }
  if (row.template === 'meeting_reminder') {
    const parsed = payloadSchemas.meeting_reminder.safeParse(row.payload);
    return parsed.success ? kstInstant(parsed.data.date, parsed.data.startTime) : null;
  }
  return null;
}

function asTemplate(name: string): NotificationTemplate {
  if (Object.hasOwn(payloadSchemas, name)) return name as NotificationTemplate;
  throw new NotificationTemplateError(`Unknown notification template '${name}'`);
}

function parsePayload(template: NotificationTemplate, payload: unknown): unknown {
  const result = payloadSchemas[template].safeParse(payload);
  if (result.success) return result.data;
  // Paths and reasons only: the values may be a sign-in code or a phone number.
  const problems = result.error.issues
    .map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`)
    .join('; ');
  throw new NotificationTemplateError(
    `Payload for notification template '${template}' is invalid: ${problems}`,
  );
}

function isValid(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}
