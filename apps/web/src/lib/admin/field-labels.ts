import { m } from '@seoro/i18n';
import type { Locale } from '@seoro/domain';
import { COURSE_FIELDS, TERM_FIELDS } from './programme-form';

type Opts = { locale: Locale };

/** The term form's inputs with their labels, in order, for the error summary. */
export function termFieldLabels(opts: Opts): { name: string; label: string }[] {
  const labels: Record<(typeof TERM_FIELDS)[number], string> = {
    nameKo: m.admin_term_name_ko({}, opts),
    nameEn: m.admin_term_name_en({}, opts),
    slug: m.admin_term_slug({}, opts),
    startsOn: m.admin_term_starts_on({}, opts),
    endsOn: m.admin_term_ends_on({}, opts),
    registrationOpensAt: m.admin_term_registration_opens({}, opts),
    registrationClosesAt: m.admin_term_registration_closes({}, opts),
    onsiteOpensAt: m.admin_term_onsite_opens({}, opts),
    onsiteClosesAt: m.admin_term_onsite_closes({}, opts),
    perResidentLimit: m.admin_term_limit({}, opts),
    noShowBarPercent: m.admin_term_no_show({}, opts),
    completionPercent: m.admin_term_completion({}, opts),
    defaultMode: m.admin_term_default_mode({}, opts),
  };
  return TERM_FIELDS.map((name) => ({ name, label: labels[name] }));
}

/** The course form's inputs with their labels, in order, for the error summary. */
export function courseFieldLabels(opts: Opts): { name: string; label: string }[] {
  const labels: Record<(typeof COURSE_FIELDS)[number], string> = {
    titleKo: m.admin_course_title_ko({}, opts),
    titleEn: m.admin_course_title_en({}, opts),
    summaryKo: m.admin_course_summary_ko({}, opts),
    summaryEn: m.admin_course_summary_en({}, opts),
    descriptionKo: m.admin_course_description_ko({}, opts),
    descriptionEn: m.admin_course_description_en({}, opts),
    instructorKind: m.admin_course_group_instructor({}, opts),
    instructorId: m.admin_course_instructor_choose({}, opts),
    instructorPhone: m.admin_course_instructor_phone({}, opts),
    instructorName: m.admin_course_instructor_name({}, opts),
    roomId: m.admin_course_room({}, opts),
    capacity: m.admin_course_capacity({}, opts),
    minLearners: m.admin_course_min_learners({}, opts),
    mode: m.admin_course_mode({}, opts),
    onsiteSeats: m.admin_course_onsite_seats({}, opts),
    materialsNoteKo: m.admin_course_materials_ko({}, opts),
    materialsNoteEn: m.admin_course_materials_en({}, opts),
    materialsFeeWon: m.admin_course_fee({}, opts),
  };
  return COURSE_FIELDS.map((name) => ({ name, label: labels[name] }));
}
