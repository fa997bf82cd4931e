/**
 * The registration plugin's part of the public site: the form in the course page's `course-detail`
 * slot, and the "my registrations" link in the site's navigation. The host owns the form action
 * (`?/register`), which calls `registration.register`, and the `/my` page; this part only renders,
 * so it needs neither `$app/*` nor the API.
 */
import { m } from '@seoro/i18n';
import { defineWebPlugin } from '@seoro/plugin-sdk';
import { manifest } from './manifest';
import RegistrationForm from './web/RegistrationForm.svelte';

export type {
  EnhanceAction,
  RegistrationCourse,
  RegistrationError,
  RegistrationField,
  RegistrationFormFailure,
  RegistrationFormProps,
} from './web/types';

export const registrationWebPlugin = defineWebPlugin({
  manifest,
  // The resident's own registrations (the host's `/my` page, after an SMS code).
  navItems: [
    {
      href: '/my',
      label: { ko: m.web_my_nav({}, { locale: 'ko' }), en: m.web_my_nav({}, { locale: 'en' }) },
    },
  ],
  slots: { 'course-detail': RegistrationForm },
});
