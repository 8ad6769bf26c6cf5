import fs from 'node:fs';
import path from 'node:path';
import { percentile } from '../../../tools/bench/api-load';
import { parseApiBenchArgs } from '../../../tools/bench/api-options';
import { formatSize } from '../../../tools/bench/api-report';
import { CsvRowCounter, SCENARIO_IDS } from '../../../tools/bench/api-scenarios';
import { portsFrom, rewriteSupergraph } from '../../../tools/bench/api-stack';
import { repositoryRoot } from '../../../common/paths';

describe('bench:api options', () => {
  test('the defaults: SQLite, the sample alone, every scenario, the historical ports, no peer', () => {
    expect(parseApiBenchArgs([])).toEqual({
      engine: 'sqlite',
      sizes: [0],
      rounds: 3,
      duration: 10,
      connections: 10,
      cache: 'both',
      scenarios: [...SCENARIO_IDS],
      portBase: 6100,
      peers: [],
    });
  });

  test('several sizes in turn, an engine, a port base and a peer whose command names its supergraph and port', () => {
    const options = parseApiBenchArgs([
      '--engine',
      'postgres',
      '--lines',
      '5000,200_000,1000000',
      '--port-base',
      '7100',
      '--scenarios',
      'state,export',
      '--peer',
      'hive=hive-gateway supergraph {supergraph} --port {port}',
    ]);
    expect(options).toMatchObject({
      engine: 'postgres',
      sizes: [5000, 200_000, 1_000_000],
      portBase: 7100,
      scenarios: ['state', 'export'],
      peers: [{ name: 'hive', command: 'hive-gateway supergraph {supergraph} --port {port}' }],
    });
  });

  test.each([
    [['--engine', 'mysql'], /--engine must be sqlite or postgres/],
    [['--lines', '5000,5000'], /names a size twice/],
    [['--lines', '5000,x'], /--lines must be a whole number/],
    [['--scenarios', 'state,nope'], /unknown nope/],
    [['--peer', 'hive=hive-gateway supergraph schema.graphql'], /must use \{supergraph\} and \{port\}/],
    [['--peer', 'no command'], /NAME=COMMAND/],
    [['--port-base', '80'], /--port-base must be a whole number from 1024/],
    [['--cache', 'maybe'], /--cache must be off, on or both/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseApiBenchArgs(argv)).toThrow(message);
  });
});

describe('the stack', () => {
  test('every process gets its own port from the base, so two benchmarks can run side by side', () => {
    const ports = portsFrom(7100);
    const all = [ports.cold, ports.warm, ...Object.values(ports.subgraphs), ports.peer(0), ports.peer(1)];
    expect(all).toEqual([7100, 7110, 7101, 7102, 7103, 7104, 7105, 7120, 7121]);
  });

  test('the supergraph copy sends every subgraph fetch to the benchmark’s ports and changes nothing else', () => {
    const sdl = fs.readFileSync(path.join(repositoryRoot, 'schema', 'supergraph.graphql'), 'utf8');
    const rewritten = rewriteSupergraph(sdl, portsFrom(7100).subgraphs);
    const urls = [...rewritten.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map((match) => [match[1], match[2]]);
    expect(Object.fromEntries(urls)).toEqual({
      institutions: 'http://127.0.0.1:7101/graphql',
      commitments: 'http://127.0.0.1:7102/graphql',
      budgets: 'http://127.0.0.1:7103/graphql',
      archives: 'http://127.0.0.1:7104/graphql',
      participation: 'http://127.0.0.1:7105/graphql',
    });
    expect(rewritten.replace(/url: "[^"]+"/g, 'url')).toBe(sdl.replace(/url: "[^"]+"/g, 'url'));
  });
});

describe('measuring', () => {
  test('CSV rows are counted across chunks, a quoted newline inside a cell being part of its row', () => {
    const counter = new CsvRowCounter();
    for (const chunk of ['id,name\n1,"a\nb"', '\n2,c\n3,"d""', '"\n']) counter.push(chunk);
    expect(counter.rows).toBe(3);
  });

  test('req/s ratios are also given round by round, each between gateways that ran in the same round', () => {
    const round = (rps: number) => ({ rps, requests: rps * 8, latencies: [1], errors: 0, gatewayCpu: 1, subgraphCpu: 1 });
    const rounds = (...rps: number[]) => rps.map(round);
    const report = formatSize(
      {
        engine: 'sqlite',
        lines: 0,
        totalLines: 4800,
        importSeconds: null,
        targets: [
          { label: 'cache off', ours: true },
          { label: 'cache on', ours: true },
          { label: 'hive', ours: false },
        ],
        scenarios: ['ftm'],
        rounds: new Map([
          ['ftm|cache off', rounds(100, 400, 200)],
          ['ftm|cache on', rounds(1200, 4000, 1000)],
          ['ftm|hive', rounds(50, 100, 200)],
        ]),
        exports: [],
        peakRss: new Map(),
        loadAverage: [1, 1],
        warnings: [],
      },
      parseApiBenchArgs([]),
    );
    // The medians alone (1,200 ÷ 200 = 6×) set round 1 of one gateway beside round 3 of the other.
    expect(report).toContain('| follow-the-money (2 ids) | cache on ÷ off | 6.00× |');
    expect(report).toContain(
      '- follow-the-money (2 ids): cache on ÷ cache off 12.00×, 10.00×, 5.00× (median 10.00×); cache off ÷ hive 2.00×, 4.00×, 1.00× (median 2.00×)',
    );
  });

  test('percentiles are nearest-rank over the values', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect([percentile(values, 50), percentile(values, 95), percentile(values, 99), percentile([], 50)]).toEqual([50, 95, 99, 0]);
  });
});
