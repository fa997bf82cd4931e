// The form's contract with its host. Structural on purpose: this package cannot import the host's
// API types (@seoro/api depends on this package) nor SvelteKit's (`$app/*` exists only in the app).

import type { Locale, LocalizedText } from '@seoro/plugin-sdk';
import type { SingleSubmit } from '@seoro/ui';

/** What the form needs to know about the course; the host's course object satisfies it. */
export interface RegistrationCourse {
  id: string;
  title: LocalizedText;
  seatsLeft: number;
  mode: 'first_come' | 'lottery';
  term: {
    registrationState: 'not_open' | 'open' | 'closed';
    /** ISO instant (UTC). */
    registrationOpensAt: string;
  };
}

/** Inputs a message can point at (the API's `error.data.field`). */
export type RegistrationField = 'name' | 'phone' | 'consent';

export interface RegistrationError {
  /** The input at fault, or null for a problem with the request as a whole (e.g. already registered). */
  field: RegistrationField | null;
  /** A sentence in the page's language. */
  message: string;
}

/**
 * What the host's `register` action returns with `fail(status, …)`: the values to put back into the
 * inputs, and the errors. `field` and `message` repeat the first error.
 */
export interface RegistrationFormFailure {
  values: { name: string; phone: string; consent: boolean };
  field: RegistrationField | null;
  message: string;
  errors: RegistrationError[];
}

/** SvelteKit's `enhance` from `$app/forms`, handed over by the host. */
export type EnhanceAction = (form: HTMLFormElement, submit?: SingleSubmit) => { destroy(): void };

export interface RegistrationFormProps {
  course: RegistrationCourse;
  /** The action's failure data (SvelteKit's `form` prop), or null/undefined before any submit. */
  form: RegistrationFormFailure | null | undefined;
  locale: Locale;
  enhance: EnhanceAction;
  /**
   * A fresh key per rendered form, sent back as the `submission` field: a resubmitted form (a
   * double tap, a browser retry) gets the first answer instead of a second registration.
   */
  submissionKey: string;
}
