import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatDate, formatDateRange, formatNumber, plainSpaces, type Locale } from '@seoro/domain';
import { m } from '@seoro/i18n';
import type { CertificateView } from './issue-certificate';
import type { TeachingRecord } from './teaching-record';

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('pretendard/dist/public/static/Pretendard-Regular.otf');
const FONT_BOLD = require.resolve('pretendard/dist/public/static/Pretendard-Bold.otf');

const INK = '#1f2a37';
const ACCENT = '#1d5c4d';
const MUTED = '#4b5563';

/** A4 portrait in points, with Pretendard embedded as 'R' and 'B'. */
function newDocument(title: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    info: { Title: title, Author: m.cert_district_line({}, { locale: 'ko' }) },
  });
  doc.registerFont('R', FONT_REGULAR);
  doc.registerFont('B', FONT_BOLD);
  return doc;
}

function toBytes(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.end();
  });
}

/** The QR code's modules drawn as squares: sharp at any zoom, no image in the file. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / (n + 2);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  doc.fillColor('#000000');
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.get(r, c)) doc.rect(x + (c + 1) * cell, y + (r + 1) * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

/** The verification address printed under the QR code. */
export function certificateVerifyUrl(origin: string, code: string, locale: Locale): string {
  const base = origin.replace(/\/+$/, '');
  return `${base}${locale === 'en' ? '/en' : ''}/certificates/${encodeURIComponent(code)}`;
}

/**
 * The certificate as an A4 PDF: program, "수료증 / Certificate of Completion", the learner's
 * name, course, term, dates, attendance, issue date, the district's line and a QR code to the
 * public verification page.
 */
export async function renderCertificatePdf(
  view: CertificateView,
  options: { locale: Locale; verifyUrl: string },
): Promise<Uint8Array> {
  const locale = options.locale;
  const o = { locale };
  const doc = newDocument(`${m.cert_title({}, o)} — ${view.learnerName}`);
  const W = doc.page.width;
  const H = doc.page.height;

  // Frame: a strong outer line and a fine inner one.
  doc
    .lineWidth(3)
    .strokeColor(ACCENT)
    .rect(28, 28, W - 56, H - 56)
    .stroke();
  doc
    .lineWidth(0.8)
    .rect(38, 38, W - 76, H - 76)
    .stroke();

  const inner = { x: 70, width: W - 140 };
  doc.font('R').fontSize(13).fillColor(ACCENT);
  doc.text(m.cert_district_line({}, o), inner.x, 88, { width: inner.width, align: 'center' });

  const [big, small] =
    locale === 'ko'
      ? ['수료증', 'Certificate of Completion']
      : ['Certificate of Completion', '수료증'];
  doc
    .font('B')
    .fontSize(locale === 'ko' ? 46 : 32)
    .fillColor(INK)
    .text(big, inner.x, 130, {
      width: inner.width,
      align: 'center',
      characterSpacing: locale === 'ko' ? 18 : 1,
    });
  doc.font('R').fontSize(14).fillColor(MUTED).text(small, { width: inner.width, align: 'center' });

  // The learner's name, large, on a rule.
  const nameY = 270;
  doc.font('R').fontSize(12).fillColor(MUTED);
  doc.text(m.cert_label_name({}, o), inner.x, nameY, { width: inner.width, align: 'center' });
  doc.font('B').fontSize(30).fillColor(INK);
  doc.text(view.learnerName, inner.x, nameY + 20, { width: inner.width, align: 'center' });
  doc
    .lineWidth(0.8)
    .strokeColor(ACCENT)
    .moveTo(W / 2 - 110, nameY + 62)
    .lineTo(W / 2 + 110, nameY + 62)
    .stroke();

  const title = view.title[locale] || view.title.ko;
  const term = view.termName[locale] || view.termName.ko;
  doc.font('R').fontSize(14).fillColor(INK);
  doc.text(m.cert_body({ term, course: title }, o), inner.x + 20, nameY + 88, {
    width: inner.width - 40,
    align: 'center',
    lineGap: 6,
  });

  // The facts, as label / value rows.
  const rows: Array<[string, string]> = [
    [m.cert_label_course({}, o), title],
    [m.cert_label_term({}, o), term],
    [
      m.cert_label_dates({}, o),
      view.firstDate && view.lastDate
        ? plainSpaces(formatDateRange(view.firstDate, view.lastDate, locale, { year: true }))
        : '',
    ],
    [
      m.cert_label_attendance({}, o),
      `${m.cert_attendance_value({ attended: view.attended, total: view.total }, o)} (${formatNumber(view.attendancePercent)}%)`,
    ],
    [m.cert_label_issued({}, o), plainSpaces(formatDate(view.issuedOn, locale, { year: true }))],
  ];
  let y = doc.y + 30;
  const labelX = inner.x + 40;
  const valueX = inner.x + 150;
  for (const [label, value] of rows) {
    doc.font('B').fontSize(12).fillColor(MUTED).text(label, labelX, y, { width: 100 });
    doc.font('R').fontSize(13).fillColor(INK);
    doc.text(value, valueX, y - 1, { width: inner.x + inner.width - 40 - valueX });
    y = Math.max(doc.y, y + 18) + 10;
  }

  // The district's line, as a signature.
  const signY = Math.max(y + 30, 610);
  doc.font('R').fontSize(13).fillColor(INK);
  doc.text(plainSpaces(formatDate(view.issuedOn, locale, { year: true })), inner.x, signY, {
    width: inner.width,
    align: 'center',
  });
  doc.font('B').fontSize(24).fillColor(INK);
  doc.text(m.cert_district_line({}, o), inner.x, signY + 24, {
    width: inner.width,
    align: 'center',
  });

  // Verification: QR code, the code and the address.
  const qrSize = 92;
  const qrY = H - 60 - qrSize;
  drawQr(doc, options.verifyUrl, inner.x, qrY, qrSize);
  const textX = inner.x + qrSize + 14;
  const textW = inner.x + inner.width - textX;
  doc.font('R').fontSize(9.5).fillColor(MUTED);
  doc.text(m.cert_verify_hint({}, o), textX, qrY + 8, { width: textW });
  doc.font('B').fontSize(11).fillColor(INK);
  doc.text(`${m.cert_label_code({}, o)}: ${view.code}`, textX, doc.y + 6, { width: textW });
  doc.font('R').fontSize(9).fillColor(MUTED);
  doc.text(options.verifyUrl, textX, doc.y + 4, { width: textW });

  return toBytes(doc);
}

/** The instructor's teaching record as an A4 PDF table, continued over pages when long. */
export async function renderTeachingRecordPdf(
  record: TeachingRecord,
  options: { locale: Locale },
): Promise<Uint8Array> {
  const locale = options.locale;
  const o = { locale };
  const name = record.instructorName[locale] || record.instructorName.ko;
  const doc = newDocument(`${m.record_title({}, o)} — ${name}`);
  const W = doc.page.width;
  const left = 56;
  const width = W - 112;

  doc.font('R').fontSize(11).fillColor(ACCENT).text(m.cert_district_line({}, o), left, 56);
  doc.font('B').fontSize(26).fillColor(INK).text(m.record_title({}, o), left, 76);
  doc.font('R').fontSize(12).fillColor(INK);
  doc.text(m.record_intro({ name }, o), left, doc.y + 6, { width });
  doc
    .fillColor(MUTED)
    .text(plainSpaces(formatDate(record.asOf, locale, { year: true })), left, doc.y + 2);

  const cols = [
    { label: m.record_col_term({}, o), w: 0.2 },
    { label: m.record_col_course({}, o), w: 0.38 },
    { label: m.record_col_meetings({}, o), w: 0.16 },
    { label: m.record_col_learners({}, o), w: 0.13 },
    { label: m.record_col_completions({}, o), w: 0.13 },
  ];
  const drawRow = (cells: string[], top: number, bold: boolean): number => {
    let x = left;
    let bottom = top;
    doc
      .font(bold ? 'B' : 'R')
      .fontSize(11)
      .fillColor(INK);
    cells.forEach((cell, i) => {
      const w = (cols[i]?.w ?? 0) * width;
      doc.text(cell, x + 4, top + 6, { width: w - 8 });
      bottom = Math.max(bottom, doc.y + 6);
      x += w;
    });
    doc
      .lineWidth(0.5)
      .strokeColor('#9ca3af')
      .moveTo(left, bottom)
      .lineTo(left + width, bottom)
      .stroke();
    return bottom;
  };

  let y = doc.y + 20;
  y = drawRow(
    cols.map((c) => c.label),
    y,
    true,
  );
  for (const c of record.courses) {
    if (y > doc.page.height - 100) {
      doc.addPage();
      y = 56;
    }
    y = drawRow(
      [
        c.termName[locale] || c.termName.ko,
        c.title[locale] || c.title.ko,
        m.record_meetings_value({ held: c.held, total: c.meetings }, o),
        m.record_people({ count: c.learners }, o),
        m.record_people({ count: c.completions }, o),
      ],
      y,
      false,
    );
  }
  doc.font('B').fontSize(12).fillColor(INK);
  doc.text(
    record.courses.length === 0
      ? m.record_empty({}, o)
      : m.record_totals(
          {
            courses: record.totals.courses,
            learners: record.totals.learners,
            completed: record.totals.completions,
          },
          o,
        ),
    left,
    y + 14,
    { width },
  );
  return toBytes(doc);
}
