import { z } from 'zod';
import { wholeNumber } from './env';

/** The page size of a connection asked without `first`. */
export const DEFAULT_PAGE_SIZE = 20;

/**
 * `MAX_PAGE_SIZE`: the largest `first` a connection accepts, so a client cannot ask one request to read a
 * whole table. The subgraphs enforce it; the gateway's cost estimate assumes it.
 */
export const pagesModel = z.object({ MAX_PAGE_SIZE: wholeNumber(100, 1, 10_000) }).transform((env) => ({
  maxPageSize: env.MAX_PAGE_SIZE,
  defaultPageSize: Math.min(DEFAULT_PAGE_SIZE, env.MAX_PAGE_SIZE),
}));
