import { auditLog, historyCourses, historyImports, newId } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { parseHistoryFile } from './parse-history-file';
import {
  existingHistory,
  historyFileBytes,
  sha256Hex,
  summarize,
  thisKstYear,
  type HistoryFileInput,
} from './preview-history';
import { validateHistoryRows } from './validate-history';

export interface ImportHistoryInput extends HistoryFileInput {
  /** The sha256 the preview showed: the import refuses other bytes. */
  sha256: string;
  /** Null for the demo seed. */
  staffId: string | null;
  ip?: string | null;
  /** The shipped sample file (illustrative figures); also set when the file's name says so. */
  sample?: boolean;
}

export interface ImportHistoryResult {
  /** Null when nothing was new, so nothing was written. */
  importId: string | null;
  fileName: string;
  added: number;
  unchanged: number;
}

/** A file whose name marks it as the sample, in either language. */
export function isSampleFileName(fileName: string): boolean {
  return /sample|견본/iu.test(fileName);
}

/**
 * Imports a previewed file of past courses in one transaction: it re-reads and re-checks the
 * bytes (never rows parsed elsewhere), adds the new courses, leaves those already imported with
 * the same figures, and records the import and an audit row (`history.import`). A file with
 * nothing new writes nothing (re-importing changes nothing). Refusals, nothing written:
 * `history_file_changed` (not the previewed bytes), `history_has_problems` (any row with a
 * problem, conflicts included), and the preview's own.
 */
export const importHistory = writeService('importHistory');
export { importHistoryInPlace };

async function importHistoryInPlace(
  ctx: ServiceContext,
  input: ImportHistoryInput,
): Promise<ImportHistoryResult> {
  const bytes = historyFileBytes(input.fileBase64);
  const sha256 = sha256Hex(bytes);
  if (sha256 !== input.sha256.trim().toLowerCase()) throw new DomainError('history_file_changed');
  const parsed = await parseHistoryFile(bytes);
  const thisYear = thisKstYear(ctx);
  const fileName = input.fileName.trim().slice(0, 200) || 'history';
  return ctx.database.write(async (tx) => {
    const existing = await existingHistory(tx);
    const preview = summarize(
      fileName,
      sha256,
      parsed,
      validateHistoryRows(parsed.rows, { thisYear, existing }),
    );
    if (preview.counts.problems > 0) {
      throw new DomainError('history_has_problems', { count: preview.counts.problems });
    }
    const added = preview.rows.filter((row) => row.status === 'new');
    const result = { fileName, added: added.length, unchanged: preview.counts.unchanged };
    if (added.length === 0) return { importId: null, ...result };

    const now = ctx.clock.now();
    const importId = newId();
    const sample = input.sample === true || isSampleFileName(fileName);
    await tx.insert(historyImports).values({
      id: importId,
      fileName,
      fileSha256: sha256,
      importedAt: now,
      staffId: input.staffId,
      rowsAdded: added.length,
      rowsUnchanged: preview.counts.unchanged,
      sample,
    });
    const values = added.flatMap((row) =>
      row.course ? [{ id: newId(), ...row.course, importId, createdAt: now }] : [],
    );
    for (let i = 0; i < values.length; i += 200) {
      await tx.insert(historyCourses).values(values.slice(i, i + 200));
    }
    await tx.insert(auditLog).values({
      at: now,
      actorType: input.staffId ? 'staff' : 'system',
      actorId: input.staffId,
      action: 'history.import',
      subjectType: 'history_import',
      subjectId: importId,
      ip: input.ip ?? null,
      detail: { fileName, sha256, added: added.length, unchanged: result.unchanged, sample },
    });
    return { importId, ...result };
  });
}
