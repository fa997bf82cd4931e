import { z } from 'zod';
import {
  certificateVerifyUrl,
  getTeachingRecord,
  issueCertificate,
  listMyCertificates,
  renderCertificatePdf,
  renderTeachingRecordPdf,
  verifyCertificate,
} from '@seoro/services';
import { enforceRateLimit, publicProcedure, residentProcedure, router } from '@seoro/trpc';

const enrolmentId = z.string().min(1).max(64);
/** The site's own origin, for the address the certificate's QR code points to. */
const origin = z
  .string()
  .max(200)
  .regex(/^https?:\/\/[^/\s]+$/);

/** A PDF as the web's download routes stream it. */
interface PdfFile {
  filename: string;
  base64: string;
}

const toFile = (filename: string, bytes: Uint8Array): PdfFile => ({
  filename,
  base64: Buffer.from(bytes).toString('base64'),
});

/** Completion certificates (수료증), their public check, and an instructor's teaching record. */
export const certificatesRouter = router({
  /** The signed-in resident's completed courses, each with its certificate (issued or not yet). */
  mine: residentProcedure.query(({ ctx }) =>
    listMyCertificates(ctx.services, { residentId: ctx.resident.id }),
  ),
  /**
   * The certificate of one of the resident's own enrolments, issued on the first request (the
   * same one after). Another's enrolment is `enrolment_not_found`; not earned is
   * `certificate_not_earned`.
   */
  issue: residentProcedure.input(z.object({ enrolmentId })).mutation(({ ctx, input }) =>
    issueCertificate(ctx.services, {
      residentId: ctx.resident.id,
      enrolmentId: input.enrolmentId,
    }),
  ),
  /** The certificate as an A4 PDF (issued first if need be), in the caller's language. */
  pdf: residentProcedure
    .input(z.object({ enrolmentId, origin }))
    .mutation(async ({ ctx, input }): Promise<PdfFile> => {
      enforceRateLimit(ctx.rateLimiter, 'certificate-pdf', ctx.resident.id, 30);
      const view = await issueCertificate(ctx.services, {
        residentId: ctx.resident.id,
        enrolmentId: input.enrolmentId,
      });
      const verifyUrl = certificateVerifyUrl(input.origin, view.code, ctx.locale);
      const bytes = await renderCertificatePdf(view, { locale: ctx.locale, verifyUrl });
      const name = ctx.locale === 'ko' ? '수료증' : 'certificate';
      return toFile(`${name}_${view.code}.pdf`, bytes);
    }),
  /** Anyone's check of a certificate code: masked name, course, term, issue date; rate-limited. */
  verify: publicProcedure
    .input(z.object({ code: z.string().min(1).max(200) }))
    .query(({ ctx, input }) => {
      enforceRateLimit(ctx.rateLimiter, 'certificate-verify', ctx.ip, 60);
      return verifyCertificate(ctx.services, { code: input.code });
    }),
  /** The courses the signed-in resident taught as an instructor; null when they are none. */
  teachingRecord: residentProcedure.query(({ ctx }) =>
    getTeachingRecord(ctx.services, { residentId: ctx.resident.id }),
  ),
  /** The teaching record as an A4 PDF; null when the resident is no instructor. */
  teachingRecordPdf: residentProcedure.mutation(async ({ ctx }): Promise<PdfFile | null> => {
    enforceRateLimit(ctx.rateLimiter, 'teaching-record-pdf', ctx.resident.id, 30);
    const record = await getTeachingRecord(ctx.services, { residentId: ctx.resident.id });
    if (!record) return null;
    const bytes = await renderTeachingRecordPdf(record, { locale: ctx.locale });
    const name = ctx.locale === 'ko' ? '강의이력' : 'teaching-record';
    return toFile(`${name}_${record.asOf.replaceAll('-', '')}.pdf`, bytes);
  }),
});
