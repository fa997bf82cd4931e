import { describe, expect, it } from 'vitest';
import { classifySignupError, stepForRefusal } from './errors';

const trpcError = (data: object | null, message = '문장', shape: object | null = {}) =>
  Object.assign(new Error(message), { name: 'TRPCClientError', data, shape });

describe('classifySignupError', () => {
  it('puts each refusal on the step it concerns', () => {
    expect(stepForRefusal('invalid_name', 'name')).toBe('name');
    expect(stepForRefusal('not_mobile_phone', 'phone')).toBe('phone');
    expect(stepForRefusal('consent_required', null)).toBe('consent');
    expect(stepForRefusal('already_registered', null)).toBe('course');
    expect(stepForRefusal('onsite_closed', null)).toBe('course');
    expect(stepForRefusal('term_limit_reached', null)).toBe('confirm');
    expect(stepForRefusal('barred_no_show', null)).toBe('confirm');
    expect(stepForRefusal(null, 'phone')).toBe('phone');
  });

  it('keeps the server sentence for refusals', () => {
    expect(
      classifySignupError(
        trpcError(
          { httpStatus: 403, domainCode: 'term_limit_reached', field: null },
          '두 강좌까지',
        ),
      ),
    ).toEqual({
      kind: 'refused',
      message: '두 강좌까지',
      domainCode: 'term_limit_reached',
      step: 'confirm',
    });
  });

  it('calls a missing answer a network failure and hides server faults', () => {
    expect(classifySignupError(trpcError(null, 'Failed to fetch', null))).toEqual({
      kind: 'network',
    });
    expect(classifySignupError(new TypeError('Failed to fetch'))).toEqual({ kind: 'network' });
    expect(
      classifySignupError(trpcError({ httpStatus: 500, domainCode: null }, 'SQLITE_BUSY')),
    ).toEqual({ kind: 'unexpected' });
    expect(classifySignupError('boom')).toEqual({ kind: 'unexpected' });
  });
});
