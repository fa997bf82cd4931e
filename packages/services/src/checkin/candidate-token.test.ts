import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCandidate, sealCandidate, type CandidateClaim } from './candidate-token';

const key = randomBytes(32);
const now = new Date('2026-01-08T05:00:00Z');
const claim: CandidateClaim = {
  enrolmentId: 'enrolment-1',
  meetingId: 'meeting-1',
  kioskId: 'kiosk-1',
  expiresAt: now.getTime() + 60_000,
};

describe('candidate ids', () => {
  it('open for the kiosk they were made for, until they expire', () => {
    const id = sealCandidate(claim, key);
    expect(openCandidate(id, 'kiosk-1', now, key)).toEqual(claim);
    expect(openCandidate(id, 'kiosk-2', now, key)).toBeNull();
    expect(openCandidate(id, 'kiosk-1', new Date(claim.expiresAt), key)).toBeNull();
    expect(openCandidate(id, 'kiosk-1', now, randomBytes(32))).toBeNull();
  });

  it('say nothing readable and differ each time for the same learner', () => {
    const a = sealCandidate(claim, key);
    const b = sealCandidate(claim, key);
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64url').toString('latin1')).not.toContain('enrolment-1');
  });

  it('never open once altered anywhere', () => {
    const id = Buffer.from(sealCandidate(claim, key), 'base64url');
    fc.assert(
      fc.property(fc.nat(id.length - 1), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const altered = Buffer.from(id);
        altered[at] = altered[at]! ^ flip;
        expect(openCandidate(altered.toString('base64url'), 'kiosk-1', now, key)).toBeNull();
      }),
    );
    expect(openCandidate('', 'kiosk-1', now, key)).toBeNull();
    expect(openCandidate('not an id at all', 'kiosk-1', now, key)).toBeNull();
  });
});
