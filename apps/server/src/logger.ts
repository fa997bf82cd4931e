import { pino, type Logger } from 'pino';

/** JSON lines on stdout: one per request and one per notable event. */
export function createLogger(level = 'info'): Logger {
  return pino({
    level,
    base: { service: 'seoroseoro' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: ['req.headers.cookie', 'phone', 'code'],
  });
}
