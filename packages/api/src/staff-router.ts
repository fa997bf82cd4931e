import { z } from 'zod';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { cancelCourse, signInStaff, signOutStaff } from '@seoro/services';
import {
  enforceRateLimit,
  publicProcedure,
  router,
  staffEditorProcedure,
  staffProcedure,
} from '@seoro/trpc';
import { staffAttendanceRouter, staffExportsRouter } from './staff-attendance-router';
import { staffApplicationsRouter } from './staff-applications-router';
import { staffAuditRouter } from './staff-audit-router';
import { staffMeetingsRouter, staffRoomsRouter } from './staff-meetings-router';
import { staffCourseEditorRouter } from './staff-course-editor-router';
import { staffAccountsRouter } from './staff-accounts-router';
import { staffDashboardRouter } from './staff-dashboard-router';
import { staffKiosksRouter } from './staff-kiosks-router';
import { staffNoticesRouter } from './staff-notices-router';
import { staffPrivacyRouter } from './staff-privacy-router';
import { staffRetentionRouter } from './staff-retention-router';
import { staffHistoryRouter } from './staff-history-router';
import { staffWishesRouter } from './wishes-router';
import { staffRostersRouter } from './staff-rosters-router';
import { staffStatsRouter } from './staff-stats-router';
import { staffTermsRouter } from './staff-terms-router';

/** Failed sign-ins one address may make in 15 minutes, over every account. */
export const STAFF_SIGN_INS_PER_IP = 30;

/**
 * Staff sign-in and sign-out. The session travels in an HttpOnly cookie (`__Host-seoro_staff`
 * over HTTPS) that the host sets through `ctx.staffSession`; page scripts never see the token.
 */
const authRouter = {
  /**
   * Checks email and password and starts a new session (any session the browser held is ended).
   * Refusals: `staff_sign_in_failed` (401) whether the email is unknown or the password wrong,
   * `staff_locked` (429) for 15 minutes after 5 failures in a row.
   */
  signIn: publicProcedure
    .input(
      z.object({
        email: z.string().trim().toLowerCase().max(254),
        password: z.string().max(200),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      enforceRateLimit(
        ctx.rateLimiter,
        'staff-sign-in-ip',
        ctx.ip,
        STAFF_SIGN_INS_PER_IP,
        15 * 60_000,
      );
      const session = ctx.staffSession;
      if (!session) {
        throw new TRPCError({
          code: 'INTERNAL_SERVER_ERROR',
          message: 'This caller cannot carry a staff session',
        });
      }
      const signIn = await signInStaff(ctx.services, {
        email: input.email,
        password: input.password,
        ip: ctx.ip,
        previousSessionId: session.id,
      });
      // Only failures count against the address: a district office behind one address signs
      // in many colleagues each morning.
      ctx.rateLimiter.forgive('staff-sign-in-ip', ctx.ip ?? 'unknown');
      session.start({ token: signIn.token, expiresAt: signIn.expiresAt });
      return { staff: signIn.staff };
    }),
  /** Ends the session (its row is deleted) and clears the cookie; harmless when signed out. */
  signOut: publicProcedure.mutation(async ({ ctx }) => {
    const sessionId = ctx.staffSession?.id;
    if (ctx.staff && sessionId) {
      await signOutStaff(ctx.services, { sessionId, staffId: ctx.staff.id, ip: ctx.ip });
    }
    ctx.staffSession?.end();
    return { ok: true as const };
  }),
  /** The signed-in staff member. */
  me: staffProcedure.query(({ ctx }) => ({
    id: ctx.staff.id,
    email: ctx.staff.email,
    name: ctx.staff.name,
    role: ctx.staff.role,
  })),
} satisfies TRPCRouterRecord;

const coursesRouter = {
  /**
   * Cancels a course (폐강): its live enrolments are cancelled and every learner is told. Staff or
   * admin only; the reason is kept in the audit log.
   */
  cancel: staffEditorProcedure
    .input(
      z.object({
        courseId: z.string().min(1).max(64),
        reason: z.string().max(500),
        /** Language of the messages to learners; Korean, the program's language, by default. */
        locale: z.enum(['ko', 'en']).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      cancelCourse(ctx.services, {
        courseId: input.courseId,
        staffId: ctx.staff.id,
        reason: input.reason,
        locale: input.locale,
      }),
    ),
} satisfies TRPCRouterRecord;

/** What district staff do in the admin. */
export const staffRouter = router({
  auth: router(authRouter),
  courses: router(coursesRouter),
  audit: router(staffAuditRouter),
  rosters: router(staffRostersRouter),
  meetings: router(staffMeetingsRouter),
  rooms: router(staffRoomsRouter),
  terms: router(staffTermsRouter),
  courseEditor: router(staffCourseEditorRouter),
  attendance: router(staffAttendanceRouter),
  exports: router(staffExportsRouter),
  kiosks: router(staffKiosksRouter),
  notices: router(staffNoticesRouter),
  history: router(staffHistoryRouter),
  wishes: router(staffWishesRouter),
  accounts: router(staffAccountsRouter),
  dashboard: router(staffDashboardRouter),
  privacy: router(staffPrivacyRouter),
  retention: router(staffRetentionRouter),
  stats: router(staffStatsRouter),
  applications: router(staffApplicationsRouter),
});
