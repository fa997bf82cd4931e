import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MyRegistration, MyRegistrationsView } from '@seoro/services';
import { toKioskView } from './view';

const registration: fc.Arbitrary<MyRegistration> = fc
  .record({
    enrolmentId: fc.uuid(),
    status: fc.constantFrom('confirmed', 'waitlisted', 'lottery_pending', 'cancelled' as const),
    cancellable: fc.boolean(),
    courseCancelled: fc.boolean(),
    next: fc.option(
      fc.record({
        date: fc.constantFrom('2026-01-21', '2026-01-22', '2026-02-05'),
        startTime: fc.constantFrom('10:00', '14:00'),
      }),
    ),
    attended: fc.nat(5),
  })
  .map(({ enrolmentId, status, cancellable, courseCancelled, next, attended }) => {
    const live = cancellable && status !== 'cancelled' && !courseCancelled;
    return {
      enrolmentId,
      code: 'ABCD-EFGH',
      status,
      state: status,
      waitlistPosition: status === 'waitlisted' ? 1 : null,
      cancellable: live,
      registeredAt: '2026-01-02T00:00:00.000Z',
      cancelledAt: status === 'cancelled' ? '2026-01-03T00:00:00.000Z' : null,
      course: {
        id: 'c',
        title: { ko: '강좌', en: 'Course' },
        cancelled: courseCancelled,
        weekday: 4,
        startTime: '10:00',
        endTime: '12:00',
        firstDate: '2026-01-08',
        lastDate: '2026-02-12',
        meetingCount: 6,
        venue: { ko: '용산아트홀', en: 'Yongsan Art Hall' },
        room: { ko: '제3강의실', en: 'Lecture Room 3' },
      },
      attendance: status === 'confirmed' ? { attended, held: 6 } : null,
      nextMeeting: next
        ? { ...next, endTime: '12:00', room: { ko: '제3강의실', en: 'Lecture Room 3' } }
        : null,
    };
  });

const view: fc.Arbitrary<MyRegistrationsView> = fc
  .array(fc.array(registration, { maxLength: 5 }), { maxLength: 3 })
  .map((groups) => ({
    maskedName: '홍*동',
    maskedPhone: '010-****-1234',
    terms: groups.map((registrations, i) => ({
      term: { id: `t${i}`, name: { ko: '기수', en: 'Term' }, startsOn: '', endsOn: '' },
      registrations,
    })),
  }));

describe('toKioskView', () => {
  it('shows every registration once: live (cancellable) ones apart from the rest', () => {
    fc.assert(
      fc.property(view, (v) => {
        const shown = toKioskView(v);
        const all = v.terms.flatMap((t) => t.registrations);
        expect([...shown.live, ...shown.past].map((r) => r.enrolmentId).sort()).toEqual(
          all.map((r) => r.enrolmentId).sort(),
        );
        expect(shown.live.every((r) => r.cancellable && r.status !== 'cancelled')).toBe(true);
        expect(shown.past.every((r) => !r.cancellable)).toBe(true);
      }),
    );
  });

  it('gives no code or next class for what is not live, and sorts live by the next class', () => {
    fc.assert(
      fc.property(view, (v) => {
        const shown = toKioskView(v);
        expect(shown.past.every((r) => r.code === null && r.nextMeeting === null)).toBe(true);
        expect(shown.live.every((r) => (r.code !== null) === (r.status === 'confirmed'))).toBe(
          true,
        );
        const keys = shown.live.map((r) =>
          r.nextMeeting ? `${r.nextMeeting.date} ${r.nextMeeting.startTime}` : '\uffff',
        );
        expect(keys).toEqual([...keys].sort());
      }),
    );
  });

  it('carries only the masked name and number', () => {
    fc.assert(
      fc.property(view, (v) => {
        const shown = toKioskView(v);
        expect(Object.keys(shown).sort()).toEqual(['live', 'maskedName', 'maskedPhone', 'past']);
        expect(shown.maskedPhone).toBe('010-****-1234');
      }),
    );
  });
});
