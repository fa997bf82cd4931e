import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DomainError } from '@seoro/domain';

/** The largest file the import takes: a spreadsheet of every past term is far smaller. */
export const HISTORY_FILE_MAX_BYTES = 2 * 1024 * 1024;

/** The figures a history file carries, by their meaning. */
export type HistoryColumn =
  'term' | 'title' | 'instructor' | 'learners' | 'meetings' | 'attendances' | 'completed';

/** The columns without which a row means nothing. */
export const REQUIRED_HISTORY_COLUMNS: readonly HistoryColumn[] = [
  'term',
  'title',
  'instructor',
  'learners',
];

/**
 * The header names each column goes by, Korean or English, compared after `headerKey` (no case,
 * spaces, underscores, hyphens or brackets).
 */
const HEADER_ALIASES: Record<HistoryColumn, readonly string[]> = {
  term: ['기수', '학기', '기', 'term', 'termkey', 'session'],
  title: ['강좌명', '강좌', '과목', 'course', 'coursetitle', 'title'],
  instructor: ['강사', '강사명', '강사이름', 'instructor', 'instructorname', 'teacher'],
  learners: ['수강생수', '수강생', '수강인원', '인원', 'learners', 'learnercount'],
  meetings: ['회차', '회차수', '수업횟수', 'meetings', 'sessions', 'classes'],
  attendances: ['출석연인원', '연인원', '출석', 'attendances', 'attendance'],
  completed: ['수료생', '수료생수', '수료', '수료인원', 'completed', 'completions'],
};

function headerKey(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_\-()[\]（）.]/g, '');
}

const COLUMN_BY_HEADER = new Map<string, HistoryColumn>(
  (Object.entries(HEADER_ALIASES) as [HistoryColumn, readonly string[]][]).flatMap(
    ([column, names]) => names.map((name) => [name, column] as const),
  ),
);

/** One data row as the file has it: its row number in the file (the header is row 1) and its cells. */
export interface RawHistoryRow {
  row: number;
  cells: Partial<Record<HistoryColumn, string>>;
}

export interface ParsedHistoryFile {
  format: 'csv' | 'xlsx';
  /** Header cells that name no known column, as written. */
  ignoredColumns: string[];
  rows: RawHistoryRow[];
}

/** Whether the bytes are a zip archive (an .xlsx is one), whatever the file's name says. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The text of a CSV file: UTF-8 (with or without a byte-order mark) when the bytes are valid
 * UTF-8, else CP949/EUC-KR, which Korean Excel writes when saving "CSV".
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = new TextDecoder('euc-kr').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

function tableOfCsv(bytes: Uint8Array): { row: number; cells: string[] }[] {
  let records: string[][];
  try {
    records = parse(decodeCsvBytes(bytes), {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      // Each record carries the line it ends on first, for the row numbers staff see.
      on_record: (record: string[], context) => [String(context.lines), ...record],
    });
  } catch {
    throw new DomainError('history_file_unreadable');
  }
  return records.map(([line, ...cells]) => ({ row: Number(line), cells }));
}

async function tableOfXlsx(bytes: Uint8Array): Promise<{ row: number; cells: string[] }[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own Buffer (an ArrayBuffer): hand it exactly the file's bytes.
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    throw new DomainError('history_file_unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new DomainError('history_file_empty');
  const table: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(row.getCell(c).text);
    if (cells.some((cell) => cell.trim() !== '')) table.push({ row: rowNumber, cells });
  });
  return table;
}

/**
 * Reads a file of past courses (an .xlsx's first sheet, or a CSV) into rows keyed by column. The
 * first non-empty row names the columns, in Korean or English; columns it does not know are
 * listed, not read. Refusals: `history_file_unreadable`, `history_columns_missing` (with the
 * missing columns' Korean names), `history_file_empty`.
 */
export async function parseHistoryFile(bytes: Uint8Array): Promise<ParsedHistoryFile> {
  const format = isZip(bytes) ? 'xlsx' : 'csv';
  const table = format === 'xlsx' ? await tableOfXlsx(bytes) : tableOfCsv(bytes);
  const header = table.find((line) => line.cells.some((cell) => cell.trim() !== ''));
  if (!header) throw new DomainError('history_file_empty');

  const columnAt = new Map<number, HistoryColumn>();
  const ignoredColumns: string[] = [];
  header.cells.forEach((cell, index) => {
    const name = cell.trim();
    if (name === '') return;
    const column = COLUMN_BY_HEADER.get(headerKey(name));
    if (column && ![...columnAt.values()].includes(column)) columnAt.set(index, column);
    else ignoredColumns.push(name);
  });
  const present = new Set(columnAt.values());
  const missing = REQUIRED_HISTORY_COLUMNS.filter((column) => !present.has(column));
  if (missing.length > 0) {
    throw new DomainError('history_columns_missing', {
      columns: missing.map((column) => HEADER_ALIASES[column][0]).join(', '),
    });
  }

  const rows: RawHistoryRow[] = [];
  for (const line of table) {
    if (line.row <= header.row) continue;
    if (line.cells.every((cell) => cell.trim() === '')) continue;
    const cells: RawHistoryRow['cells'] = {};
    for (const [index, column] of columnAt) cells[column] = (line.cells[index] ?? '').trim();
    rows.push({ row: line.row, cells });
  }
  if (rows.length === 0) throw new DomainError('history_file_empty');
  return { format, ignoredColumns, rows };
}
