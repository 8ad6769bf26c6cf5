import { randomUUID } from 'node:crypto';
import { type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { ErrorCode } from '../errors';
import type { Logger } from '../logger';
import type { Metrics } from './metrics';

/** Node's own refusals, by the code of the parser or timeout error, as the status Node would send and a code. */
const REFUSALS: Record<string, { status: number; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: ErrorCode.REQUEST_HEADERS_TOO_LARGE,
    message: 'The request headers, URL included, are larger than 16 KiB: send a long query by POST.',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, code: ErrorCode.PAYLOAD_TOO_LARGE, message: 'The chunk extensions are too large.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: ErrorCode.REQUEST_TIMEOUT, message: 'The request was not received in time.' },
};
const MALFORMED = { status: 400, code: ApolloServerErrorCode.BAD_REQUEST, message: 'The request is not valid HTTP.' };
/** How long a refused client has to read the answer and close its end before the server closes the socket itself. */
const LINGER_MS = 2_000;

/**
 * The `clientError` listener of every server: what Node's HTTP parser or its header and request timeouts refuse never
 * reaches Express, and Node would answer it with a bare status line. It gets the same coded JSON as every other
 * refusal, with a request id, a log line and a count in `ftm_errors_total`. A socket whose response has started, or
 * that can no longer be written to (the client left), is only closed.
 */
export function socketRefusal(logger: Logger, metrics: Metrics) {
  return (error: NodeJS.ErrnoException, socket: Duplex): void => {
    // Node's own rule: answer only if no response is under way on the socket, or none of it has been written yet.
    const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const refusal = REFUSALS[error.code ?? ''] ?? MALFORMED;
    const requestId = randomUUID();
    const body = JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
    metrics.errors.inc({ code: refusal.code });
    logger.warn({ requestId, code: refusal.code, status: refusal.status, reason: error.code }, `request refused: ${error.message}`);
    // Ended rather than destroyed: a socket closed with unread input is reset, and the client may lose the answer.
    const linger = setTimeout(() => socket.destroy(), LINGER_MS).unref();
    socket.once('close', () => clearTimeout(linger));
    socket.end(
      [
        `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        `X-Request-Id: ${requestId}`,
        'Access-Control-Allow-Origin: *',
        'X-Content-Type-Options: nosniff',
        'Cache-Control: no-store',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  };
}
