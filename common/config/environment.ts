import { z } from 'zod';
import { oneOf } from './env';

export const ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** `production` hides internal error messages and stack traces from clients. */
export const environmentModel = z.object({ NODE_ENV: oneOf(ENVIRONMENTS, 'development') }).transform((env) => env.NODE_ENV);
