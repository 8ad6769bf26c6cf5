import pretty from 'pino-pretty';
import type { DestinationStream } from 'pino';

/** The fields a request line carries (`request-log.ts`), as pino's serializers wrote them. */
interface RequestLine {
  req?: { id?: string; method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
}

/**
 * One entry as a person reads it: `gateway: POST /graphql → 200 in 12 ms [request id]` for a request, else
 * `name: message`; the other fields follow on the same line (pino-pretty's `singleLine`).
 */
export function readableMessage(entry: Record<string, unknown>, messageKey = 'msg'): string {
  const prefix = typeof entry.name === 'string' ? `${entry.name}: ` : '';
  const message = String(entry[messageKey] ?? '');
  const { req, res, responseTime } = entry as RequestLine;
  if (!req || !res) return `${prefix}${message}`;
  const outcome = message === 'request completed' ? '' : ` (${message.replace(/^request /, '')})`;
  return `${prefix}${req.method} ${req.url} → ${res.statusCode} in ${responseTime} ms${outcome} [${req.id}]`;
}

/** Readable lines on stdout (or `destination`), written synchronously so that none is lost when the process exits. */
export function readableStream(destination: number | NodeJS.WritableStream = 1): DestinationStream {
  return pretty({
    destination,
    sync: true,
    translateTime: 'SYS:HH:MM:ss',
    singleLine: true,
    // Shown by the message itself, or noise in a terminal.
    ignore: 'pid,hostname,name,req,res,responseTime',
    messageFormat: (entry, messageKey) => readableMessage(entry, messageKey),
  });
}
