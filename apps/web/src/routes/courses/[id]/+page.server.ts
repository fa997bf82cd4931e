import { createHash, randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { localizeHref } from '@seoro/i18n/runtime';
import type {
  RegistrationError,
  RegistrationField,
  RegistrationFormFailure,
} from '@seoro/plugin-registration/web';
import { kstDateOf } from '@seoro/domain';
import { readApiFailure } from '$lib/server/api-error';
import { loadContact } from '$lib/server/contact';
import { formRefusal, readForm, type FieldMessages } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/** What the form says when the API refuses an input's value as malformed (e.g. too long). */
const fieldMessages = (opts: { locale: 'ko' | 'en' }): FieldMessages<RegistrationField> => ({
  name: () => m.err_invalid_name({}, opts),
  phone: () => m.err_invalid_phone({}, opts),
  consent: () => m.err_consent_required({}, opts),
});

/**
 * The signed-in resident's places in the term, or null: asked only with a session cookie (so a
 * page anyone else may be served never carries it), and null when the session is gone (401).
 */
async function myPlaces(
  api: App.Locals['api'],
  termId: string,
): Promise<{ used: number; limit: number | null } | null> {
  try {
    const places = await api.registration.myTermPlaces.query({ termId });
    return { used: places.used, limit: places.limit };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus !== 401) {
      console.error('[web] registration.myTermPlaces failed', failure ?? cause);
    }
    return null;
  }
}

export const load: PageServerLoad = async ({ locals, params, cookies }) => {
  const opts = { locale: locals.locale };
  const contact = loadContact(locals.api);
  try {
    const course = await locals.api.catalogue.course.query({ courseId: params.id });
    // The resident session cookie: plain over HTTP, `__Host-`-prefixed over HTTPS.
    const signedIn =
      cookies.get('seoro_resident') !== undefined ||
      cookies.get('__Host-seoro_resident') !== undefined;
    const places = signedIn ? await myPlaces(locals.api, course.term.id) : null;
    return {
      course,
      places,
      contact: await contact,
      // Today in Korea, decided on the server so the page renders the same before and after hydration.
      today: kstDateOf(new Date()),
      submissionKey: randomUUID(),
    };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (
      failure?.domainCode === 'course_not_found' ||
      failure?.httpStatus === 404 ||
      failure?.httpStatus === 400
    ) {
      error(404, { message: m.web_error_course_title({}, opts), kind: 'course_not_found' });
    }
    console.error('[web] catalogue.course failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};

/**
 * The idempotency key for a submission: the form's key (if it looks like one we issued) bound to
 * what was typed. A public page can reach several visitors from one cache, the same key in each
 * form; bound to the course, name and number, two residents' registrations never share a key,
 * while the same form sent twice (a double tap, a retry) still does.
 */
function submissionKey(
  value: FormDataEntryValue | null,
  typed: { courseId: string; name: string; phone: string },
): string | undefined {
  if (typeof value !== 'string' || !/^[0-9a-f-]{36}$/.test(value)) return undefined;
  return createHash('sha256')
    .update([value, typed.courseId, typed.name, typed.phone].join('\u0000'))
    .digest('base64url');
}

function failure(
  values: RegistrationFormFailure['values'],
  errors: RegistrationError[],
): RegistrationFormFailure {
  const first = errors[0] ?? { field: null, message: '' };
  return { values, field: first.field, message: first.message, errors };
}

export const actions: Actions = {
  /** Registers the resident; the form (registration plugin) renders what this returns. */
  register: async ({ request, params, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) {
      const empty = { name: '', phone: '', consent: false };
      return fail(400, failure(empty, [{ field: null, message: m.web_form_unreadable({}, opts) }]));
    }
    const values = {
      name: String(form.get('name') ?? '').trim(),
      phone: String(form.get('phone') ?? '').trim(),
      consent: form.get('consent') === 'yes',
    };

    // Empty inputs are caught here so every missing answer is listed at once, in plain words.
    const missing: RegistrationError[] = [];
    if (!values.name)
      missing.push({ field: 'name', message: m.web_reg_error_name_missing({}, opts) });
    if (!values.phone)
      missing.push({ field: 'phone', message: m.web_reg_error_phone_missing({}, opts) });
    if (!values.consent) {
      missing.push({ field: 'consent', message: m.web_reg_error_consent_missing({}, opts) });
    }
    if (missing.length > 0) return fail(400, failure(values, missing));

    let code: string;
    try {
      const result = await locals.api.registration.register.mutate({
        courseId: params.id,
        name: values.name,
        phone: values.phone,
        consent: values.consent,
        idempotencyKey: submissionKey(form.get('submission'), {
          courseId: params.id,
          name: values.name,
          phone: values.phone,
        }),
      });
      code = result.code;
    } catch (cause) {
      // A domain refusal's message is already a sentence in the resident's language ("이미 이
      // 강좌에 신청하셨습니다" …); a malformed value gets its field's sentence.
      const refusal = formRefusal(cause, fieldMessages(opts));
      if (!refusal) {
        console.error('[web] registration.register failed', readApiFailure(cause) ?? cause);
        return fail(
          500,
          failure(values, [{ field: null, message: m.web_reg_error_unexpected({}, opts) }]),
        );
      }
      return fail(
        refusal.status,
        failure(values, [{ field: refusal.field, message: refusal.message }]),
      );
    }

    redirect(303, localizeHref(`/registrations/${encodeURIComponent(code)}`, opts));
  },
};
