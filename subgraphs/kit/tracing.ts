import type { ApolloServerPlugin } from '@apollo/server';
import { SpanStatusCode } from '@opentelemetry/api';
import type { DataSource, QueryRunner } from 'typeorm';
import { inSpan, SERVICE, tracer } from '../../common/tracing';

/**
 * A span per root field a subgraph resolves (the gateway's fetches ask for root fields or `_entities`): nested fields
 * are answered from loaders, whose SQL has spans of its own.
 */
export function resolverSpans(service: string): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async executionDidStart() {
          return {
            willResolveField({ info }) {
              if (info.path.prev !== undefined) return;
              const span = tracer.startSpan(`resolve ${info.parentType.name}.${info.fieldName}`, { attributes: { [SERVICE]: service } });
              return (error) => {
                if (error) {
                  span.recordException(error);
                  span.setStatus({ code: SpanStatusCode.ERROR });
                }
                span.end();
              };
            },
          };
        },
      };
    },
  };
}

const TRACED = Symbol('traced');

/**
 * A span per SQL statement the data source sends, with the statement's text (never its parameters, which carry
 * what users searched for): every query runner it hands out, the query builders' and loaders' included, is wrapped.
 */
export function traceStatements(dataSource: DataSource, service: string): void {
  const system = dataSource.options.type === 'postgres' ? 'postgresql' : 'sqlite';
  const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (...args) => {
    const runner = createQueryRunner(...args) as QueryRunner & { [TRACED]?: true };
    if (runner[TRACED]) return runner;
    runner[TRACED] = true;
    const query = runner.query.bind(runner) as (...queryArgs: unknown[]) => Promise<unknown>;
    runner.query = ((text: string, ...rest: unknown[]) =>
      inSpan(
        `SQL ${text.trimStart().split(/\s/, 1)[0].toUpperCase()}`,
        { [SERVICE]: service, 'db.system.name': system, 'db.query.text': text },
        () => query(text, ...rest),
      )) as QueryRunner['query'];
    return runner;
  };
}
