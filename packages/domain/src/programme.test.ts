import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkCourse,
  checkTerm,
  parseKstDateTime,
  shiftTermByWeeks,
  slugify,
  termSlugFor,
  toKstDateTimeInput,
  type CourseInput,
  type TermInput,
} from './programme';
import { kstWeekday } from './time';

const term: TermInput = {
  nameKo: '2026년 1기',
  nameEn: '2026 Session 1',
  slug: '',
  startsOn: '2026-01-08',
  endsOn: '2026-02-12',
  registrationOpensAt: '2025-12-22T10:00',
  registrationClosesAt: '2026-01-15T18:00',
  onsiteOpensAt: '',
  onsiteClosesAt: '',
  perResidentLimit: 2,
  noShowBarPercent: 50,
  completionPercent: 80,
  defaultMode: 'first_come',
};

const course: CourseInput = {
  titleKo: '캘리그라피',
  titleEn: 'Calligraphy',
  summaryKo: '손글씨',
  summaryEn: 'Handwriting',
  descriptionKo: '',
  descriptionEn: '',
  materialsNoteKo: '재료비 별도 10,000원',
  materialsNoteEn: '',
  materialsFeeWon: 10000,
  capacity: 10,
  minLearners: 5,
  mode: 'first_come',
  onsiteSeats: 0,
};

const issuesOf = (input: TermInput) => {
  const checked = checkTerm(input);
  return checked.ok ? [] : checked.issues.map((i) => `${i.field}:${i.code}`);
};

describe('checkTerm', () => {
  it('accepts the 2026 first session, windows in Korea time', () => {
    const checked = checkTerm(term);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    // 18:00 in Seoul is 09:00 UTC.
    expect(checked.value.registrationClosesAt.toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(checked.value.onsiteOpensAt).toBeNull();
  });

  it('names each problem with its field', () => {
    expect(
      issuesOf({
        ...term,
        nameEn: ' ',
        slug: 'Not A Slug',
        endsOn: '2026-01-01',
        registrationClosesAt: '2025-12-22T09:00',
        onsiteOpensAt: '2026-01-08T09:00',
        perResidentLimit: 0,
        noShowBarPercent: 101,
        completionPercent: -1,
      }),
    ).toEqual([
      'nameEn:term_name_required',
      'slug:term_slug_invalid',
      'endsOn:term_ends_before_start',
      'registrationClosesAt:term_window_closes_before_opens',
      'onsiteClosesAt:term_onsite_incomplete',
      'perResidentLimit:term_limit_out_of_range',
      'noShowBarPercent:term_percent_out_of_range',
      'completionPercent:term_percent_out_of_range',
    ]);
    expect(issuesOf({ ...term, startsOn: '2026-02-30', registrationOpensAt: 'soon' })).toEqual([
      'startsOn:term_date_invalid',
      'registrationOpensAt:term_date_time_invalid',
    ]);
  });

  it('accepts only terms that start before they end and open before they close (property)', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => {
      const d = new Date(Date.UTC(2025, 0, 1) + n * 86_400_000);
      return d.toISOString().slice(0, 10);
    });
    const dateTime = fc
      .tuple(day, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([d, h, m]) => `${d}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
    fc.assert(
      fc.property(
        fc.record({
          startsOn: day,
          endsOn: day,
          registrationOpensAt: dateTime,
          registrationClosesAt: dateTime,
          onsiteOpensAt: fc.oneof(fc.constant(''), dateTime),
          onsiteClosesAt: fc.oneof(fc.constant(''), dateTime),
          perResidentLimit: maybe(fc.integer({ min: -2, max: 25 })),
          noShowBarPercent: maybe(fc.integer({ min: -5, max: 105 })),
          completionPercent: fc.integer({ min: -5, max: 105 }),
        }),
        (varied) => {
          const checked = checkTerm({ ...term, ...varied });
          if (!checked.ok) {
            expect(checked.issues.length).toBeGreaterThan(0);
            return;
          }
          const v = checked.value;
          expect(v.startsOn <= v.endsOn).toBe(true);
          expect(v.registrationOpensAt.getTime()).toBeLessThan(v.registrationClosesAt.getTime());
          expect(v.onsiteOpensAt === null).toBe(v.onsiteClosesAt === null);
          if (v.onsiteOpensAt && v.onsiteClosesAt) {
            expect(v.onsiteOpensAt.getTime()).toBeLessThan(v.onsiteClosesAt.getTime());
          }
          for (const p of [v.noShowBarPercent, v.completionPercent]) {
            if (p !== null) expect(p >= 0 && p <= 100).toBe(true);
          }
          if (v.perResidentLimit !== null) expect(v.perResidentLimit).toBeGreaterThanOrEqual(1);
        },
      ),
    );
  });
});

describe('Korea-time date-time inputs', () => {
  it('round-trip an instant through the form value', () => {
    const at = parseKstDateTime('2026-01-15T18:00');
    expect(at?.toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(toKstDateTimeInput(at!)).toBe('2026-01-15T18:00');
    expect(parseKstDateTime('2026-01-15T18:00:00')?.toISOString()).toBe(at?.toISOString());
    expect(parseKstDateTime('2026-01-15 18:00')).toBeNull();
    expect(parseKstDateTime('2026-13-01T10:00')).toBeNull();
  });
});

describe('slugs and the next term', () => {
  it('makes a slug from the English name, else from the start month', () => {
    expect(slugify('2026 Session 1 (Spring)')).toBe('2026-session-1-spring');
    expect(termSlugFor({ slug: '', nameEn: '', startsOn: '2026-01-08' })).toBe('term-2026-01');
    expect(termSlugFor({ slug: 'mine', nameEn: 'x', startsOn: '2026-01-08' })).toBe('mine');
  });

  it('moves a term by whole weeks, so its classes keep their weekday', () => {
    const moved = shiftTermByWeeks({
      startsOn: '2026-01-08',
      endsOn: '2026-02-12',
      registrationOpensAt: new Date('2025-12-22T01:00:00Z'),
      registrationClosesAt: new Date('2026-01-15T09:00:00Z'),
      onsiteOpensAt: null,
      onsiteClosesAt: null,
    });
    expect(moved.weeks).toBe(6);
    expect(moved.startsOn).toBe('2026-02-19');
    expect(kstWeekday(moved.startsOn)).toBe(kstWeekday('2026-01-08'));
    expect(moved.registrationClosesAt.toISOString()).toBe('2026-02-26T09:00:00.000Z');
  });
});

describe('checkCourse', () => {
  const codes = (input: CourseInput) => {
    const checked = checkCourse(input);
    return checked.ok ? [] : checked.issues.map((i) => `${i.field}:${i.code}`);
  };

  it('accepts a course and keeps blank notes as none', () => {
    const checked = checkCourse({ ...course, materialsNoteKo: ' ', materialsFeeWon: null });
    expect(checked.ok && checked.value.materialsNoteKo).toBeNull();
  });

  it('refuses a capacity outside 1–200, a minimum above it, a negative fee and stray on-site seats', () => {
    expect(codes({ ...course, titleKo: '', capacity: 0 })).toEqual([
      'titleKo:course_title_required',
      'capacity:course_capacity_out_of_range',
    ]);
    expect(codes({ ...course, minLearners: 11, materialsFeeWon: -1, onsiteSeats: 2 })).toEqual([
      'minLearners:course_min_learners_out_of_range',
      'materialsFeeWon:course_fee_out_of_range',
      'onsiteSeats:course_onsite_seats_lottery_only',
    ]);
    expect(codes({ ...course, mode: 'lottery', onsiteSeats: 2 })).toEqual([]);
    expect(codes({ ...course, materialsNoteKo: '', materialsNoteEn: 'Extra' })).toEqual([
      'materialsNoteKo:course_note_korean_required',
    ]);
  });
});
