import { describe, expect, it } from 'vitest';
import { classifyError } from './errors';

const trpcError = (message: string, data: object | null, shape: object | null = {}) =>
  Object.assign(new Error(message), { name: 'TRPCClientError', data, shape });

describe('classifyError', () => {
  it('passes a domain refusal through as the sentence the server wrote', () => {
    expect(
      classifyError(
        trpcError('인증번호가 맞지 않습니다.', { httpStatus: 400, domainCode: 'otp_invalid' }),
      ),
    ).toEqual({ kind: 'refused', message: '인증번호가 맞지 않습니다.', domainCode: 'otp_invalid' });
  });

  it('tells an ended session apart, so the screen starts again', () => {
    expect(
      classifyError(trpcError('안전을 위해…', { httpStatus: 401, domainCode: 'session_expired' })),
    ).toEqual({ kind: 'session', message: '안전을 위해…' });
  });

  it('calls a missing answer a network problem and hides server faults', () => {
    expect(classifyError(trpcError('fetch failed', null, null))).toEqual({ kind: 'network' });
    expect(classifyError(new TypeError('Failed to fetch'))).toEqual({ kind: 'network' });
    expect(classifyError(trpcError('stack…', { httpStatus: 500, domainCode: null }))).toEqual({
      kind: 'unexpected',
    });
    expect(classifyError('nope')).toEqual({ kind: 'unexpected' });
  });
});
