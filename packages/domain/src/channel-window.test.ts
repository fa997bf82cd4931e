import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kstInstant } from './time';
import {
  channelWindowState,
  registrationWindowState,
  windowForChannel,
  type TermWindows,
} from './window';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const DAY = 86_400_000;
/** An ordered pair of instants within a few months of the 2026 first session. */
const windowArb = fc
  .tuple(fc.integer({ min: 0, max: 90 * DAY }), fc.integer({ min: 1, max: 30 * DAY }))
  .map(([open, length]) => ({
    opensAt: new Date(T0 + open),
    closesAt: new Date(T0 + open + length),
  }));
const nowArb = fc.integer({ min: -DAY, max: 130 * DAY }).map((t) => new Date(T0 + t));
const termArb = fc
  .tuple(windowArb, fc.option(windowArb, { nil: null }))
  .map(([online, onsite]): TermWindows => ({
    registrationOpensAt: online.opensAt,
    registrationClosesAt: online.closesAt,
    onsiteOpensAt: onsite?.opensAt ?? null,
    onsiteClosesAt: onsite?.closesAt ?? null,
  }));

describe('the window a channel is judged by', () => {
  it('kiosk signups follow the on-site window alone when the term sets one', () => {
    fc.assert(
      fc.property(termArb, nowArb, (term, now) => {
        const kiosk = channelWindowState(term, 'kiosk', now);
        if (term.onsiteOpensAt && term.onsiteClosesAt) {
          expect(kiosk).toBe(
            registrationWindowState(
              { opensAt: term.onsiteOpensAt, closesAt: term.onsiteClosesAt },
              now,
            ),
          );
        } else {
          expect(kiosk).toBe(channelWindowState(term, 'web', now));
        }
      }),
    );
  });

  it('the web and staff never depend on the on-site window', () => {
    fc.assert(
      fc.property(termArb, windowArb, nowArb, (term, otherOnsite, now) => {
        const moved = {
          ...term,
          onsiteOpensAt: otherOnsite.opensAt,
          onsiteClosesAt: otherOnsite.closesAt,
        };
        for (const channel of ['web', 'staff'] as const) {
          expect(channelWindowState(moved, channel, now)).toBe(
            channelWindowState(term, channel, now),
          );
          expect(windowForChannel(term, channel)).toEqual({
            opensAt: term.registrationOpensAt,
            closesAt: term.registrationClosesAt,
          });
        }
      }),
    );
  });

  it('the kiosk is open exactly on [onsiteOpensAt, onsiteClosesAt)', () => {
    fc.assert(
      fc.property(termArb, nowArb, (term, now) => {
        fc.pre(term.onsiteOpensAt !== null && term.onsiteClosesAt !== null);
        const open = channelWindowState(term, 'kiosk', now) === 'open';
        const t = now.getTime();
        expect(open).toBe(t >= term.onsiteOpensAt!.getTime() && t < term.onsiteClosesAt!.getTime());
      }),
    );
  });

  it('first session: online closed on 15 Jan, the kiosk still open on a class day', () => {
    const term: TermWindows = {
      registrationOpensAt: kstInstant('2026-01-05', '10:00'),
      registrationClosesAt: kstInstant('2026-01-15', '18:00'),
      onsiteOpensAt: kstInstant('2026-01-08', '09:00'),
      onsiteClosesAt: kstInstant('2026-01-22', '18:00'),
    };
    const classDay = kstInstant('2026-01-20', '14:00');
    expect(channelWindowState(term, 'web', classDay)).toBe('closed');
    expect(channelWindowState(term, 'kiosk', classDay)).toBe('open');
    expect(channelWindowState(term, 'kiosk', kstInstant('2026-01-07', '12:00'))).toBe('not_open');
  });
});
