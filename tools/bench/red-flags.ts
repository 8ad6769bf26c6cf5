import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { DEFAULT_RED_FLAG_THRESHOLDS } from '../../common/config/red-flags';
import { definition } from '../../subgraphs/budgets/definition';
import { ContractRedFlag } from '../../subgraphs/budgets/entities/contract-red-flag.entity';
import { Contract } from '../../subgraphs/budgets/entities/contract.entity';
import { ProcedureKind } from '../../subgraphs/budgets/entities/procedure-kind.enums';
import { RedFlagStatus } from '../../subgraphs/budgets/entities/red-flag';
import { writeContractSuppliers } from '../../subgraphs/budgets/importers/shared/contract-suppliers';
import { contractChecks, type ContractFacts } from '../../subgraphs/budgets/importers/red-flags.rules';
import { writeContractRedFlags } from '../../subgraphs/budgets/importers/red-flags.write';
import { upsertAll } from '../../subgraphs/kit/import/bulk-write';
import { inTransaction } from '../../subgraphs/kit/import/load-transaction';
import { sourceAt } from '../../subgraphs/kit/provenance';
import { dayOfYear } from '../generate/dates';
import { countFlag, parseFlags } from '../generate/options';
import { Random } from '../generate/random';
import { openThrowawayDatabase, type Engine } from './throwaway-database';

/**
 * What the red flags add to an import of N contracts (docs/red-flags.md): the same contracts are written as the
 * importers write them (contract rows and supplier rows, one transaction), then their checks are computed and written
 * with REPEATED_DIRECT_AWARD over every stored contract (one transaction), each timed on its own.
 *
 *   npm run bench:red-flags -- [--contracts 200000] [--seed S]     (DATABASE_URL=… adds PostgreSQL)
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
      contractId: contract.id,
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

async function measure(engine: Engine, count: number, seed: string) {
  const database = await openThrowawayDatabase(definition, engine, process.env.DATABASE_URL);
  try {
    const { contracts, facts } = generated(count, seed);
    let started = performance.now();
    await inTransaction(database.dataSource, async (manager) => {
      await upsertAll(manager, Contract, contracts);
      await writeContractSuppliers(manager, contracts);
    });
    const contractSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await inTransaction(database.dataSource, (manager) =>
      writeContractRedFlags(
        manager,
        contracts,
        facts.flatMap((one) => contractChecks(one, DEFAULT_RED_FLAG_THRESHOLDS)),
        DEFAULT_RED_FLAG_THRESHOLDS,
      ),
    );
    const flagSeconds = (performance.now() - started) / 1000;
    const checks = await database.dataSource.getRepository(ContractRedFlag).count();
    const raised = await database.dataSource.getRepository(ContractRedFlag).count({ where: { status: RedFlagStatus.RAISED } });
    return { engine, count, contractSeconds, flagSeconds, checks, raised };
  } finally {
    await database.drop();
  }
}

async function main() {
  const flags = parseFlags(process.argv.slice(2), ['contracts', 'seed']);
  const count = countFlag(flags, 'contracts', 200_000, 1);
  const seed = flags.get('seed') ?? 'bench';
  const engines: Engine[] = process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  console.log(
    '| engine | contracts | contracts + suppliers written (s) | flags computed and written (s) | flags / contracts | checks | raised |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const engine of engines) {
    const r = await measure(engine, count, seed);
    console.log(
      `| ${r.engine} | ${r.count.toLocaleString('en-US')} | ${r.contractSeconds.toFixed(1)} | ${r.flagSeconds.toFixed(1)} | ` +
        `${(r.flagSeconds / r.contractSeconds).toFixed(2)} | ${r.checks.toLocaleString('en-US')} | ${r.raised.toLocaleString('en-US')} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(3);
});
