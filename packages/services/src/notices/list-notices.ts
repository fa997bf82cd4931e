import { and, desc, gte, isNull } from 'drizzle-orm';
import { notices } from '@seoro/db';
import { isNoticeShowing, kstDateOf, NOTICES_SHOWN_AT_ONCE, noticeState } from '@seoro/domain';
import type { NoticeState } from '@seoro/domain';
import type { ServiceContext } from '../context';
import type { LocalizedText } from '../views';

/** One notice as the admin lists it. */
export interface NoticeSummary {
  id: string;
  body: LocalizedText;
  showFrom: string;
  showUntil: string;
  /** On `today` (KST): not yet shown, on the kiosks, or over. */
  state: NoticeState;
  /** ISO instants. */
  createdAt: string;
  updatedAt: string;
}

/** A notice as the kiosk shows it. */
export interface CurrentNotice {
  id: string;
  body: LocalizedText;
  showFrom: string;
  showUntil: string;
}

/**
 * Every notice that has not been removed, the latest days first, with its state on today's KST
 * date (also returned, so the page and the service agree on "today"). Notices hold no personal
 * data, so reading them is not audited.
 */
export async function listNotices(
  ctx: ServiceContext,
): Promise<{ today: string; notices: NoticeSummary[] }> {
  const today = kstDateOf(ctx.clock.now());
  const rows = await ctx.database.db
    .select()
    .from(notices)
    .where(isNull(notices.removedAt))
    .orderBy(desc(notices.showUntil), desc(notices.showFrom), desc(notices.createdAt));
  return {
    today,
    notices: rows.map((row) => ({
      id: row.id,
      body: { ko: row.bodyKo, en: row.bodyEn },
      showFrom: row.showFrom,
      showUntil: row.showUntil,
      state: noticeState(row, today),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    })),
  };
}

/**
 * The notices the kiosks show today (KST): those not removed whose days include today, newest
 * first, at most NOTICES_SHOWN_AT_ONCE.
 */
export async function currentNotices(
  ctx: ServiceContext,
): Promise<{ today: string; notices: CurrentNotice[] }> {
  const today = kstDateOf(ctx.clock.now());
  // The index on (show_until, show_from) narrows to notices not yet over; the rule decides.
  const rows = await ctx.database.db
    .select()
    .from(notices)
    .where(and(isNull(notices.removedAt), gte(notices.showUntil, today)))
    .orderBy(desc(notices.createdAt), desc(notices.id));
  return {
    today,
    notices: rows
      .filter((row) => isNoticeShowing(row, today))
      .slice(0, NOTICES_SHOWN_AT_ONCE)
      .map((row) => ({
        id: row.id,
        body: { ko: row.bodyKo, en: row.bodyEn },
        showFrom: row.showFrom,
        showUntil: row.showUntil,
      })),
  };
}
