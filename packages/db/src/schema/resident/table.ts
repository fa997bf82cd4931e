import { sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { createdAt, id, instant } from '../_columns';

/**
 * A person. The normalised mobile number (+8210…) is the identity key. Only name and phone are
 * collected; consent is recorded with the version of the notice the resident agreed to.
 */
export const residents = sqliteTable(
  'residents',
  {
    id: id(),
    name: text('name').notNull(),
    phoneE164: text('phone_e164').notNull().unique(),
    consentedAt: instant('consented_at').notNull(),
    consentVersion: text('consent_version').notNull(),
    /** After this instant the retention job destroys the personal data. */
    retainUntil: instant('retain_until'),
    /**
     * When the name and phone number were destroyed (retention, or a deletion request). The row
     * stays, with a placeholder phone, so counts for statistics do not change.
     */
    anonymizedAt: instant('anonymized_at'),
    /** When the resident asked not to be invited to teach (the opt-out link in the invitation). */
    teachInvitesOptOutAt: instant('teach_invites_opt_out_at'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('residents_retain_idx').on(t.retainUntil)],
);

/** A resident who teaches. Name and bio shown publicly are the instructor's own choice. */
export const instructors = sqliteTable('instructors', {
  id: id(),
  residentId: text('resident_id').references(() => residents.id),
  displayName: text('display_name').notNull(),
  /** The name in Latin letters for the English pages (e.g. "Jeong Mi-gyeong"); null: not given. */
  displayNameEn: text('display_name_en'),
  bioKo: text('bio_ko'),
  bioEn: text('bio_en'),
  createdAt: createdAt(),
});
