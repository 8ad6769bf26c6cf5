import pino, { type DestinationStream, type Logger } from 'pino';
import { type LoggingConfig, readableLogs } from './config/logging';
import { readableStream } from './readable-logs';

export type { Logger };

/**
 * JSON lines on stdout, or readable lines where `LOG_FORMAT` asks for them (by default when stdout is a terminal);
 * `destination`, which tests use to read what was logged, always gets JSON.
 */
export function createLogger(
  name: string,
  config: Pick<LoggingConfig, 'level'> & Partial<Pick<LoggingConfig, 'format'>>,
  destination?: DestinationStream,
): Logger {
  const readable = !destination && readableLogs(config.format ?? 'json', process.stdout.isTTY === true);
  // A client's credentials never reach the logs, should one send any.
  const options = { name, level: config.level, redact: ['req.headers.authorization', 'req.headers.cookie'] };
  return pino(options, destination ?? (readable ? readableStream() : undefined));
}
