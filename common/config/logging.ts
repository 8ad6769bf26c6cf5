import { z } from 'zod';
import { oneOf } from './env';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const REQUEST_LOG_LEVELS = ['info', 'debug', 'trace'] as const;

/**
 * `LOG_LEVEL`: the least severe level written (JSON lines on stdout). `REQUEST_LOG_LEVEL`: the level of the line each
 * successful request writes (`debug` keeps them out of an `info` log; refusals and failures stay at warn and error).
 */
export const loggingModel = z
  .object({ LOG_LEVEL: oneOf(LOG_LEVELS, 'info'), REQUEST_LOG_LEVEL: oneOf(REQUEST_LOG_LEVELS, 'info') })
  .transform((env) => ({ level: env.LOG_LEVEL, requestLevel: env.REQUEST_LOG_LEVEL }));
export type LoggingConfig = z.output<typeof loggingModel>;
