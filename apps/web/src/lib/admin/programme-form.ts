import type { CourseInput, RegistrationMode, TermInput } from '@seoro/domain';

/** A form's values as typed, by input name: what a refused form is shown again with. */
export type FormValues = Record<string, string>;
/** A sentence per input at fault, by input name. */
export type FieldErrors = Record<string, string>;

/** The term form's inputs, in the order they appear (and the error summary lists them). */
export const TERM_FIELDS = [
  'nameKo',
  'nameEn',
  'slug',
  'startsOn',
  'endsOn',
  'registrationOpensAt',
  'registrationClosesAt',
  'onsiteOpensAt',
  'onsiteClosesAt',
  'perResidentLimit',
  'noShowBarPercent',
  'completionPercent',
  'defaultMode',
] as const satisfies readonly (keyof TermInput)[];

/** The course form's inputs, in the order they appear. */
export const COURSE_FIELDS = [
  'titleKo',
  'titleEn',
  'summaryKo',
  'summaryEn',
  'descriptionKo',
  'descriptionEn',
  'instructorKind',
  'instructorId',
  'instructorPhone',
  'instructorName',
  'roomId',
  'capacity',
  'minLearners',
  'mode',
  'onsiteSeats',
  'materialsNoteKo',
  'materialsNoteEn',
  'materialsFeeWon',
] as const;

/** The posted text of each named input (a missing one as blank). */
export function formValues(form: FormData, names: readonly string[]): FormValues {
  return Object.fromEntries(names.map((n) => [n, String(form.get(n) ?? '')]));
}

/** A number as typed: blank is null, digits with thousands commas are read, anything else NaN. */
export function numberOrNull(text: string | undefined): number | null {
  const t = (text ?? '').trim().replace(/,/g, '');
  if (!t) return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

const mode = (text: string | undefined): RegistrationMode =>
  text === 'lottery' ? 'lottery' : 'first_come';

/** The term form's values as the domain checks them. */
export function termInputFrom(v: FormValues): TermInput {
  return {
    nameKo: v.nameKo ?? '',
    nameEn: v.nameEn ?? '',
    slug: v.slug ?? '',
    startsOn: v.startsOn ?? '',
    endsOn: v.endsOn ?? '',
    registrationOpensAt: v.registrationOpensAt ?? '',
    registrationClosesAt: v.registrationClosesAt ?? '',
    onsiteOpensAt: v.onsiteOpensAt ?? '',
    onsiteClosesAt: v.onsiteClosesAt ?? '',
    perResidentLimit: numberOrNull(v.perResidentLimit),
    noShowBarPercent: numberOrNull(v.noShowBarPercent),
    completionPercent: numberOrNull(v.completionPercent) ?? Number.NaN,
    defaultMode: mode(v.defaultMode),
  };
}

/** A term's settings as the form's values. */
export function termValues(input: TermInput): FormValues {
  const n = (x: number | null) => (x === null ? '' : String(x));
  return {
    ...input,
    perResidentLimit: n(input.perResidentLimit),
    noShowBarPercent: n(input.noShowBarPercent),
    completionPercent: String(input.completionPercent),
  };
}

/** The course form's settings as the domain checks them (blank required numbers are NaN). */
export function courseInputFrom(v: FormValues): CourseInput {
  return {
    titleKo: v.titleKo ?? '',
    titleEn: v.titleEn ?? '',
    summaryKo: v.summaryKo ?? '',
    summaryEn: v.summaryEn ?? '',
    descriptionKo: v.descriptionKo ?? '',
    descriptionEn: v.descriptionEn ?? '',
    materialsNoteKo: v.materialsNoteKo ?? '',
    materialsNoteEn: v.materialsNoteEn ?? '',
    materialsFeeWon: numberOrNull(v.materialsFeeWon),
    capacity: numberOrNull(v.capacity) ?? Number.NaN,
    minLearners: numberOrNull(v.minLearners) ?? 0,
    mode: mode(v.mode),
    onsiteSeats: numberOrNull(v.onsiteSeats) ?? 0,
  };
}

/** A course's settings as the form's values. */
export function courseValues(input: CourseInput): FormValues {
  return {
    ...input,
    materialsFeeWon: input.materialsFeeWon === null ? '' : String(input.materialsFeeWon),
    capacity: String(input.capacity),
    minLearners: String(input.minLearners),
    onsiteSeats: String(input.onsiteSeats),
  };
}

const INSTRUCTOR_KINDS = ['existing', 'resident', 'name', 'none'] as const;

/** What the course form sends the API: the settings, the room and who teaches. */
export function courseApiInput(values: FormValues, input: CourseInput) {
  const kind = INSTRUCTOR_KINDS.find((k) => k === values.instructorKind) ?? 'none';
  const { mode: _mode, ...settings } = input;
  return {
    ...settings,
    roomId: values.roomId ?? '',
    instructorKind: kind,
    instructorId: values.instructorId || undefined,
    instructorPhone: values.instructorPhone ?? '',
    instructorName: values.instructorName ?? '',
  };
}
