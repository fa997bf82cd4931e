import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { courses, instructorApplications, residents, staffUsers, terms } from '@seoro/db';
import {
  APPLICATION_STATUSES,
  kstDateOf,
  maskName,
  maskPhone,
  type ApplicationStatus,
} from '@seoro/domain';
import type { ServiceContext } from '../context';
import { loadApplication, loadMessages, type ApplicationRow } from './shared';

/** The proposal as both sides show it. */
export interface ApplicationProposalView {
  id: string;
  status: ApplicationStatus;
  locale: 'ko' | 'en';
  applicantName: string;
  title: string;
  description: string;
  teaches: string;
  experience: string;
  meetingCount: number;
  preferredWeekday: number | null;
  preferredStartTime: string | null;
  durationMinutes: number;
  materialsFeeWon: number;
  capacity: number;
  yongsanConfirmed: boolean;
  exclusionsAccepted: boolean;
  submittedAt: string;
  updatedAt: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  course: { id: string; termId: string; titleKo: string } | null;
}

/** One entry of the conversation. */
export interface ApplicationMessageView {
  id: string;
  authorType: 'staff' | 'applicant';
  /** The staff member's name, on the staff side only. */
  staffName: string | null;
  kind: 'comment' | 'changes_requested' | 'resubmitted' | 'accepted' | 'rejected' | 'withdrawn';
  body: string;
  toApplicant: boolean;
  createdAt: string;
}

async function courseOf(ctx: ServiceContext, row: ApplicationRow) {
  if (!row.courseId) return null;
  const [course] = await ctx.database.db
    .select({ id: courses.id, termId: courses.termId, titleKo: courses.titleKo })
    .from(courses)
    .where(eq(courses.id, row.courseId))
    .limit(1);
  return course ?? null;
}

function proposalView(
  row: ApplicationRow,
  course: ApplicationProposalView['course'],
): ApplicationProposalView {
  return {
    id: row.id,
    status: row.status,
    locale: row.locale,
    applicantName: row.applicantName,
    title: row.title,
    description: row.description,
    teaches: row.teaches,
    experience: row.experience,
    meetingCount: row.meetingCount,
    preferredWeekday: row.preferredWeekday,
    preferredStartTime: row.preferredStartTime,
    durationMinutes: row.durationMinutes,
    materialsFeeWon: row.materialsFeeWon,
    capacity: row.capacity,
    yongsanConfirmed: row.yongsanConfirmed,
    exclusionsAccepted: row.exclusionsAcceptedAt !== null,
    submittedAt: row.submittedAt.toISOString(),
    updatedAt: row.updatedAt?.toISOString() ?? null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewNote: row.status === 'rejected' ? row.reviewNote : null,
    course,
  };
}

async function messageViews(
  ctx: ServiceContext,
  applicationId: string,
  applicantOnly: boolean,
): Promise<ApplicationMessageView[]> {
  const rows = await loadMessages(ctx.database.db, applicationId, applicantOnly);
  const staffIds = [...new Set(rows.flatMap((r) => (r.staffId ? [r.staffId] : [])))];
  const names = new Map<string, string>();
  if (!applicantOnly && staffIds.length > 0) {
    const staff = await ctx.database.db
      .select({ id: staffUsers.id, name: staffUsers.name })
      .from(staffUsers)
      .where(inArray(staffUsers.id, staffIds));
    for (const s of staff) names.set(s.id, s.name);
  }
  return rows.map((r) => ({
    id: r.id,
    authorType: r.authorType,
    staffName: r.staffId ? (names.get(r.staffId) ?? null) : null,
    kind: r.kind,
    body: r.body,
    toApplicant: r.toApplicant,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** A resident's own applications, newest first, each with what staff said to them. */
export async function listMyApplications(
  ctx: ServiceContext,
  residentId: string,
): Promise<Array<{ application: ApplicationProposalView; messages: ApplicationMessageView[] }>> {
  const rows = await ctx.database.db
    .select()
    .from(instructorApplications)
    .where(eq(instructorApplications.residentId, residentId))
    .orderBy(desc(instructorApplications.submittedAt));
  const out = [];
  for (const row of rows) {
    out.push({
      application: proposalView(row, await courseOf(ctx, row)),
      messages: await messageViews(ctx, row.id, true),
    });
  }
  return out;
}

/** One of the resident's own applications (another's is `application_not_found`). */
export async function getMyApplication(
  ctx: ServiceContext,
  input: { residentId: string; applicationId: string },
): Promise<ApplicationProposalView> {
  const row = await loadApplication(ctx.database.db, input.applicationId, input.residentId);
  return proposalView(row, await courseOf(ctx, row));
}

/** A row of the staff list. */
export interface ApplicationListItem {
  id: string;
  status: ApplicationStatus;
  title: string;
  applicantName: string;
  maskedPhone: string;
  meetingCount: number;
  submittedAt: string;
  updatedAt: string | null;
}

/**
 * The staff list: applications with the given status (all when null), newest first, and how many
 * there are in each status. Names and numbers masked.
 */
export async function listApplications(
  ctx: ServiceContext,
  input: { status: ApplicationStatus | null },
): Promise<{ items: ApplicationListItem[]; counts: Record<ApplicationStatus, number> }> {
  const db = ctx.database.db;
  const rows = await db
    .select({ app: instructorApplications, phone: residents.phoneE164 })
    .from(instructorApplications)
    .innerJoin(residents, eq(residents.id, instructorApplications.residentId))
    .where(input.status ? eq(instructorApplications.status, input.status) : undefined)
    .orderBy(desc(instructorApplications.submittedAt), desc(instructorApplications.id));
  const grouped = await db
    .select({ status: instructorApplications.status, n: count() })
    .from(instructorApplications)
    .groupBy(instructorApplications.status);
  const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<
    ApplicationStatus,
    number
  >;
  for (const g of grouped) counts[g.status] = Number(g.n);
  return {
    items: rows.map(({ app, phone }) => ({
      id: app.id,
      status: app.status,
      title: app.title,
      applicantName: maskName(app.applicantName),
      maskedPhone: maskPhone(phone),
      meetingCount: app.meetingCount,
      submittedAt: app.submittedAt.toISOString(),
      updatedAt: app.updatedAt?.toISOString() ?? null,
    })),
    counts,
  };
}

/** The staff detail: the whole proposal, the applicant (masked), the whole conversation. */
export async function getApplication(
  ctx: ServiceContext,
  input: { applicationId: string },
): Promise<{
  application: ApplicationProposalView;
  applicant: { maskedName: string; maskedPhone: string; residentName: string };
  messages: ApplicationMessageView[];
  /** Terms an approval may place the course in: draft or published, not ended. */
  terms: Array<{ id: string; nameKo: string; nameEn: string; startsOn: string; endsOn: string }>;
}> {
  const db = ctx.database.db;
  const row = await loadApplication(db, input.applicationId);
  const [resident] = await db
    .select({ name: residents.name, phone: residents.phoneE164 })
    .from(residents)
    .where(eq(residents.id, row.residentId))
    .limit(1);
  const today = kstDateOf(ctx.clock.now());
  const open = await db
    .select({
      id: terms.id,
      nameKo: terms.nameKo,
      nameEn: terms.nameEn,
      startsOn: terms.startsOn,
      endsOn: terms.endsOn,
      status: terms.status,
    })
    .from(terms)
    .where(and(inArray(terms.status, ['draft', 'published'])));
  return {
    // The name given with the proposal is the applicant's: masked here like everywhere staff look
    // without a recorded reason (the phone can be revealed, audited).
    application: {
      ...proposalView(row, await courseOf(ctx, row)),
      applicantName: maskName(row.applicantName),
    },
    applicant: {
      maskedName: maskName(row.applicantName),
      maskedPhone: resident ? maskPhone(resident.phone) : '',
      residentName: resident ? maskName(resident.name) : '',
    },
    messages: await messageViews(ctx, row.id, false),
    terms: open
      .filter((t) => t.endsOn >= today)
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
      .map(({ status: _status, ...t }) => t),
  };
}
