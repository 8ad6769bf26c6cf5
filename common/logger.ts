import pino, { type DestinationStream, type Logger } from 'pino';
import type { LoggingConfig } from './config/logging';

export type { Logger };

/** JSON lines on stdout (or on `destination`, which tests use to read what was logged). */
export function createLogger(name: string, config: Pick<LoggingConfig, 'level'>, destination?: DestinationStream): Logger {
  // A client's credentials never reach the logs, should one send any.
  return pino({ name, level: config.level, redact: ['req.headers.authorization', 'req.headers.cookie'] }, destination);
}
