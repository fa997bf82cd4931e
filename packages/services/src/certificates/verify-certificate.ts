import { eq } from 'drizzle-orm';
import { certificates, courses, enrolments, residents, terms } from '@seoro/db';
import { DomainError, maskName, normalizeConfirmationCode } from '@seoro/domain';
import type { ServiceContext } from '../context';
import type { LocalizedText } from '../views';
import { issuedOn } from './completions';

/** What anyone holding a certificate's code may learn: masked name, course, term, issue date. */
export interface CertificateCheck {
  code: string;
  maskedName: string;
  title: LocalizedText;
  termName: LocalizedText;
  issuedOn: string;
}

/**
 * Checks a certificate's verification code (as typed or scanned). An unreadable or unknown code is
 * `certificate_not_found`, the same answer either way, so nothing is learnt about other codes.
 */
export async function verifyCertificate(
  ctx: ServiceContext,
  input: { code: string },
): Promise<CertificateCheck> {
  const code = normalizeConfirmationCode(input.code);
  if (!code) throw new DomainError('certificate_not_found');
  const [row] = await ctx.database.db
    .select({
      code: certificates.code,
      issuedAt: certificates.issuedAt,
      name: residents.name,
      titleKo: courses.titleKo,
      titleEn: courses.titleEn,
      termKo: terms.nameKo,
      termEn: terms.nameEn,
    })
    .from(certificates)
    .innerJoin(enrolments, eq(enrolments.id, certificates.enrolmentId))
    .innerJoin(residents, eq(residents.id, enrolments.residentId))
    .innerJoin(courses, eq(courses.id, enrolments.courseId))
    .innerJoin(terms, eq(terms.id, courses.termId))
    .where(eq(certificates.code, code))
    .limit(1);
  if (!row) throw new DomainError('certificate_not_found');
  return {
    code: row.code,
    maskedName: maskName(row.name),
    title: { ko: row.titleKo, en: row.titleEn },
    termName: { ko: row.termKo, en: row.termEn },
    issuedOn: issuedOn(row.issuedAt),
  };
}
