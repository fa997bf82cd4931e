import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOMAIN_ERROR_CODES, DomainError, type DomainErrorCode, isDomainError } from './errors';

describe('DomainError', () => {
  it('carries its code and params', () => {
    const e = new DomainError('registration_closed', { closesAt: '2026-01-15 18:00' });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DomainError');
    expect(e.code).toBe('registration_closed');
    expect(e.params).toEqual({ closesAt: '2026-01-15 18:00' });
    expect(e.message).toBe('registration_closed');
    expect(e.stack).toBeTypeOf('string');
  });

  it('defaults params to an empty object', () => {
    expect(new DomainError('course_full').params).toEqual({});
  });

  it('lists every code exactly once', () => {
    expect(new Set(DOMAIN_ERROR_CODES).size).toBe(DOMAIN_ERROR_CODES.length);
    // Compile-time check that a specific code is part of the union.
    const code: DomainErrorCode = 'enrolment_not_confirmed';
    expect(DOMAIN_ERROR_CODES).toContain(code);
  });
});

describe('isDomainError', () => {
  it('accepts DomainErrors and rejects everything else', () => {
    expect(isDomainError(new DomainError('rate_limited', { retryAfterSeconds: 30 }))).toBe(true);
    expect(isDomainError(new Error('registration_closed'))).toBe(false);
    expect(isDomainError(new RangeError('x'))).toBe(false);
    expect(isDomainError({ name: 'DomainError', code: 'course_full', params: {} })).toBe(false);
    expect(isDomainError(null)).toBe(false);
    expect(isDomainError(undefined)).toBe(false);
    expect(isDomainError('course_full')).toBe(false);
  });

  it('accepts a structurally identical error from another copy of the module', () => {
    const foreign = Object.assign(new Error('course_full'), {
      name: 'DomainError',
      code: 'course_full',
      params: {},
    });
    expect(isDomainError(foreign)).toBe(true);
    const unknownCode = Object.assign(new Error('x'), {
      name: 'DomainError',
      code: 'nope',
      params: {},
    });
    expect(isDomainError(unknownCode)).toBe(false);
  });

  it('recognises every code', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DOMAIN_ERROR_CODES),
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())),
        (code, params) => {
          const e = new DomainError(code, params);
          expect(isDomainError(e)).toBe(true);
          expect(e.code).toBe(code);
        },
      ),
    );
  });
});
