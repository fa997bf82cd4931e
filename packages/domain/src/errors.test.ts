import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOMAIN_ERROR_CODES, DomainError, isDomainError } from './errors';

describe('DomainError', () => {
  it('keeps its code as the message, so a log line can be searched for it', () => {
    const e = new DomainError('registration_closed', { closesAt: '2026-01-15 18:00' });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DomainError');
    expect(e.message).toBe('registration_closed');
    expect(String(e)).toBe('DomainError: registration_closed');
    expect(new DomainError('course_full').params).toEqual({});
  });

  it('lists every code exactly once', () => {
    expect(new Set(DOMAIN_ERROR_CODES).size).toBe(DOMAIN_ERROR_CODES.length);
  });

  it('uses codes that are stable identifiers (lower snake case), safe as message keys', () => {
    for (const code of DOMAIN_ERROR_CODES) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
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

  it('accepts a rebuilt error exactly when its code is a known one', () => {
    // What arrives from another thread or module copy: a plain Error with the fields set.
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...DOMAIN_ERROR_CODES), fc.string()),
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())),
        (code, params) => {
          const rebuilt = Object.assign(new Error(code), { name: 'DomainError', code, params });
          expect(isDomainError(rebuilt)).toBe(
            (DOMAIN_ERROR_CODES as readonly string[]).includes(code),
          );
        },
      ),
    );
  });
});
