import { z } from 'zod';
import { optionalUrl, wholeNumber } from './env';

export const SUBGRAPH_NAMES = ['institutions', 'commitments', 'budgets', 'archives', 'participation'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** The ports the subgraphs listen on unless told otherwise; docker-compose.yml and the composed supergraph use the same. */
export const DEFAULT_PORTS: Readonly<Record<SubgraphName, number>> = {
  institutions: 4001,
  commitments: 4002,
  budgets: 4003,
  archives: 4004,
  participation: 4005,
};

const portVariable = (name: SubgraphName) => `${name.toUpperCase()}_PORT`;
const urlVariable = (name: SubgraphName) => `${name.toUpperCase()}_URL`;

/** Where each subgraph process listens (`INSTITUTIONS_PORT` …); two cannot share a port. */
export const subgraphPortsModel = z
  .object(Object.fromEntries(SUBGRAPH_NAMES.map((name) => [portVariable(name), wholeNumber(DEFAULT_PORTS[name], 1, 65_535)])))
  .superRefine(
    (ports, ctx) => {
      // Runs even when another port is invalid, so that one start lists both problems.
      const valid = Object.values(ports).filter((port): port is number => typeof port === 'number');
      const duplicated = [...new Set(valid.filter((port, i) => valid.indexOf(port) !== i))];
      if (duplicated.length > 0) ctx.addIssue({ code: 'custom', message: `two subgraphs cannot share a port (${duplicated.join(', ')})` });
    },
    { when: () => true },
  )
  .transform(
    (ports) => Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, ports[portVariable(name)]])) as Record<SubgraphName, number>,
  );

/** Where the gateway finds each subgraph (`INSTITUTIONS_URL` …); unset ones use the URL composition recorded. */
export const subgraphUrlsModel = z
  .object(Object.fromEntries(SUBGRAPH_NAMES.map((name) => [urlVariable(name), optionalUrl(/^https?:\/\/\S+$/, 'an http(s) URL')])))
  .transform((urls) => {
    const found: Record<string, string> = {};
    for (const name of SUBGRAPH_NAMES) {
      const url = urls[urlVariable(name)];
      if (url) found[name] = url;
    }
    return found;
  });
