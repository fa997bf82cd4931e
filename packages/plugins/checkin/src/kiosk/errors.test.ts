import { describe, expect, it } from 'vitest';
import { classifyCheckInError } from './errors';

/** What TRPCClientError looks like after a server answered with an error shape. */
function trpcError(message: string, data: Record<string, unknown> | undefined, withShape = true) {
  return Object.assign(new Error(message), {
    name: 'TRPCClientError',
    shape: withShape ? { message, code: -32004, data } : undefined,
    data,
  });
}

describe('classifyCheckInError', () => {
  it('shows a localized domain refusal as the server wrote it', () => {
    const error = trpcError('확인 코드를 찾을 수 없습니다.', {
      code: 'NOT_FOUND',
      httpStatus: 404,
      domainCode: 'code_not_found',
    });
    expect(classifyCheckInError(error)).toEqual({
      kind: 'refused',
      message: '확인 코드를 찾을 수 없습니다.',
      domainCode: 'code_not_found',
    });
  });

  it('treats a 4xx without a domain code as a refusal (e.g. bad input)', () => {
    const error = trpcError('코드 형식이 올바르지 않습니다', {
      code: 'BAD_REQUEST',
      httpStatus: 400,
    });
    expect(classifyCheckInError(error)).toMatchObject({ kind: 'refused', domainCode: null });
  });

  it('hides the text of server faults', () => {
    const error = trpcError('Cannot read properties of undefined', {
      code: 'INTERNAL_SERVER_ERROR',
      httpStatus: 500,
    });
    expect(classifyCheckInError(error)).toEqual({ kind: 'unexpected' });
  });

  it('calls it a connection problem when no server answer arrived', () => {
    const offline = Object.assign(trpcError('Failed to fetch', undefined, false), {
      cause: new TypeError('Failed to fetch'),
    });
    expect(classifyCheckInError(offline)).toEqual({ kind: 'network' });
    expect(classifyCheckInError(new TypeError('Failed to fetch'))).toEqual({ kind: 'network' });
    expect(classifyCheckInError(new DOMException('timed out', 'AbortError'))).toEqual({
      kind: 'network',
    });
  });

  it('treats anything else as unexpected', () => {
    expect(classifyCheckInError(new Error('bug'))).toEqual({ kind: 'unexpected' });
    expect(classifyCheckInError('nope')).toEqual({ kind: 'unexpected' });
  });
});
