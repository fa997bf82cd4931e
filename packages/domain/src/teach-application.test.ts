import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  TEACH_LIMITS,
  canApplicantEdit,
  canApplicantWithdraw,
  checkTeachProposal,
  type TeachProposal,
} from './teach-application';

const ok: TeachProposal = {
  applicantName: '김하나',
  title: '손으로 쓰는 캘리그라피',
  description: '붓펜으로 쓰는 글씨',
  teaches: '획, 글자, 카드',
  experience: '10년 취미',
  meetingCount: 6,
  preferredWeekday: 2,
  preferredStartTime: '14:00',
  durationMinutes: 120,
  materialsFeeWon: 10000,
  capacity: 10,
  yongsanConfirmed: true,
  exclusionsAccepted: true,
};

const fields = (p: TeachProposal) => checkTeachProposal(p).map((i) => i.field);

describe('a proposal to teach', () => {
  it('passes when every field is within the program’s bounds', () => {
    expect(checkTeachProposal(ok)).toEqual([]);
    expect(checkTeachProposal({ ...ok, preferredWeekday: null, preferredStartTime: null })).toEqual(
      [],
    );
  });

  it('accepts exactly the meeting counts, lengths and sizes inside the bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 40 }), (n) => {
        const inside = n >= TEACH_LIMITS.meetings.min && n <= TEACH_LIMITS.meetings.max;
        expect(fields({ ...ok, meetingCount: n }).includes('meetingCount')).toBe(!inside);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (n) => {
        const inside = n >= 60 && n <= 180;
        const p = { ...ok, durationMinutes: n, preferredStartTime: null };
        expect(fields(p).includes('durationMinutes')).toBe(!inside);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 30 }), (n) => {
        expect(fields({ ...ok, capacity: n }).includes('capacity')).toBe(!(n >= 4 && n <= 15));
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -10_000, max: 2_000_000 }), (n) => {
        const inside = n >= 0 && n <= TEACH_LIMITS.materialsFeeWon.max;
        expect(fields({ ...ok, materialsFeeWon: n }).includes('materialsFeeWon')).toBe(!inside);
      }),
    );
  });

  it('needs a start that ends the class by 22:00, and a real weekday', () => {
    expect(fields({ ...ok, preferredStartTime: '20:30' })).toEqual(['preferredStartTime']);
    expect(fields({ ...ok, preferredStartTime: '20:00' })).toEqual([]);
    expect(fields({ ...ok, preferredStartTime: '25:00' })).toEqual(['preferredStartTime']);
    expect(fields({ ...ok, preferredWeekday: 7 })).toEqual(['preferredWeekday']);
  });

  it('needs every text, the Yongsan confirmation and the exclusions, each named', () => {
    const blank = {
      ...ok,
      applicantName: ' ',
      title: '',
      description: '',
      teaches: '',
      experience: '',
      yongsanConfirmed: false,
      exclusionsAccepted: false,
    };
    expect(fields(blank)).toEqual([
      'applicantName',
      'title',
      'description',
      'teaches',
      'experience',
      'yongsanConfirmed',
      'exclusionsAccepted',
    ]);
    expect(checkTeachProposal({ ...ok, title: 'x'.repeat(81) })[0]).toMatchObject({
      code: 'application_text_too_long',
      params: { max: 80 },
    });
  });

  it('is edited only when sent back, withdrawn only before a decision', () => {
    expect(canApplicantEdit('changes_requested')).toBe(true);
    expect(canApplicantEdit('submitted')).toBe(false);
    expect(canApplicantEdit('accepted')).toBe(false);
    expect(canApplicantWithdraw('submitted')).toBe(true);
    expect(canApplicantWithdraw('changes_requested')).toBe(true);
    expect(canApplicantWithdraw('accepted')).toBe(false);
    expect(canApplicantWithdraw('rejected')).toBe(false);
  });
});
