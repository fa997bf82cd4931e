import { describe, expect, it } from 'vitest';
import { DomainError, plainSpaces } from '@seoro/domain';
import { localizeDomainError } from './messages';

const say = (error: DomainError, locale: 'ko' | 'en') =>
  plainSpaces(localizeDomainError(error, locale));

describe('localizeDomainError', () => {
  it('shows an instant in Korea time with its weekday, in the one date-and-time shape', () => {
    // 09:00 UTC is 18:00 in Seoul.
    const notOpen = new DomainError('registration_not_open', {
      opensAt: '2026-01-15T09:00:00.000Z',
    });
    expect(say(notOpen, 'ko')).toBe(
      '아직 신청 기간이 아닙니다. 1월 15일(목) 오후 6:00부터 신청할 수 있습니다.',
    );
    expect(say(notOpen, 'en')).toBe(
      'Registration has not opened yet. It opens on Thu 15 Jan, 6:00 PM.',
    );
  });

  it('is already on the next day in Seoul when UTC is not', () => {
    const notDue = new DomainError('lottery_not_due', { closesAt: '2026-01-07T15:30:00Z' });
    expect(say(notDue, 'ko')).toContain('1월 8일(목) 오전 12:30');
  });

  it('shows a time of day in the one time shape', () => {
    const early = new DomainError('check_in_too_early', { opensAt: '13:50' });
    expect(say(early, 'ko')).toBe('아직 출석할 수 없습니다. 오후 1:50부터 출석할 수 있습니다.');
    expect(say(early, 'en')).toBe('Check-in is not open yet. It opens at 1:50 PM.');
  });

  it('leaves other parameters as they are', () => {
    const limit = new DomainError('term_limit_reached', { limit: 3 });
    expect(say(limit, 'ko')).toContain('3개 강좌까지');
  });

  it("takes an admin form's refusal from the admin catalogue", () => {
    const ends = new DomainError('term_ends_before_start', { field: 'endsOn' });
    expect(say(ends, 'en')).toContain('The end date is before the start date');
    expect(say(ends, 'ko')).toContain('종강일이 개강일보다 빠릅니다');
  });
});
