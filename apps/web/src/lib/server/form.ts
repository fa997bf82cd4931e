import { readApiFailure } from './api-error';

/**
 * The posted form, or null when the body is not one (a text/plain body, a broken multipart body):
 * `request.formData()` throws on those, and a throw from an action is a 500 and an error in the
 * log for what is the sender's mistake. The action answers null with 400 and a sentence.
 */
export async function readForm(request: Request): Promise<FormData | null> {
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

/** The sentence for each input of one form, shown when the API refuses its value as malformed. */
export type FieldMessages<Field extends string> = Record<Field, () => string>;

/** What a form shows for a refused API call. */
export interface FormRefusal<Field extends string> {
  /** A 4xx status for `fail()`. */
  status: number;
  /** The input the sentence belongs next to, or null for the form as a whole. */
  field: Field | null;
  /** A sentence in the page's language. */
  message: string;
  /** The API's refusal code (e.g. `code_not_found`), or null for malformed input. */
  domainCode: string | null;
}

/**
 * Turns a failed API call into what the form shows, or null when the failure is unexpected (the
 * action logs it and answers 500). A domain refusal keeps the API's sentence and status. A refusal
 * without a domain code is the API's input validation (a value longer than it accepts, of the
 * wrong type, which no `maxlength` in the page prevents): it gets the sentence of the field the
 * API names in `data.field`, or the API's general one for a field the form does not have.
 *
 * @example formRefusal(cause, { phone: () => m.err_invalid_phone({}, opts) })
 */
export function formRefusal<Field extends string>(
  cause: unknown,
  fields: FieldMessages<Field>,
): FormRefusal<Field> | null {
  const failure = readApiFailure(cause);
  const status = failure?.httpStatus;
  if (!failure || !status || status < 400 || status >= 500) return null;
  const isField = (name: string | null): name is Field =>
    name !== null && Object.hasOwn(fields, name);
  const field = isField(failure.field) ? failure.field : null;
  if (failure.domainCode) {
    return { status, field, message: failure.message, domainCode: failure.domainCode };
  }
  return { status, field, message: field ? fields[field]() : failure.message, domainCode: null };
}
