import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { createClient } from '@libsql/client';
import { expect, type Page } from '@playwright/test';
import { DEMO_STAFF_EMAIL, DEMO_STAFF_PASSWORD, DEMO_STAFF_PASSWORD_HASH } from '@seoro/db/seed';

/** Rows the server fixture made for this run (written by e2e/serve.ts). */
export function fixtures(): {
  url: string;
  smallCourseId: string;
  roomyCourseId: string;
  lotteryCourseId: string;
  /** A course of the open term that was cancelled (폐강). */
  cancelledCourseId: string;
  /** JSON lines the server's notification transport wrote (texts, sign-in codes). */
  notificationsFile: string;
  /** The resident of "my registrations": their phone and the courses they registered for. */
  my: { phone: string; calligraphyCourseId: string; dialogueCourseId: string };
  /** The resident of "my registrations" at the kiosk: a seat and a place on a waitlist. */
  kioskMy: { phone: string; waitlistCourseId: string; seatCourseId: string };
  /** The kiosk by the test room, paired, with every kiosk plugin enabled. */
  kiosk: { kioskId: string; token: string };
  /**
   * A class under way in the kiosk's room: 김서로 (010-7770-5678) and 이웃집 (010-7771-5678)
   * confirmed, 박기다 (010-7772-0021) on its waitlist.
   */
  phoneCourseId: string;
  /** A confirmed place on a class under way today, for the offline check-in test only. */
  offline: { code: string; enrolmentId: string };
  /**
   * The resident of the after-registering pages (윤다음, typed as digits only): codes of a place
   * before its first class, of a waitlist place (number 1) and of a place to cancel from its
   * confirmation page; and the courses of the places cancelled in the tests.
   */
  after: {
    phone: string;
    woodworkCode: string;
    yogaCode: string;
    bakingCode: string;
    knittingCourseId: string;
    bakingCourseId: string;
    /** A course whose instructor is 정미경, 'Jeong Mi-gyeong' in English, with six classes. */
    romanisedCourseId: string;
  };
  /** The closed 2024 term whose statistics admin-stats.spec.ts counts by hand. */
  statsTermId: string;
  /**
   * Codes the kiosk refuses with a reason: a cancelled registration; one whose course meets in two
   * days (14:00–16:00, Room 1) but not today; one whose course ended (dates as YYYY-MM-DD).
   */
  /** The resident who applies to teach, and a draft term next year to approve the course into. */
  teach: { phone: string; termId: string };
  kioskRefusals: {
    cancelledCode: string;
    nextClassCode: string;
    nextClassDate: string;
    endedCode: string;
    endedDate: string;
  };
  /** A resident (오래전) whose only term ended in 2024: due for destruction, with an old text. */
  retention: { name: string; phone: string; courseId: string };
  /**
   * A finished course in a draft term: 김수료 (learnerPhone) attended 4 of its 5 meetings (80%,
   * a certificate); 이강사 (teacherPhone) is its instructor.
   */
  certificates: {
    learnerPhone: string;
    teacherPhone: string;
    enrolmentId: string;
    courseTitle: string;
  };
  /** Wishes: a past learner (강가르) who attended every class of a finished course. */
  wishes: { teacherPhone: string };
} {
  return JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'e2e-output', 'db', 'fixtures.json'), 'utf8'),
  );
}

/** Reads the test database directly (a second connection; WAL lets it read beside the server). */
export async function queryDb<T = Record<string, unknown>>(
  sql: string,
  args: unknown[] = [],
): Promise<T[]> {
  const client = createClient({ url: fixtures().url });
  try {
    const result = await client.execute({ sql, args: args as never });
    return result.rows.map((row) => ({ ...row }) as T);
  } finally {
    client.close();
  }
}

/** axe-core with the WCAG 2.0–2.2 A and AA rules: no violations allowed. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Saves a full-page screenshot under test-results/screens for people to look at. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({
    path: join(import.meta.dirname, '..', 'e2e-output', 'screens', `${name}.png`),
    fullPage: true,
  });
}

/** Collects Content-Security-Policy violations a page reports in its console. */
export function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

export const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** Adds a staff account with the demo password, unless one has that email; tests start with none. */
export async function addStaffAccount(
  email: string,
  name: string,
  role: 'admin' | 'staff' | 'viewer',
): Promise<void> {
  await queryDb(
    `insert or ignore into staff_users (id, email, name, password_hash, role, created_at)
     values (?, ?, ?, ?, ?, ?)`,
    [randomUUID(), email, name, DEMO_STAFF_PASSWORD_HASH, role, Date.now()],
  );
}

/** Types into the staff sign-in form and presses the button, waiting for the server's answer. */
export async function fillStaffSignIn(
  page: Page,
  email: string,
  password: string,
  english = false,
): Promise<void> {
  await page.getByLabel(english ? 'Email' : '이메일', { exact: true }).fill(email);
  await page.getByLabel(english ? 'Password' : '비밀번호', { exact: true }).fill(password);
  // Waits for the answer: a second press while the first is under way is dropped by the form.
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: english ? 'Sign in' : '로그인', exact: true }).click(),
  ]);
}

/** Signs in with the demo password (the demo account unless told) and lands on the dashboard. */
export async function signInAsStaff(page: Page, email = DEMO_STAFF_EMAIL): Promise<void> {
  await page.goto('/admin/sign-in');
  await fillStaffSignIn(page, email, DEMO_STAFF_PASSWORD);
  // Argon2 takes its time on a busy machine.
  await expect(page).toHaveURL(/\/admin$/, { timeout: 15_000 });
}

/** Where the kiosk keeps its device token (the kiosk app's own key). */
export const KIOSK_TOKEN_KEY = 'seoro.kiosk.token';

/**
 * Opens the kiosk as the paired test kiosk: the token goes into the browser's storage as pairing
 * would put it there, then the kiosk loads. Pass another token (or null for none) to be another
 * device.
 */
export async function openPairedKiosk(
  page: Page,
  token: string | null = fixtures().kiosk.token,
): Promise<void> {
  await page.goto('/kiosk/');
  await page.evaluate(
    ([key, value]) => {
      if (value === null) localStorage.removeItem(key!);
      else localStorage.setItem(key!, value);
    },
    [KIOSK_TOKEN_KEY, token] as const,
  );
  await page.reload();
}
