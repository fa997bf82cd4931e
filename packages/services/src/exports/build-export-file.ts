import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { kstDateOf } from '@seoro/domain';
import type { ExportCell, ExportColumn, ExportFormat, ExportTable } from './export-table';

/** A file ready to send: its bytes, its type and a name to save it under. */
export interface ExportFile {
  bytes: Uint8Array;
  contentType: string;
  /** e.g. '2026년 1기_캘리그라피_출석부_20261203.xlsx' (may hold Korean: send it RFC 5987-encoded). */
  filename: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** The byte-order mark that makes Excel read a CSV file as UTF-8 (Korean otherwise turns to mojibake). */
export const UTF8_BOM = '\uFEFF';

/** Characters Windows, macOS or Excel refuse in a file or sheet name (line breaks and tabs too). */
const UNSAFE = /[\\/:*?"<>|[\]\t\r\n]/g;

/** A file name's stem with the export's KST date: '2026년 1기_캘리그라피_출석부_20261203'. */
function fileNameOf(table: ExportTable, format: ExportFormat): string {
  const date = kstDateOf(new Date(table.exportedAt)).replace(/-/g, '');
  const stem = table.fileStem.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  return `${stem}_${date}.${format}`;
}

/** A cell as CSV text: shares as '83%', nothing as an empty field. */
function csvCell(value: ExportCell, column: ExportColumn): string {
  if (value === null) return '';
  if (column.type === 'percent' && typeof value === 'number') return `${Math.round(value * 100)}%`;
  return String(value);
}

/**
 * The file of an export, built on the server: an Excel workbook (bold, frozen header row, a filter,
 * whole numbers and percentages as numbers) or a CSV file in UTF-8 with a BOM so that Excel shows
 * the Korean correctly.
 */
export async function buildExportFile(
  table: ExportTable,
  format: ExportFormat,
): Promise<ExportFile> {
  const filename = fileNameOf(table, format);
  if (format === 'csv') {
    const text = stringify(
      [
        table.columns.map((c) => c.header),
        ...table.rows.map((row) => row.map((v, i) => csvCell(v, table.columns[i]!))),
      ],
      { record_delimiter: 'windows' },
    );
    return {
      bytes: new TextEncoder().encode(`${UTF8_BOM}${text}`),
      contentType: CONTENT_TYPES.csv,
      filename,
    };
  }

  const workbook = new ExcelJS.Workbook();
  workbook.creator = '서로서로학교';
  workbook.created = new Date(table.exportedAt);
  const sheetName = table.sheetName.replace(UNSAFE, ' ').trim().slice(0, 31) || 'Sheet1';
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 },
  });
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.type === 'percent' ? { numFmt: '0%' } : {},
  }));
  sheet.addRows(table.rows);
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  if (table.columns.length > 0) {
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1, column: table.columns.length },
    };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    bytes: new Uint8Array(buffer),
    contentType: CONTENT_TYPES.xlsx,
    filename,
  };
}
