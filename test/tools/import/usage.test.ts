import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from '../../../tools/import/args';
import { FORMATS } from '../../../tools/import/formats';
import { DATA, run, runJson, sandbox, type Sandbox } from './cli';

let box: Sandbox;
beforeAll(() => {
  box = sandbox();
});
afterAll(() => box.cleanup());

const ALLOCATIONS = path.join(DATA, 'allocations', 'allocations.csv');

describe('usage errors exit 2 with the usage printed, and touch nothing', () => {
  test.each([
    [[], 'no format given'],
    [['shcp-budgets', ALLOCATIONS], 'unknown format "shcp-budgets"'],
    [['allocations'], 'no file or folder given for allocations'],
    [['allocations', 'no/such/file.csv'], 'no such file or folder: no/such/file.csv'],
    [['allocations', ALLOCATIONS, '--verbose'], 'unknown option --verbose'],
    [['allocations', ALLOCATIONS, '--max-errors', '0'], '--max-errors needs a whole number of at least 1 (got "0")'],
    [['allocations', ALLOCATIONS, '--max-errors'], '--max-errors needs a value'],
    [['allocations', ALLOCATIONS, '--json=yes'], '--json takes no value'],
    [['allocations', ALLOCATIONS, '--skip-rejected'], '--skip-rejected: allocations loads all or nothing'],
    [['allocations', ALLOCATIONS, '--rejects', ALLOCATIONS], 'would overwrite an input file'],
    [['shcp-budget', path.join(DATA, 'organos-garantes')], 'no .csv file in'],
    [['compranet', path.join(DATA, 'allocations')], 'the publication year is not in the name'],
    [
      ['local-action-plans', path.join(DATA, 'ogp-local')],
      'missing commitment-details.csv, commitment-milestones.csv, commitment-evaluations.csv',
    ],
    [['local-action-plans', path.join(DATA, 'ogp-local'), ALLOCATIONS], 'is not one of the files this format reads'],
    [['records', path.join(DATA, 'archives')], 'missing records.csv'],
    [['metric', path.join(DATA, 'metrica-gobierno-abierto')], 'reads exactly one file'],
  ])('%j', async (argv, message) => {
    const { code, stdout, stderr } = await run(box, argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.startsWith('error: ')).toBe(true);
    expect(stderr.split('\n')[0]).toContain(message);
    expect(stderr).toContain('Usage: npm run import -- <format> <path>…');
  });

  test('nothing was written by them', () => {
    expect(fs.readdirSync(box.cwd)).toEqual([]);
    if (box.config.database.kind === 'sqlite') expect(fs.readdirSync(box.config.database.directory)).toEqual([]);
  });
});

describe('--help', () => {
  test('lists every format with its subgraph, the options and the exit codes, on stdout, exit 0', async () => {
    const { code, stdout } = await run(box, ['--help']);
    expect(code).toBe(0);
    for (const format of FORMATS) expect(stdout).toMatch(new RegExp(`\\n  ${format.name} +${format.subgraph} `));
    for (const option of ['--dry-run', '--max-errors N', '--skip-rejected', '--rejects FILE', '--json']) expect(stdout).toContain(option);
    expect(stdout).toContain('Exit codes: 0 everything loaded');
  });

  test('--help <format> explains its files, ids and rules, with an example', async () => {
    const { code, stdout } = await run(box, ['--help', 'compranet']);
    expect(code).toBe(0);
    expect(stdout).toContain('npm run import -- compranet <YEAR….csv | folder>…');
    expect(stdout).toContain('compranet-<year>/<CODIGO_CONTRATO>');
    expect(stdout).toContain('--skip-rejected: supported');
    expect(stdout).toContain('Example: npm run import -- compranet data/compranet/2018.sample.csv --skip-rejected');
    expect((await run(box, ['shcp-budget', '-h'])).stdout).toContain('--max-errors stops between files');
  });

  test('--help with an unknown format is a usage error', async () => {
    expect((await run(box, ['--help', 'nope'])).code).toBe(2);
  });

  test("every format's example names files that exist", () => {
    const root = path.resolve(__dirname, '../../..');
    for (const format of FORMATS) {
      const paths = format.example
        .split(' ')
        .slice(5)
        .filter((arg) => !arg.startsWith('--'));
      for (const given of paths) expect([format.name, given, fs.existsSync(path.resolve(root, given))]).toEqual([format.name, given, true]);
    }
  });
});

describe('arguments', () => {
  test('options anywhere, --name=value, and -- before paths that start with a dash', () => {
    expect(parseArgs(['--dry-run', 'ocds', 'a.json', '--max-errors=3', '--rejects', 'r.json', '--', '-b.json'])).toEqual({
      kind: 'run',
      options: {
        format: 'ocds',
        paths: ['a.json', '-b.json'],
        dryRun: true,
        json: false,
        skipRejected: false,
        maxErrors: 3,
        rejects: 'r.json',
      },
    });
  });
});

describe('unexpected failures exit 3 with one line, no stack unless DEBUG=1', () => {
  test('an invalid DATABASE_URL', async () => {
    const { code, stdout, stderr } = await run(box, ['allocations', ALLOCATIONS], { env: { DATABASE_URL: 'mysql://nowhere' } });
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toBe('import failed: Invalid configuration: - DATABASE_URL must be a postgres:// URL (got "mysql://nowhere")\n');
  });

  test('an unreachable database; with --json the failure is a JSON object too', async () => {
    const env = { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' };
    const { code, stderr } = await run(box, ['allocations', ALLOCATIONS], { env });
    expect(code).toBe(3);
    expect(stderr).toMatch(/^import failed: .*ECONNREFUSED.*\n$/);
    const json = await runJson({ ...box, env: { ...box.env, ...env } }, ['allocations', ALLOCATIONS]);
    expect(JSON.parse(json.stdout)).toEqual({ format: 'allocations', error: expect.stringContaining('ECONNREFUSED'), exitCode: 3 });
    const debug = await run(box, ['allocations', ALLOCATIONS], { env: { ...env, DEBUG: '1' } });
    expect(debug.stderr.split('\n').length).toBeGreaterThan(3);
    expect(debug.stderr).toContain('    at ');
  });

  test('a rejected input does not need the database: exit 1 even when it is unreachable', async () => {
    const bad = path.join(box.inputs, 'allocations.csv');
    fs.writeFileSync(bad, fs.readFileSync(ALLOCATIONS, 'utf8').replace('MX-TLA-PAL-2016-03', 'MX-TLA-2016-03'));
    const { code } = await run(box, ['allocations', bad], { env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' } });
    expect(code).toBe(1);
  });
});

describe('output', () => {
  test('quiet when not a terminal or when CI is set; a progress line per step on a terminal', async () => {
    const quiet = await run(box, ['allocations', ALLOCATIONS, '--dry-run'], { tty: false });
    expect(quiet.stderr).toBe('');
    const ci = await run(box, ['allocations', ALLOCATIONS, '--dry-run'], { tty: true, env: { CI: 'true' } });
    expect(ci.stderr).toBe('');
    const terminal = await run(box, ['allocations', ALLOCATIONS, '--dry-run'], { tty: true, env: { CI: undefined } });
    expect(terminal.stderr).toContain(`… checking ${ALLOCATIONS}`);
    expect(terminal.stdout).toContain('Dry run: would insert 6, update 0, leave 0 unchanged; 0 rejected. Nothing was changed.');
  });

  test('on a terminal, a bar per table shows the write moving, batch by batch', async () => {
    const pef = path.join(DATA, 'shcp-pef', '2017.sample.csv');
    const { stderr } = await run(box, ['shcp-budget', pef, '--dry-run'], { tty: true, env: { CI: undefined } });
    expect(stderr).toContain('\r… writing budget line rows [#######################-------] 76% 2,000/2,614');
    expect(stderr).toContain('\r… writing budget line rows [##############################] 100% 2,614/2,614\n');
    expect(stderr).toMatch(/\r… writing budget program rows \[#+\] 100% 404\/404\n/);
  });

  test('--json prints one JSON object on stdout and the human summary on stderr', async () => {
    const { code, stdout, stderr, report } = await runJson(box, ['allocations', ALLOCATIONS, '--dry-run']);
    expect(code).toBe(0);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['format', 'files', 'summary', 'problems', 'dryRun', 'written', 'entities', 'rejectsFiles', 'exitCode']),
    );
    expect(stdout.trim().startsWith('{') && stdout.trim().endsWith('}')).toBe(true);
    expect(stderr).toContain('Dry run: would insert 6');
  });
});
