import { z } from 'zod';
import { wholeNumber } from './env';

/**
 * `EXPORT_STALL_TIMEOUT_MS`: how long an export waits for a client that has stopped taking its pages before it closes
 * the connection (the page it holds, and the socket, would otherwise be held for as long as the client likes).
 */
export const exportModel = z
  .object({ EXPORT_STALL_TIMEOUT_MS: wholeNumber(30_000, 100, 3_600_000) })
  .transform((env) => ({ stallTimeoutMs: env.EXPORT_STALL_TIMEOUT_MS }));
export type ExportConfig = z.output<typeof exportModel>;
