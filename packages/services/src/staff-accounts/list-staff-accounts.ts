import { asc, eq, sql } from 'drizzle-orm';
import { staffSignInFailures, staffUsers } from '@seoro/db';
import type { ServiceContext } from '../context';
import type { StaffRole } from '../staff-auth/create-staff-account';

/** One staff account as the admin lists it; never its password hash. */
export interface StaffAccountSummary {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  /** ISO instants, or null. */
  lastSignInAt: string | null;
  /** Until when wrong passwords keep the account locked; null when it is not locked now. */
  lockedUntil: string | null;
  disabledAt: string | null;
  createdAt: string;
  /** Sessions still open. */
  activeSessions: number;
}

/**
 * Every staff account, administrators first, then by name: role, last sign-in (from the audit
 * log), lock and disabled state. For administrators; the email addresses are staff's own work
 * data, so reading the list is not audited as a personal-data read.
 */
export async function listStaffAccounts(ctx: ServiceContext): Promise<StaffAccountSummary[]> {
  const now = ctx.clock.now();
  const rows = await ctx.database.db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      lockedUntil: staffSignInFailures.lockedUntil,
      disabledAt: staffUsers.disabledAt,
      createdAt: staffUsers.createdAt,
      // Written out in full: a bare "id" inside the subquery would be the audit row's.
      lastSignInAt: sql<number | null>`(select max(a.at) from audit_log a
        where a.action = 'staff.sign_in' and a.actor_id = staff_users.id)`,
      activeSessions: sql<number>`(select count(*) from staff_sessions s
        where s.staff_user_id = staff_users.id and s.expires_at > ${now.getTime()})`,
    })
    .from(staffUsers)
    .leftJoin(staffSignInFailures, eq(staffSignInFailures.email, staffUsers.email))
    .orderBy(
      sql`case ${staffUsers.role} when 'admin' then 0 when 'staff' then 1 else 2 end`,
      asc(staffUsers.name),
    );
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    lastSignInAt: r.lastSignInAt === null ? null : new Date(Number(r.lastSignInAt)).toISOString(),
    lockedUntil: r.lockedUntil && r.lockedUntil > now ? r.lockedUntil.toISOString() : null,
    disabledAt: r.disabledAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    activeSessions: Number(r.activeSessions),
  }));
}

/** The account, or undefined; for services that check before they write. */
export async function findStaffAccount(ctx: ServiceContext, staffId: string) {
  const [row] = await ctx.database.db
    .select({ id: staffUsers.id, email: staffUsers.email, name: staffUsers.name })
    .from(staffUsers)
    .where(eq(staffUsers.id, staffId))
    .limit(1);
  return row;
}
