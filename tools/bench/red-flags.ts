import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { DEFAULT_RED_FLAG_THRESHOLDS } from '../../common/config/red-flags';
import { definition } from '../../subgraphs/budgets/definition';
import { Contract } from '../../subgraphs/budgets/entities/contract.entity';
import { ProcedureKind } from '../../subgraphs/budgets/entities/procedure-kind.enums';
import { STORED_RED_FLAG_CODES } from '../../subgraphs/budgets/entities/red-flag.columns';
import { writeContractSuppliers } from '../../subgraphs/budgets/importers/shared/contract-suppliers';
import { type ContractFacts, withRedFlags } from '../../subgraphs/budgets/importers/shared/red-flags.rules';
import { decideRepeatedDirectAwards } from '../../subgraphs/budgets/importers/shared/red-flags.write';
import { coverageCounts } from '../../subgraphs/budgets/queries/red-flag.query';
import { upsertAll } from '../../subgraphs/kit/import/bulk-write';
import { inTransaction } from '../../subgraphs/kit/import/load-transaction';
import { sourceAt } from '../../subgraphs/kit/provenance';
import { dayOfYear } from '../generate/dates';
import { countFlag, parseFlags } from '../generate/options';
import { Random } from '../generate/random';
import { openThrowawayDatabase, type Engine } from './throwaway-database';

/**
 * What the red flags add to an import of N contracts (docs/red-flags.md): the same generated contracts imported as the
 * importers do it (contract rows, supplier rows, one transaction), once without flags and once with them (every flag
 * column set on each contract, REPEATED_DIRECT_AWARD against the stored contracts, before the same bulk write), each into an empty
 * database. The two are run in turns, in alternating order, for several rounds, so that a change in the machine's
 * load reaches both; the medians are compared. CPU is this process's (user + system): it includes SQLite, which runs
 * in the process, and not the PostgreSQL server.
 *
 *   npm run bench:red-flags -- [--contracts 200000] [--rounds 3] [--seed S]     (DATABASE_URL=… adds PostgreSQL)
 */
const KINDS = [ProcedureKind.DIRECT, ProcedureKind.DIRECT, ProcedureKind.DIRECT, ProcedureKind.OPEN, ProcedureKind.LIMITED];

function generated(count: number, seed: string): { contracts: Contract[]; facts: ContractFacts[] } {
  const random = Random.stream(seed, 'red-flags');
  const contracts: Contract[] = [];
  const facts: ContractFacts[] = [];
  for (let i = 0; i < count; i += 1) {
    const kind = KINDS[random.int(0, KINDS.length - 1)];
    const signedDay = random.int(30, 330);
    const contract = new Contract();
    contract.id = `bench/${i}`;
    contract.ocid = null;
    contract.procedureNumber = null;
    contract.procedureType = null;
    contract.procedureKind = kind;
    contract.status = null;
    contract.title = `Contrato ${i}`;
    contract.description = null;
    contract.buyerId = null;
    contract.buyerAsPublished = { id: `UC-${random.int(1, 2_000)}`, name: null };
    const supplier = `PROV-${random.int(1, 20_000)}`;
    contract.suppliers = [{ id: supplier, name: supplier }];
    contract.valueAmount = BigInt(random.int(1, 1_000_000)) * 100n;
    contract.valueCurrency = 'MXN';
    contract.signedOn = dayOfYear(2099, signedDay);
    contract.startsOn = dayOfYear(2099, signedDay - random.int(-10, 3));
    contract.fiscalYear = 2099;
    contract.programKeys = [];
    contract.source = sourceAt('synthetic', 'bench', { row: i + 1 });
    contracts.push(contract);
    const tendered = kind !== ProcedureKind.DIRECT;
    facts.push({
      kind,
      international: tendered ? random.percent(20) : null,
      publishedOn: tendered ? dayOfYear(2099, signedDay - 30) : null,
      opensOn: tendered ? dayOfYear(2099, signedDay - 30 + random.int(4, 30)) : null,
      tenderers: null,
      startsOn: contract.startsOn,
      signedOn: contract.signedOn,
      amendments: random.percent(3) ? 1 : 0,
    });
  }
  return { contracts, facts };
}

const VARIANTS = ['without flags', 'with flags'] as const;
type Variant = (typeof VARIANTS)[number];

const WARM_UP_CONTRACTS = 10_000;

interface Run {
  wall: number;
  cpu: number;
}

/** One import into an empty database, timed; with flags, the stored checks are counted afterwards (untimed). */
async function importOnce(engine: Engine, variant: Variant, count: number, seed: string) {
  const database = await openThrowawayDatabase(definition, engine, process.env.DATABASE_URL);
  try {
    const { contracts, facts } = generated(count, seed);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await inTransaction(database.dataSource, async (manager) => {
      if (variant === 'with flags') {
        for (const [i, contract] of contracts.entries()) withRedFlags(contract, facts[i], DEFAULT_RED_FLAG_THRESHOLDS);
        await decideRepeatedDirectAwards(manager, contracts, DEFAULT_RED_FLAG_THRESHOLDS);
      }
      await upsertAll(manager, Contract, contracts);
      await writeContractSuppliers(manager, contracts);
    });
    const wall = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const run: Run = { wall, cpu: (cpu.user + cpu.system) / 1e6 };
    const { counts } = await coverageCounts(database.dataSource, database.dataSource.getRepository(Contract).createQueryBuilder('c'));
    let checks = 0;
    let raised = 0;
    for (const code of STORED_RED_FLAG_CODES) {
      for (const [status, n] of Object.entries(counts[code] ?? {})) {
        checks += n ?? 0;
        if (status === 'RAISED') raised += n ?? 0;
      }
    }
    return { run, checks, raised };
  } finally {
    await database.drop();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function main() {
  const flags = parseFlags(process.argv.slice(2), ['contracts', 'rounds', 'seed']);
  const count = countFlag(flags, 'contracts', 200_000, 1);
  const rounds = countFlag(flags, 'rounds', 3, 1);
  const seed = flags.get('seed') ?? 'bench';
  const engines: Engine[] = process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  const seconds = (value: number) => value.toFixed(2);
  console.log('| engine | round | without flags: wall (s) | CPU (s) | with flags: wall (s) | CPU (s) | added wall | added CPU |');
  console.log('|---|---|---|---|---|---|---|---|');
  const summaries: string[] = [];
  for (const engine of engines) {
    // One small untimed import each way first, so that the first timed round does not pay for compiling the code.
    for (const variant of VARIANTS) await importOnce(engine, variant, Math.min(count, WARM_UP_CONTRACTS), seed);
    const runs: Record<Variant, Run[]> = { 'without flags': [], 'with flags': [] };
    let stored = { checks: 0, raised: 0 };
    for (let round = 1; round <= rounds; round += 1) {
      const order: Variant[] = round % 2 === 1 ? ['without flags', 'with flags'] : ['with flags', 'without flags'];
      for (const variant of order) {
        const result = await importOnce(engine, variant, count, seed);
        runs[variant].push(result.run);
        if (variant === 'with flags') stored = { checks: result.checks, raised: result.raised };
      }
      const without = runs['without flags'][round - 1];
      const withFlags = runs['with flags'][round - 1];
      console.log(
        `| ${engine} | ${round} | ${seconds(without.wall)} | ${seconds(without.cpu)} | ${seconds(withFlags.wall)} | ${seconds(withFlags.cpu)} | ` +
          `${percent(withFlags.wall / without.wall - 1)} | ${percent(withFlags.cpu / without.cpu - 1)} |`,
      );
    }
    const wall = (variant: Variant) => median(runs[variant].map((run) => run.wall));
    const cpu = (variant: Variant) => median(runs[variant].map((run) => run.cpu));
    summaries.push(
      `| ${engine} | ${count.toLocaleString('en-US')} | ${rounds} | ${seconds(wall('without flags'))} | ${seconds(wall('with flags'))} | ` +
        `${percent(wall('with flags') / wall('without flags') - 1)} | ${seconds(cpu('without flags'))} | ${seconds(cpu('with flags'))} | ` +
        `${percent(cpu('with flags') / cpu('without flags') - 1)} | ${stored.checks.toLocaleString('en-US')} | ${stored.raised.toLocaleString('en-US')} |`,
    );
  }
  console.log('\nMedians (the criterion: flags add at most a third, 33 %, to the import):\n');
  console.log(
    '| engine | contracts | rounds | wall without (s) | wall with (s) | added wall | CPU without (s) | CPU with (s) | added CPU | checks stored | raised |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const line of summaries) console.log(line);
}

const percent = (ratio: number) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(0)} %`;

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(3);
});
