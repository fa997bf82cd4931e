import { auditLog } from '@seoro/db';
import type { Locale } from '@seoro/domain';
import { m } from '@seoro/i18n';
import { writeService, type ServiceContext } from '../context';
import { kstStamp, type ExportFormat, type ExportTable } from '../exports/export-table';
import { searchAuditLog, type AuditSearchInput } from './search-audit-log';

/** The most rows one export carries; a wider search is narrowed by date first. */
export const AUDIT_EXPORT_MAX_ROWS = 20_000;

export type AuditExportFilters = Omit<AuditSearchInput, 'cursor' | 'limit'>;

/**
 * The audit log under the page's filters, as the rows of a spreadsheet (newest first, residents
 * masked as on the page), and the audit row recording the export (`audit.export`, with the filters
 * and the row count), in one call.
 */
export const exportAuditLog = writeService('exportAuditLog');
export { exportAuditLogInPlace };

async function exportAuditLogInPlace(
  ctx: ServiceContext,
  input: {
    filters: AuditExportFilters;
    format: ExportFormat;
    staffId: string;
    ip?: string | null;
    locale?: Locale;
  },
): Promise<ExportTable> {
  const locale = input.locale ?? 'ko';
  const opts = { locale };
  const entries = [];
  let cursor: string | null = null;
  do {
    const page = await searchAuditLog(ctx, { ...input.filters, cursor });
    entries.push(...page.entries);
    cursor = page.nextCursor;
  } while (cursor !== null && entries.length < AUDIT_EXPORT_MAX_ROWS);
  const rows = entries
    .slice(0, AUDIT_EXPORT_MAX_ROWS)
    .map((entry) => [
      kstStamp(new Date(entry.at)),
      entry.actorType,
      entry.staff?.name ?? entry.attemptedEmail ?? null,
      entry.resident ? `${entry.resident.name} ${entry.resident.phone}` : null,
      entry.course ? entry.course[locale] : null,
      entry.action,
      entry.reference,
      entry.reason ?? entry.signInFailure,
      entry.ip,
    ]);
  const now = ctx.clock.now();
  await ctx.database.write((tx) =>
    tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'audit.export',
      ip: input.ip ?? null,
      detail: { format: input.format, rows: rows.length, filters: { ...input.filters } },
    }),
  );
  const sheetName = m.privacy_audit_export_sheet({}, opts);
  return {
    kind: 'audit-log',
    sheetName,
    fileStem: sheetName,
    columns: [
      { header: m.privacy_audit_export_col_at({}, opts), type: 'text', width: 18 },
      { header: m.privacy_audit_export_col_actor_type({}, opts), type: 'text', width: 10 },
      { header: m.privacy_audit_export_col_staff({}, opts), type: 'text', width: 16 },
      { header: m.privacy_audit_export_col_resident({}, opts), type: 'text', width: 22 },
      { header: m.privacy_audit_export_col_course({}, opts), type: 'text', width: 24 },
      { header: m.privacy_audit_export_col_action({}, opts), type: 'text', width: 24 },
      { header: m.privacy_audit_export_col_reference({}, opts), type: 'text', width: 16 },
      { header: m.privacy_audit_export_col_reason({}, opts), type: 'text', width: 30 },
      { header: m.privacy_audit_export_col_ip({}, opts), type: 'text', width: 16 },
    ],
    rows,
    phones: 'masked',
    exportedAt: now.toISOString(),
  };
}
