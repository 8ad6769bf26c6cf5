import { z } from 'zod';
import { oneOf } from './env';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** `LOG_LEVEL`: the least severe level written (JSON lines on stdout). */
export const loggingModel = z.object({ LOG_LEVEL: oneOf(LOG_LEVELS, 'info') }).transform((env) => ({ level: env.LOG_LEVEL }));
export type LoggingConfig = z.output<typeof loggingModel>;
