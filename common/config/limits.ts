import { z } from 'zod';
import { text, wholeNumber } from './env';

/**
 * What one operation may ask of the gateway, checked before it plans anything. The defaults let every example of
 * the README and its documents and the Follow-the-Money query through (a test checks) and refuse the abusive shapes.
 */
export const limitsModel = z
  .object({
    QUERY_MAX_DEPTH: wholeNumber(16, 1, 1_000),
    QUERY_MAX_ALIASES: wholeNumber(30, 0, 100_000),
    QUERY_MAX_DIRECTIVES: wholeNumber(20, 0, 100_000),
    QUERY_MAX_TOKENS: wholeNumber(2_000, 10, 1_000_000),
    QUERY_MAX_COST: wholeNumber(20_000, 1, 1_000_000_000),
    QUERY_LIST_SIZE: wholeNumber(10, 1, 10_000),
    PERSISTED_OPERATIONS_PATH: text('', /./, 'a file'),
  })
  .transform((env) => ({
    maxDepth: env.QUERY_MAX_DEPTH,
    maxAliases: env.QUERY_MAX_ALIASES,
    maxDirectives: env.QUERY_MAX_DIRECTIVES,
    maxTokens: env.QUERY_MAX_TOKENS,
    maxCost: env.QUERY_MAX_COST,
    /** The size assumed for a list that takes no `first` (e.g. a commitment's records). */
    listSize: env.QUERY_LIST_SIZE,
    /** A JSON file of sha256 → operation: when set, only those operations run. */
    persistedOperationsPath: env.PERSISTED_OPERATIONS_PATH || undefined,
  }));
export type LimitsConfig = z.output<typeof limitsModel>;
