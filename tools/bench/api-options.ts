import { parseArgs } from 'node:util';
import { SCENARIO_IDS, type ScenarioId } from './api-scenarios';
import type { Engine } from './throwaway-database';

export const API_BENCH_USAGE =
  'npm run bench:api -- [--engine sqlite|postgres] [--lines N[,N…]] [--rounds R] [--duration S] [--connections C]\n' +
  '  [--cache off|on|both] [--scenarios a,b] [--port-base P] [--peer NAME=COMMAND]…\n' +
  `  scenarios: ${SCENARIO_IDS.join(', ')} (default: all); COMMAND may use {supergraph} and {port}`;

/** A peer gateway started over the same subgraphs: its command names the supergraph file and port it is given. */
export interface Peer {
  name: string;
  command: string;
}

export interface ApiBenchOptions {
  engine: Engine;
  /** Generated budget lines added to the sample, one run per size, in the order given. */
  sizes: number[];
  rounds: number;
  duration: number;
  connections: number;
  /** Which of our gateways run: the response cache off (cold), on (warm), or both. */
  cache: 'off' | 'on' | 'both';
  scenarios: ScenarioId[];
  /** Gateways on base and base + 10, subgraphs on base + 1 … base + 4, peers from base + 20. */
  portBase: number;
  peers: Peer[];
}

function whole(name: string, text: string, min: number): number {
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number from ${min} (got "${text}")`);
  return value;
}

export function parseApiBenchArgs(argv: string[]): ApiBenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      engine: { type: 'string', default: 'sqlite' },
      lines: { type: 'string', default: '0' },
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      cache: { type: 'string', default: 'both' },
      scenarios: { type: 'string' },
      'port-base': { type: 'string', default: '6100' },
      peer: { type: 'string', multiple: true, default: [] },
    },
  });
  if (values.engine !== 'sqlite' && values.engine !== 'postgres')
    throw new Error(`--engine must be sqlite or postgres (got "${values.engine}")`);
  if (values.cache !== 'off' && values.cache !== 'on' && values.cache !== 'both')
    throw new Error(`--cache must be off, on or both (got "${values.cache}")`);
  const sizes = values.lines.split(',').map((size) => whole('lines', size.trim(), 0));
  if (new Set(sizes).size !== sizes.length) throw new Error(`--lines names a size twice (${values.lines})`);
  const scenarios = (values.scenarios?.split(',') ?? [...SCENARIO_IDS]).map((id) => id.trim());
  const unknown = scenarios.filter((id) => !(SCENARIO_IDS as readonly string[]).includes(id));
  if (unknown.length > 0 || scenarios.length === 0)
    throw new Error(`--scenarios: unknown ${unknown.join(', ') || '(none given)'} (expected ${SCENARIO_IDS.join(', ')})`);
  const portBase = whole('port-base', values['port-base'], 1024);
  if (portBase > 65_000) throw new Error(`--port-base must leave room for its ports (at most 65000, got ${portBase})`);
  const peers = values.peer.map((given): Peer => {
    const match = /^([A-Za-z][\w-]*)=(.+)$/s.exec(given);
    if (!match) throw new Error(`--peer must be NAME=COMMAND (got "${given}")`);
    if (!match[2].includes('{supergraph}') || !match[2].includes('{port}'))
      throw new Error(`--peer ${match[1]}: the command must use {supergraph} and {port}, so the peer runs over the benchmark's subgraphs`);
    return { name: match[1], command: match[2] };
  });
  if (new Set(peers.map((peer) => peer.name)).size !== peers.length) throw new Error('--peer names a peer twice');
  return {
    engine: values.engine,
    sizes,
    rounds: whole('rounds', values.rounds, 1),
    duration: whole('duration', values.duration, 1),
    connections: whole('connections', values.connections, 1),
    cache: values.cache,
    scenarios: scenarios as ScenarioId[],
    portBase,
    peers,
  };
}
