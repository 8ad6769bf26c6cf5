import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction, rejectIfProblems, upsertAll, type ImportProblem } from '../../shared/importing';
import { sourceAt } from '../../shared/provenance';
import { ContractProgram } from '../entities/contract-program.entity';
import { Contract } from '../entities/contract.entity';
import { SpendingMoment, Transaction } from '../entities/transaction.entity';
import type { ContractParty } from '../entities/values';
import { asArray, asObject, asText, either, JsonReader, readJson, type JsonObject } from '../../shared/json';

/**
 * `federal`: compiled records of the federal administration (Contrataciones Abiertas), whose contracts carry budget
 * measures per program; `inai`: INAI's releases, whose contracts carry payments (implementation.transactions).
 */
export type OcdsPublisher = 'federal' | 'inai';

export const OCDS_DATASETS: Record<OcdsPublisher, string> = { federal: 'ocds-mx-federal', inai: 'ocds-mx-inai' };

export interface OcdsFileInput {
  file: string;
  publisher: OcdsPublisher;
}

export interface ParsedOcds {
  contracts: Contract[];
  links: ContractProgram[];
  transactions: Transaction[];
  problems: ImportProblem[];
}

const PROGRAM_KEY = /^\d{2}[A-Z]\d{3}$/;

const MOMENTS: Record<string, SpendingMoment> = {
  comprometido: SpendingMoment.COMMITTED,
  devengado: SpendingMoment.ACCRUED,
  ejercido: SpendingMoment.EXERCISED,
  pagado: SpendingMoment.PAID,
};

/** Parses OCDS files (pure: nothing is written); every problem names the file and the JSON path. */
export function parseOcdsFiles(inputs: OcdsFileInput[]): ParsedOcds {
  const result: ParsedOcds = { contracts: [], links: [], transactions: [], problems: [] };
  for (const input of inputs) {
    const reader = new JsonReader(path.basename(input.file), result.problems);
    const before = result.problems.length;
    const document = readJson(input.file, reader.file, result.problems);
    if (result.problems.length > before) continue;
    const root = asObject(document);
    if (!root || typeof root.ocid !== 'string' || !Array.isArray(root.contracts)) {
      reader.problem('$', 'ocid', root?.ocid, 'is not an OCDS record or release with an `ocid` and a `contracts` array');
      continue;
    }
    parseProcess(root, input.publisher, reader, result);
  }
  result.problems.push(...duplicates(result.contracts), ...duplicates(result.transactions));
  return result;
}

function parseProcess(root: JsonObject, publisher: OcdsPublisher, reader: JsonReader, into: ParsedOcds): void {
  const ocid = String(root.ocid);
  const budget = asObject(asObject(root.planning)?.budget) ?? {};
  const plannedKeys = asArray(budget.budgetBreakdown).map((entry) => asText(asObject(entry)?.id));
  const inaiKey = publisher === 'inai' ? inaiProgramKey(budget) : null;
  const budgetYear = typeof budget.anio === 'number' ? budget.anio : null;

  asArray(root.contracts).forEach((entry, index) => {
    const path = `$.contracts[${index}]`;
    const raw = asObject(entry);
    if (!raw) {
      reader.problem(path, 'contracts', entry, 'is not an object');
      return;
    }
    const contract = new Contract();
    contract.id = `${ocid}/${asText(raw.id) ?? index}`;
    contract.ocid = ocid;
    contract.procedureNumber = null;
    contract.procedureType = null;
    contract.status = null;
    contract.title = asText(raw.title);
    contract.description = asText(raw.description);
    const buyer = publisher === 'inai' ? party(root.buyer) : (party(asArray(raw.buyers)[0]) ?? soleParty(root, 'buyer'));
    contract.buyerAsPublished = buyer;
    contract.buyerId = publisher === 'inai' ? 'MX-RAMO-44' : buyer?.id ? `MX-CPA-${buyer.id}` : null;
    contract.suppliers = asArray(raw.suppliers).map(party).filter((p): p is ContractParty => p !== null);
    const value = asObject(raw.value) ?? asObject(raw.valueWithTax);
    const valuePath = raw.value !== undefined ? `${path}.value.amount` : `${path}.valueWithTax.amount`;
    contract.valueAmount = reader.amount(value?.amount, valuePath);
    contract.valueCurrency = contract.valueAmount === null ? null : (asText(value?.currency) ?? 'MXN');
    contract.signedOn = reader.date(raw.dateSigned, `${path}.dateSigned`);
    const periodStart = reader.date(asObject(raw.period)?.startDate, `${path}.period.startDate`);
    const year = budgetYear ?? yearOf(periodStart) ?? yearOf(contract.signedOn);
    contract.fiscalYear = year;

    const implementation = asObject(raw.implementation) ?? {};
    const breakdown = asArray(implementation.budgetBreakdown);
    const ownKeys = breakdown.map((item) => asText(asObject(item)?.id));
    const keys = inaiKey ? [inaiKey] : ownKeys.length > 0 ? ownKeys : plannedKeys;
    contract.programKeys = [];
    keys.forEach((key, position) => {
      if (key === null || !PROGRAM_KEY.test(key)) {
        reader.problem(`${path}.implementation.budgetBreakdown[${position}].id`, 'id', key, 'is not a budget program key like 20P002');
      } else if (!contract.programKeys.includes(key)) contract.programKeys.push(key);
    });
    contract.source = sourceAt(OCDS_DATASETS[publisher], reader.file, { path });
    into.contracts.push(contract);
    if (year !== null) {
      for (const key of contract.programKeys) {
        const link = new ContractProgram();
        link.contractId = contract.id;
        link.programId = `${year}:${key}`;
        link.id = `${link.contractId}|${link.programId}`;
        into.links.push(link);
      }
    }
    const programOf = (key: string | null) => (year !== null && key !== null && PROGRAM_KEY.test(key) ? `${year}:${key}` : null);
    if (publisher === 'federal') {
      into.transactions.push(...budgetMeasures(contract, breakdown, path, reader, programOf));
    } else {
      into.transactions.push(...payments(contract, asArray(implementation.transactions), path, reader, programOf(inaiKey)));
    }
  });
}

/** INAI releases state the program as ramo (44) and program (`E001`) in planning.budget. */
function inaiProgramKey(budget: JsonObject): string | null {
  const ramo = asText(budget.ramo);
  const program = asText(budget.programa_presupuestario);
  return ramo && program ? `${ramo.padStart(2, '0')}${program}` : null;
}

/** Federal measures (Comprometido…Pagado) of the first classification level: one transaction per measure. */
function budgetMeasures(
  contract: Contract,
  breakdown: unknown[],
  path: string,
  reader: JsonReader,
  programOf: (key: string | null) => string | null,
): Transaction[] {
  const transactions: Transaction[] = [];
  breakdown.forEach((item, b) => {
    const entry = asObject(item) ?? {};
    const key = asText(entry.id);
    const classifications = asArray(either(entry, 'budgetClassification', 'budgetclassifications'));
    const level = classifications.findIndex((c) => asObject(c)?.levelId === 1);
    const chosen = level >= 0 ? level : 0;
    const spelling = entry.budgetClassification !== undefined ? 'budgetClassification' : 'budgetclassifications';
    const classification = asObject(classifications[chosen]) ?? {};
    const measureSpelling = classification.measures !== undefined ? 'measures' : 'Measures';
    asArray(classification[measureSpelling]).forEach((measureEntry, m) => {
      const measure = asObject(measureEntry) ?? {};
      const name = asText(measure.id);
      const moment = name ? MOMENTS[name.toLowerCase()] : undefined;
      if (!moment) return; // e.g. Aprobado: a budget figure, not an execution of the contract
      const measurePath = `${path}.implementation.budgetBreakdown[${b}].${spelling}[${chosen}].${measureSpelling}[${m}]`;
      const value = asObject(measure.value) ?? {};
      const transaction = new Transaction();
      transaction.id = `${contract.id}/${key}/${name}`;
      transaction.contractId = contract.id;
      transaction.programId = programOf(key);
      transaction.date = null;
      transaction.moment = moment;
      transaction.amountValue = reader.amount(value.amount, `${measurePath}.value.amount`);
      transaction.currency = transaction.amountValue === null ? null : (asText(value.currency) ?? 'MXN');
      transaction.payer = contract.buyerAsPublished;
      transaction.payee = contract.suppliers.length === 1 ? contract.suppliers[0] : null;
      transaction.source = sourceAt(OCDS_DATASETS.federal, reader.file, { path: measurePath });
      transactions.push(transaction);
    });
  });
  return transactions;
}

/** INAI implementation transactions: payments with date, amount, payer and payee. */
function payments(contract: Contract, entries: unknown[], path: string, reader: JsonReader, programId: string | null): Transaction[] {
  return entries.map((entry, t) => {
    const raw = asObject(entry) ?? {};
    const transactionPath = `${path}.implementation.transactions[${t}]`;
    const value = asObject(raw.value) ?? {};
    const transaction = new Transaction();
    transaction.id = `${contract.id}/${asText(raw.id) ?? t}`;
    transaction.contractId = contract.id;
    transaction.programId = programId;
    transaction.date = reader.date(raw.date, `${transactionPath}.date`);
    transaction.moment = SpendingMoment.PAID;
    transaction.amountValue = reader.amount(value.amount, `${transactionPath}.value.amount`);
    transaction.currency = transaction.amountValue === null ? null : (asText(value.currency) ?? 'MXN');
    transaction.payer = party(raw.payer);
    transaction.payee = party(raw.payee);
    transaction.source = sourceAt(OCDS_DATASETS.inai, reader.file, { path: transactionPath });
    return transaction;
  });
}

function party(value: unknown): ContractParty | null {
  const raw = asObject(value);
  if (!raw) return null;
  const id = asText(raw.id);
  const name = asText(raw.name);
  return id === null && name === null ? null : { id, name };
}

/** The one party with a role, when there is exactly one (a record's contracts may omit `buyers`). */
function soleParty(root: JsonObject, role: string): ContractParty | null {
  const matching = asArray(root.parties).filter((p) => asArray(asObject(p)?.roles).includes(role));
  return matching.length === 1 ? party(matching[0]) : null;
}

function yearOf(date: string | null): number | null {
  return date === null ? null : Number(date.slice(0, 4));
}

function duplicates(items: (Contract | Transaction)[]): ImportProblem[] {
  const seen = new Map<string, Contract | Transaction>();
  const problems: ImportProblem[] = [];
  for (const item of items) {
    const first = seen.get(item.id);
    if (first) {
      problems.push({
        file: item.source.file,
        path: item.source.path ?? undefined,
        field: 'id',
        value: item.id,
        reason: `repeats the id of ${first.source.file} ${first.source.path}`,
      });
    } else seen.set(item.id, item);
  }
  return problems;
}

/** Writes parsed contracts, their program links and transactions inside the caller's transaction. */
export async function writeOcds(manager: EntityManager, parsed: ParsedOcds): Promise<void> {
  await upsertAll(manager, Contract, parsed.contracts);
  await upsertAll(manager, ContractProgram, parsed.links);
  await upsertAll(manager, Transaction, parsed.transactions);
}

/** Validates every file first; only a clean set is written, in one transaction. */
export async function loadOcdsFiles(dataSource: DataSource, inputs: OcdsFileInput[]): Promise<ParsedOcds> {
  const parsed = parseOcdsFiles(inputs);
  rejectIfProblems(parsed.problems);
  await inTransaction(dataSource, (manager) => writeOcds(manager, parsed));
  return parsed;
}
