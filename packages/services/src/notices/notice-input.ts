import { DomainError, NOTICE_MAX_CHARS, noticeProblem } from '@seoro/domain';

/** A notice as staff write it: texts in both languages and the KST days it shows. */
export type NoticeInput = {
  bodyKo: string;
  /** May be empty: the kiosk then shows the Korean text in English too. */
  bodyEn: string;
  /** 'YYYY-MM-DD', KST, both days included. */
  showFrom: string;
  showUntil: string;
};

/** Line breaks as one kind, no space at either end. */
const clean = (text: string) => text.replace(/\r\n?/g, '\n').trim();

/**
 * The notice as it will be stored, or a refusal (DomainError) naming the field at fault:
 * `notice_text_required`, `notice_text_too_long` (with `max`), `notice_date_invalid`,
 * `notice_ends_before_start`.
 */
export function checkedNotice(input: NoticeInput): NoticeInput {
  const notice = {
    bodyKo: clean(input.bodyKo),
    bodyEn: clean(input.bodyEn),
    showFrom: input.showFrom.trim(),
    showUntil: input.showUntil.trim(),
  };
  const problem = noticeProblem(notice);
  if (problem) {
    const params: Record<string, string | number> = { field: problem.field };
    if (problem.code === 'notice_text_too_long') params.max = NOTICE_MAX_CHARS;
    throw new DomainError(problem.code, params);
  }
  return notice;
}
