/** Shared plain types used by the server, web and kiosk apps. */

/** Lifecycle of one resident's enrolment in one class. */
export type EnrolmentStatus = 'confirmed' | 'waitlisted' | 'lottery_pending' | 'cancelled';

/** How a class hands out seats: in arrival order, or by lottery after registration closes. */
export type RegistrationMode = 'first_come' | 'lottery';

/** Where a registration or action came from. */
export type Channel = 'web' | 'kiosk' | 'staff';

/** How a resident was checked in at a meeting. */
export type CheckInMethod = 'qr' | 'keypad' | 'phone' | 'staff';

/** UI locales. */
export type Locale = 'ko' | 'en';

/** Text entered by staff in Korean, with an optional English translation. */
export type Localized = { ko: string; en: string | null };

/** Picks the text for a locale; Korean is always present, so it is the fallback for a missing or blank translation. */
export function localize(text: Localized, locale: Locale): string {
  if (locale === 'en' && text.en !== null && text.en.trim() !== '') return text.en;
  return text.ko;
}
