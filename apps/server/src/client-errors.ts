import { Server } from 'node:http';
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ServerType } from '@hono/node-server';
import { localizeMessage } from '@seoro/trpc';

/** A complete HTTP/1.1 response that closes the connection, written straight to the socket. */
function rawResponse(status: string, body = ''): string {
  const bytes = Buffer.byteLength(body);
  const type = body ? 'Content-Type: text/plain; charset=utf-8\r\n' : '';
  return `HTTP/1.1 ${status}\r\n${type}Content-Length: ${bytes}\r\nConnection: close\r\n\r\n${body}`;
}

/** The answer to a request Node's parser gave up on, as Node gives it but with words for 431. */
function responseFor(code: string | undefined): string {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return rawResponse(
        '431 Request Header Fields Too Large',
        `${localizeMessage('err_request_too_large', 'ko')}\n${localizeMessage('err_request_too_large', 'en')}\n`,
      );
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return rawResponse('413 Payload Too Large');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return rawResponse('408 Request Timeout');
    default:
      return rawResponse('400 Bad Request');
  }
}

/**
 * Answers requests that Node's HTTP parser refuses before any handler sees them. Node's own answer
 * to headers over its limit (16 KiB for the start line and headers together, by default: a very
 * long URL, a swollen cookie) is a 431 with an empty body; here it carries a short sentence in
 * Korean and English. Other parse errors get Node's usual bare status. Fired by Node's
 * `clientError` event, which replaces that default once anyone listens.
 */
export function answerClientErrors(server: ServerType): void {
  if (!(server instanceof Server)) return;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const untouched = socket instanceof Socket ? socket.bytesWritten === 0 : true;
    if (error.code === 'ECONNRESET' || !socket.writable || !untouched) {
      socket.destroy();
      return;
    }
    // end(), not destroy(): the rest of an oversized request is read and dropped rather than
    // left unread, which would reset the connection before the client reads the answer.
    socket.end(responseFor(error.code));
    setTimeout(() => socket.destroy(), 5_000).unref();
  });
}
