import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isCalendarDate,
  isNoticeShowing,
  NOTICE_MAX_CHARS,
  noticeLength,
  noticeProblem,
  noticeState,
} from './notice';
import { addDays, dateToDays } from './time';

/** Any calendar date between 2000 and 2099. */
const date = fc
  .integer({ min: dateToDays('2000-01-01'), max: dateToDays('2099-12-31') })
  .map((days) => addDays('1970-01-01', days));

const ok = { bodyKo: '주차장 공사', bodyEn: '', showFrom: '2026-05-01', showUntil: '2026-05-08' };

describe('noticeState examples', () => {
  const window = { showFrom: '2026-05-01', showUntil: '2026-05-08' };
  it('shows on the first and the last day, not the day before or after', () => {
    expect(noticeState(window, '2026-04-30')).toBe('scheduled');
    expect(noticeState(window, '2026-05-01')).toBe('showing');
    expect(noticeState(window, '2026-05-08')).toBe('showing');
    expect(noticeState(window, '2026-05-09')).toBe('ended');
  });
  it('shows a one-day notice on that day only, across a month and a leap day', () => {
    const leap = { showFrom: '2028-02-29', showUntil: '2028-02-29' };
    expect(isNoticeShowing(leap, '2028-02-28')).toBe(false);
    expect(isNoticeShowing(leap, '2028-02-29')).toBe(true);
    expect(isNoticeShowing(leap, '2028-03-01')).toBe(false);
  });
  it('refuses malformed dates rather than guessing', () => {
    expect(() => noticeState(window, '2026-5-1')).toThrow(RangeError);
  });
});

describe('noticeState properties', () => {
  it('is showing exactly when from ≤ today ≤ until (both days included)', () => {
    fc.assert(
      fc.property(date, date, date, (a, b, today) => {
        const [showFrom, showUntil] = a <= b ? [a, b] : [b, a];
        const showing = isNoticeShowing({ showFrom, showUntil }, today);
        expect(showing).toBe(showFrom <= today && today <= showUntil);
      }),
    );
  });

  it('moves only forward: scheduled, then showing, then ended, as the days pass', () => {
    const order = { scheduled: 0, showing: 1, ended: 2 };
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), date, (showFrom, length, today) => {
        const window = { showFrom, showUntil: addDays(showFrom, length) };
        const state = noticeState(window, today);
        const tomorrow = noticeState(window, addDays(today, 1));
        expect(order[tomorrow]).toBeGreaterThanOrEqual(order[state]);
      }),
    );
  });

  it('shows a notice of n days on exactly n + 1 days', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 30 }), (showFrom, n) => {
        const window = { showFrom, showUntil: addDays(showFrom, n) };
        let days = 0;
        for (let i = -3; i <= n + 3; i++) if (isNoticeShowing(window, addDays(showFrom, i))) days++;
        expect(days).toBe(n + 1);
      }),
    );
  });
});

describe('noticeProblem', () => {
  it('accepts a Korean text with an empty English one', () => {
    expect(noticeProblem(ok)).toBeNull();
  });
  it('requires the Korean text', () => {
    expect(noticeProblem({ ...ok, bodyKo: '' })).toEqual({
      code: 'notice_text_required',
      field: 'bodyKo',
    });
  });
  it('counts characters as a reader does, and allows exactly the limit', () => {
    expect(noticeLength('가👍a')).toBe(3);
    expect(noticeProblem({ ...ok, bodyKo: '가'.repeat(NOTICE_MAX_CHARS) })).toBeNull();
    expect(noticeProblem({ ...ok, bodyKo: '가'.repeat(NOTICE_MAX_CHARS + 1) })?.field).toBe(
      'bodyKo',
    );
    expect(noticeProblem({ ...ok, bodyEn: 'a'.repeat(NOTICE_MAX_CHARS + 1) })).toEqual({
      code: 'notice_text_too_long',
      field: 'bodyEn',
    });
  });
  it('refuses impossible dates and a last day before the first', () => {
    expect(noticeProblem({ ...ok, showFrom: '2026-02-30' })?.code).toBe('notice_date_invalid');
    expect(noticeProblem({ ...ok, showUntil: '' })).toEqual({
      code: 'notice_date_invalid',
      field: 'showUntil',
    });
    expect(noticeProblem({ ...ok, showUntil: '2026-04-30' })).toEqual({
      code: 'notice_ends_before_start',
      field: 'showUntil',
    });
    expect(noticeProblem({ ...ok, showUntil: ok.showFrom })).toBeNull();
  });
  it('accepts any pair of real dates in order, and refuses any pair out of order', () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        const problem = noticeProblem({ ...ok, showFrom: a, showUntil: b });
        expect(problem === null).toBe(a <= b);
      }),
    );
  });
  it('knows real dates', () => {
    expect(isCalendarDate('2026-12-31')).toBe(true);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26-01-01')).toBe(false);
  });
});
