import { aliasedTable, and, desc, eq, gte, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { auditLog, courses, enrolments, residents, staffUsers } from '@seoro/db';
import { addDays, kstInstant, maskName, maskPhone } from '@seoro/domain';
import type { ServiceContext } from '../context';
import type { LocalizedText } from '../views';

/**
 * Every action the services write to the audit log today. A new kind of audit row belongs here
 * too, so that staff can filter by it and the admin names it in words (its message map is typed
 * against this list); a row whose action is missing still shows, under its raw name.
 */
export const AUDIT_ACTIONS = [
  'staff.sign_in',
  'staff.sign_in_failed',
  'staff.locked',
  'staff.sign_out',
  'staff.account_created',
  'resident.sign_in_code_sent',
  'resident.sign_in',
  'resident.sign_in_failed',
  'resident.sign_out',
  'roster.read',
  'resident.phone_reveal',
  'enrolment.create',
  'enrolment.cancel',
  'waitlist.leave',
  'waitlist.move',
  'attendance.check_in',
  'attendance.read',
  'attendance.correct',
  'attendance.instructor_mark',
  'class_message.send',
  'attendance.print',
  'export.create',
  'course.capacity',
  'course.cancel',
  'course.below_minimum',
  'lottery.draw',
  'kiosk.create',
  'kiosk.update',
  'kiosk.pairing_code',
  'kiosk.paired',
  'kiosk.revoke',
  'kiosk.help',
  'staff.role_changed',
  'staff.disabled',
  'staff.enabled',
  'staff.unlocked',
  'staff.password_reset',
  'course.minimum_lowered',
  'term.registration_extended',
  'notice.create',
  'notice.update',
  'notice.remove',
  'resident.data_read',
  'resident.data_corrected',
  'resident.data_deleted',
  'resident.data_export',
  'data_request.created',
  'data_request.resolved',
  'audit.export',
  'settings.retention_update',
  'retention.run',
  'retention.dry_run',
  'history.import',
  'application.submit',
  'application.resubmit',
  'application.withdraw',
  'application.comment',
  'application.changes_requested',
  'application.reject',
  'application.approve',
  'wishes.hide',
  'wishes.invite',
  'teach.opt_out',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Rows per page of the audit log. */
export const AUDIT_PAGE_SIZE = 50;

export interface AuditSearchInput {
  /** Only what this staff member did. */
  staffId?: string | null;
  /** Only rows about a resident whose name contains this, or whose phone ends in these 4 digits. */
  resident?: string | null;
  action?: AuditAction | null;
  /** First KST date (YYYY-MM-DD) to include. */
  from?: string | null;
  /** Last KST date (YYYY-MM-DD) to include. */
  to?: string | null;
  /** Where the previous page stopped (`nextCursor`); the newest rows without it. */
  cursor?: string | null;
  /** Rows per page; `AUDIT_PAGE_SIZE` unless a test asks for fewer. */
  limit?: number;
}

/** One audit row as the admin shows it: personal data already masked. */
export interface AuditEntry {
  id: number;
  /** ISO instant. */
  at: string;
  actorType: 'resident' | 'staff' | 'kiosk' | 'system';
  /** The staff member who acted, when a staff account did. */
  staff: { id: string; name: string; role: 'admin' | 'staff' | 'viewer' } | null;
  /** For a sign-in attempt with an email no account has: the email as typed. */
  attemptedEmail: string | null;
  ip: string | null;
  /** Whose data: the resident, masked (김*수, 010-****-5678); null once the resident is gone. */
  resident: { name: string; phone: string } | null;
  /** True when the row names a resident whose record no longer exists (retention). */
  residentRemoved: boolean;
  course: LocalizedText | null;
  action: string;
  /** The reason staff gave, when the action takes one. */
  reason: string | null;
  /** The data request (DR-…) the step was taken under, for residents' data rights. */
  reference: string | null;
  /** Why a staff sign-in failed: `wrong_password`, `unknown_email` or `disabled`. */
  signInFailure: string | null;
}

export interface AuditSearchResult {
  entries: AuditEntry[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
  /** Everyone who has a staff account, for the "who" filter. */
  staffMembers: { id: string; name: string; role: 'admin' | 'staff' | 'viewer' }[];
}

/** A page boundary: the instant and id of the last row shown, as `<epoch ms>.<id>`. */
function parseCursor(cursor: string): { at: number; id: number } | null {
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(cursor);
  if (!match) return null;
  return { at: Number(match[1]), id: Number(match[2]) };
}

const stringOr = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

/**
 * Searches the append-only audit log, newest first, for the admin's 감사 기록. Reads only; the
 * caller is an administrator (the procedure tier checks). Keyset paging on (instant, id), so rows
 * written while someone pages never shift a page into duplicates or gaps. Names and phone numbers
 * leave here masked.
 */
export async function searchAuditLog(
  ctx: ServiceContext,
  input: AuditSearchInput,
): Promise<AuditSearchResult> {
  const db = ctx.database.db;
  const limit = Math.max(1, Math.min(input.limit ?? AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE));
  const conditions: (SQL | undefined)[] = [];

  if (input.staffId) {
    conditions.push(and(eq(auditLog.actorType, 'staff'), eq(auditLog.actorId, input.staffId)));
  }
  if (input.action) conditions.push(eq(auditLog.action, input.action));
  if (input.from) conditions.push(gte(auditLog.at, kstInstant(input.from, '00:00')));
  if (input.to) conditions.push(lt(auditLog.at, kstInstant(addDays(input.to, 1), '00:00')));

  const resident = input.resident?.trim();
  if (resident) {
    const digits = resident.replace(/\D/g, '');
    const matches = /^\d{4}$/.test(resident.replace(/[\s-]/g, ''))
      ? like(residents.phoneE164, `%${digits}`)
      : sql`instr(${residents.name}, ${resident}) > 0`;
    conditions.push(
      sql`${auditLog.residentId} in (select ${residents.id} from ${residents} where ${matches})`,
    );
  }

  const cursor = input.cursor ? parseCursor(input.cursor) : null;
  if (cursor) {
    const at = new Date(cursor.at);
    conditions.push(or(lt(auditLog.at, at), and(eq(auditLog.at, at), lt(auditLog.id, cursor.id))));
  }

  const enrolmentCourse = aliasedTable(courses, 'enrolment_course');
  const rows = await db
    .select({
      audit: auditLog,
      staffName: staffUsers.name,
      staffRole: staffUsers.role,
      residentName: residents.name,
      residentPhone: residents.phoneE164,
      residentAnonymizedAt: residents.anonymizedAt,
      courseKo: sql<string | null>`coalesce(${courses.titleKo}, ${enrolmentCourse.titleKo})`,
      courseEn: sql<string | null>`coalesce(${courses.titleEn}, ${enrolmentCourse.titleEn})`,
    })
    .from(auditLog)
    .leftJoin(staffUsers, and(eq(auditLog.actorType, 'staff'), eq(staffUsers.id, auditLog.actorId)))
    .leftJoin(residents, eq(residents.id, auditLog.residentId))
    .leftJoin(courses, and(eq(auditLog.subjectType, 'course'), eq(courses.id, auditLog.subjectId)))
    .leftJoin(
      enrolments,
      and(eq(auditLog.subjectType, 'enrolment'), eq(enrolments.id, auditLog.subjectId)),
    )
    .leftJoin(enrolmentCourse, eq(enrolmentCourse.id, enrolments.courseId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit + 1);

  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const staffMembers = await db
    .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role })
    .from(staffUsers)
    .orderBy(staffUsers.name, staffUsers.id);

  return {
    entries: page.map((row): AuditEntry => {
      const { audit } = row;
      const detail = audit.detail ?? {};
      const staffAccount =
        audit.actorId && row.staffName && row.staffRole
          ? { id: audit.actorId, name: row.staffName, role: row.staffRole }
          : null;
      const failure = audit.action === 'staff.sign_in_failed' ? stringOr(detail.reason) : null;
      return {
        id: audit.id,
        at: audit.at.toISOString(),
        actorType: audit.actorType,
        staff: staffAccount,
        attemptedEmail:
          audit.actorType === 'staff' && !staffAccount ? stringOr(detail.email) : null,
        ip: audit.ip,
        resident:
          row.residentName !== null && row.residentPhone !== null && !row.residentAnonymizedAt
            ? { name: maskName(row.residentName), phone: maskPhone(row.residentPhone) }
            : null,
        // Gone (retention) or anonymised (retention, a deletion request): no name to show.
        residentRemoved:
          audit.residentId !== null && (row.residentName === null || !!row.residentAnonymizedAt),
        course:
          row.courseKo !== null && row.courseEn !== null
            ? { ko: row.courseKo, en: row.courseEn }
            : null,
        action: audit.action,
        // A failed sign-in's `reason` is a code, not words someone typed: it has its own field.
        reason: failure === null ? stringOr(detail.reason) : null,
        reference: stringOr(detail.reference),
        signInFailure: failure,
      };
    }),
    nextCursor: rows.length > limit && last ? `${last.audit.at.getTime()}.${last.audit.id}` : null,
    staffMembers,
  };
}
