/**
 * The registration plugin's part of the public site: the form in the course page's `course-detail`
 * slot. The host owns the form action (`?/register`), which calls `registration.register`; this
 * part only renders, so it needs neither `$app/*` nor the API.
 */
import { defineWebPlugin } from '@seoro/plugin-sdk';
import { manifest } from './manifest';
import RegistrationForm from './web/RegistrationForm.svelte';

export type {
  EnhanceAction,
  EnhanceSubmit,
  RegistrationCourse,
  RegistrationError,
  RegistrationField,
  RegistrationFormFailure,
  RegistrationFormProps,
} from './web/types';

export const registrationWebPlugin = defineWebPlugin({
  manifest,
  slots: { 'course-detail': RegistrationForm },
});
