import { describe, expect, it } from 'vitest';
import * as domain from './index';

describe('public API', () => {
  it('re-exports every module', () => {
    expect(Object.keys(domain).sort()).toEqual(
      [
        'CONFIRMATION_CODE_ALPHABET',
        'CONFIRMATION_CODE_BITS',
        'DEFAULT_CHECK_IN_POLICY',
        'DOMAIN_ERROR_CODES',
        'DomainError',
        'NAME_MAX_LENGTH',
        'addDays',
        'barredForNoShows',
        'seatsToPromote',
        'termLimitReached',
        'checkInState',
        'dateToDays',
        'decideEnrolment',
        'drawLottery',
        'lotterySeats',
        'lotteryTicket',
        'findRoomConflicts',
        'formatKrMobile',
        'generateConfirmationCode',
        'isDomainError',
        'kstDateOf',
        'kstInstant',
        'kstTimeOf',
        'kstWeekday',
        'localize',
        'maskName',
        'maskPhone',
        'normalizeConfirmationCode',
        'normalizeKrMobile',
        'normalizeName',
        'registrationWindowState',
        'requireKrMobile',
        'seatsLeft',
        'systemClock',
        'timeToMinutes',
        'timesOverlap',
        'weeklyDates',
      ].sort(),
    );
  });
});
