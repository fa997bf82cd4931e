import { createHash } from 'node:crypto';
import { historyCourses } from '@seoro/db';
import { DomainError, kstDateOf } from '@seoro/domain';
import type { ServiceContext } from '../context';
import { HISTORY_FILE_MAX_BYTES, parseHistoryFile } from './parse-history-file';
import {
  historyKey,
  problemsFirst,
  validateHistoryRows,
  type HistoryFigures,
  type HistoryPreviewRow,
} from './validate-history';

/** A file as the admin sends it: its name and its bytes in base64. */
export interface HistoryFileInput {
  fileName: string;
  fileBase64: string;
}

export interface HistoryPreview {
  fileName: string;
  /** sha256 (hex) of the file's bytes: the import must be of these exact bytes. */
  sha256: string;
  format: 'csv' | 'xlsx';
  ignoredColumns: string[];
  counts: { total: number; new: number; unchanged: number; problems: number };
  /** Every row, those with problems first. */
  rows: HistoryPreviewRow[];
}

/** The file's bytes, refused when empty or over HISTORY_FILE_MAX_BYTES. */
export function historyFileBytes(fileBase64: string): Uint8Array {
  // Base64 carries 3 bytes per 4 characters: refuse before decoding a huge string.
  if (fileBase64.length > Math.ceil(HISTORY_FILE_MAX_BYTES / 3) * 4 + 4) {
    throw new DomainError('history_file_too_large', { max: HISTORY_FILE_MAX_BYTES / 1024 / 1024 });
  }
  const bytes = new Uint8Array(Buffer.from(fileBase64, 'base64'));
  if (bytes.byteLength > HISTORY_FILE_MAX_BYTES) {
    throw new DomainError('history_file_too_large', { max: HISTORY_FILE_MAX_BYTES / 1024 / 1024 });
  }
  if (bytes.byteLength === 0) throw new DomainError('history_file_empty');
  return bytes;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

type Reader = Pick<ServiceContext['database']['db'], 'select'>;

/** Every course already imported, by `historyKey`, with its figures. */
export async function existingHistory(db: Reader): Promise<Map<string, HistoryFigures>> {
  const rows = await db
    .select({
      termKey: historyCourses.termKey,
      title: historyCourses.title,
      instructorName: historyCourses.instructorName,
      learners: historyCourses.learners,
      meetings: historyCourses.meetings,
      attendances: historyCourses.attendances,
      completed: historyCourses.completed,
    })
    .from(historyCourses);
  return new Map(rows.map((row) => [historyKey(row), row]));
}

/** The preview of parsed rows against what is already imported. */
export function summarize(
  fileName: string,
  sha256: string,
  parsed: Awaited<ReturnType<typeof parseHistoryFile>>,
  rows: HistoryPreviewRow[],
): HistoryPreview {
  return {
    fileName,
    sha256,
    format: parsed.format,
    ignoredColumns: parsed.ignoredColumns,
    counts: {
      total: rows.length,
      new: rows.filter((row) => row.status === 'new').length,
      unchanged: rows.filter((row) => row.status === 'unchanged').length,
      problems: rows.filter((row) => row.status === 'problem').length,
    },
    rows: problemsFirst(rows),
  };
}

/** The current year in Korea. */
export function thisKstYear(ctx: ServiceContext): number {
  return Number(kstDateOf(ctx.clock.now()).slice(0, 4));
}

/**
 * Reads a file of past courses and says what importing it would do, row by row. Writes nothing.
 * Refusals: `history_file_too_large`, `history_file_empty`, `history_file_unreadable`,
 * `history_columns_missing`.
 */
export async function previewHistoryImport(
  ctx: ServiceContext,
  input: HistoryFileInput,
): Promise<HistoryPreview> {
  const bytes = historyFileBytes(input.fileBase64);
  const parsed = await parseHistoryFile(bytes);
  const existing = await existingHistory(ctx.database.db);
  const rows = validateHistoryRows(parsed.rows, { thisYear: thisKstYear(ctx), existing });
  return summarize(input.fileName, sha256Hex(bytes), parsed, rows);
}
