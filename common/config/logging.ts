import { z } from 'zod';
import { oneOf } from './env';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const REQUEST_LOG_LEVELS = ['info', 'debug', 'trace'] as const;
export const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/**
 * `LOG_LEVEL`: the least severe level written. `REQUEST_LOG_LEVEL`: the level of the line each successful request
 * writes (`debug` keeps them out of an `info` log; refusals and failures stay at warn and error). `LOG_FORMAT`: JSON
 * lines, or one readable line per entry for a person; `auto` is readable when stdout is a terminal, JSON otherwise.
 */
export const loggingModel = z
  .object({
    LOG_LEVEL: oneOf(LOG_LEVELS, 'info'),
    REQUEST_LOG_LEVEL: oneOf(REQUEST_LOG_LEVELS, 'info'),
    LOG_FORMAT: oneOf(LOG_FORMATS, 'auto'),
  })
  .transform((env) => ({ level: env.LOG_LEVEL, requestLevel: env.REQUEST_LOG_LEVEL, format: env.LOG_FORMAT }));
export type LoggingConfig = z.output<typeof loggingModel>;

/** What `auto` means for a process whose stdout is (or is not) a terminal. */
export function readableLogs(format: LogFormat, stdoutIsTerminal: boolean): boolean {
  return format === 'pretty' || (format === 'auto' && stdoutIsTerminal);
}
