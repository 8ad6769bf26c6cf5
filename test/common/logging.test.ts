import { Writable } from 'node:stream';
import pino from 'pino';
import { readSettings } from '../../common/config/env';
import { loggingModel, readableLogs } from '../../common/config/logging';
import { readableMessage, readableStream } from '../../common/readable-logs';
import { readyBanner } from '../../tools/banner';

const readLogging = (env: Record<string, string>) => readSettings({ logging: loggingModel }, env).logging;

const REQUEST = {
  name: 'gateway',
  msg: 'request completed',
  req: { id: 'req-42', method: 'POST', url: '/graphql' },
  res: { statusCode: 200 },
  responseTime: 12,
};

describe('LOG_FORMAT', () => {
  test('auto is readable on a terminal and JSON anywhere else; json and pretty are what they say', () => {
    expect(readableLogs('auto', true)).toBe(true);
    expect(readableLogs('auto', false)).toBe(false);
    expect(readableLogs('json', true)).toBe(false);
    expect(readableLogs('pretty', false)).toBe(true);
  });

  test('defaults to auto, and an unknown format is a configuration problem naming the variable', () => {
    expect(readLogging({}).format).toBe('auto');
    expect(readLogging({ LOG_FORMAT: 'json' }).format).toBe('json');
    expect(() => readLogging({ LOG_FORMAT: 'colour' })).toThrow(/LOG_FORMAT must be one of auto, json, pretty \(got "colour"\)/);
  });
});

describe('readable log lines', () => {
  test('a request reads as method, path, status, time and request id', () => {
    expect(readableMessage(REQUEST)).toBe('gateway: POST /graphql → 200 in 12 ms [req-42]');
    expect(readableMessage({ ...REQUEST, msg: 'request aborted', res: { statusCode: 200 } })).toBe(
      'gateway: POST /graphql → 200 in 12 ms (aborted) [req-42]',
    );
  });

  test('any other entry reads as its logger and message', () => {
    expect(readableMessage({ name: 'budgets', msg: 'budgets subgraph ready', url: 'http://localhost:4003/graphql' })).toBe(
      'budgets: budgets subgraph ready',
    );
  });

  test('pino through the readable stream writes one line per entry, no JSON for what the message already says', () => {
    let written = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    const logger = pino({ name: 'gateway' }, readableStream(sink));
    logger.info(REQUEST, REQUEST.msg);
    logger.warn({ port: 4000 }, 'gateway ready');
    const lines = written.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: gateway: POST \/graphql → 200 in 12 ms \[req-42\]$/);
    expect(lines[1]).toMatch(/^\[\d\d:\d\d:\d\d\] WARN: gateway: gateway ready \{"port":4000\}$/);
  });
});

describe('the banner npm start ends with', () => {
  test('names the explorer, the journalist page, /metrics and /ready on the gateway port', () => {
    const banner = readyBanner(4000);
    expect(banner).toContain('Follow-the-Money API ready');
    for (const url of [
      'http://localhost:4000/graphql',
      'http://localhost:4000/',
      'http://localhost:4000/metrics',
      'http://localhost:4000/ready',
    ]) {
      expect(banner).toContain(url);
    }
    expect(readyBanner(5710)).toContain('http://localhost:5710/graphql');
    expect(readyBanner(5710)).not.toContain('4000');
  });
});
