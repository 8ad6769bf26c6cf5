import pino, { type DestinationStream, type Logger } from 'pino';
import type { LoggingConfig } from './config/logging';

export type { Logger };

/** JSON lines on stdout (or on `destination`, which tests use to read what was logged). */
export function createLogger(name: string, config: LoggingConfig, destination?: DestinationStream): Logger {
  return pino({ name, level: config.level }, destination);
}
