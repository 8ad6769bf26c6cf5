import { sourceAt } from '../../../kit/provenance';
import type { ImportProblem } from '../../../kit/import/problems';
import { asArray, asObject, asText, either, JsonReader, type JsonObject } from '../../../kit/import/json';
import { budgetProgramId, ramoId, unitId } from '../../../kit/ids';
import { ContractProgram } from '../../entities/contract-program.entity';
import { procedureKindOfOcds } from '../../entities/procedure-kind.enums';
import { Contract } from '../../entities/contract.entity';
import { SpendingMoment } from '../../../kit/spending';
import { Transaction } from '../../entities/transaction.entity';
import type { ContractParty } from '../../entities/values.object';
import type { RedFlagThresholds } from '../../../../common/config/red-flags';
import { type ContractFacts, withRedFlags } from '../shared/red-flags.rules';
import type { CompiledRelease, Located } from './merge';

/**
 * Reads one contracting process, from its compiled release, into contracts, their program links and transactions.
 * Every value read names the release (file and JSON path) that supplied it.
 */
const PROGRAM_KEY = /^\d{2}[A-Z]\d{3}$/;
const CPA = 'MX-CPA';

const MOMENTS: Record<string, SpendingMoment> = {
  comprometido: SpendingMoment.COMMITTED,
  devengado: SpendingMoment.ACCRUED,
  ejercido: SpendingMoment.EXERCISED,
  pagado: SpendingMoment.PAID,
};

/** What parsing OCDS files yields (nothing is written yet); the process reader fills it. */
export interface ParsedOcds {
  contracts: Contract[];
  links: ContractProgram[];
  transactions: Transaction[];
  /** The red-flag thresholds the contracts' flag columns were set with; REPEATED_DIRECT_AWARD is computed when writing. */
  thresholds: RedFlagThresholds;
  /** Every problem; `rowProblems` are those of single contracts, which are left out of `contracts`. */
  problems: ImportProblem[];
  rowProblems: ImportProblem[];
  /** The dataset ids the processes were attributed to. */
  datasets: string[];
  /** What the load did that the user should know, e.g. releases set aside for a record's compiledRelease. */
  notes: string[];
}

export function budgetOf(release: JsonObject): JsonObject {
  return asObject(asObject(release.planning)?.budget) ?? {};
}

/** INAI's budget extension states ramo (44) and program (`E002`) in planning.budget: together the key `44E002`. */
export function ramoProgram(budget: JsonObject): { ramo: string; key: string } | null {
  const ramo = asText(budget.ramo);
  const program = asText(budget.programa_presupuestario);
  return ramo && program ? { ramo: ramo.padStart(2, '0'), key: `${ramo.padStart(2, '0')}${program}` } : null;
}

/** The place of the object holding `key`: `…contracts[0].value` → `…contracts[0]`. */
function up(at: Located, key: string): Located {
  const suffix = `.${key}`;
  return at.path.endsWith(suffix) ? { file: at.file, path: at.path.slice(0, -suffix.length) } : at;
}

export class ProcessReader {
  private readonly root: JsonObject;
  private readonly ocid: string;
  private rowProblems: ImportProblem[] = [];

  constructor(
    private readonly view: CompiledRelease,
    private readonly dataset: string,
    private readonly fileProblems: ImportProblem[],
    private readonly into: ParsedOcds,
  ) {
    this.root = view.release;
    this.ocid = String(this.root.ocid).trim();
  }

  read(): void {
    const budget = budgetOf(this.root);
    const stated = ramoProgram(budget);
    // Keys read once per process, so a bad planned key is one problem of the file, not one per contract.
    const plannedKeys = this.programKeys(asArray(budget.budgetBreakdown), this.fileProblems);
    const budgetYear = typeof budget.anio === 'number' ? budget.anio : null;
    const contracts = asArray(this.root.contracts);
    contracts.forEach((entry, index) => {
      this.rowProblems = [];
      const read = this.contract(entry, index, contracts, { stated, plannedKeys, budgetYear });
      this.into.rowProblems.push(...this.rowProblems);
      if (read && this.rowProblems.length === 0) {
        withRedFlags(read.contract, read.facts, this.into.thresholds);
        this.into.contracts.push(read.contract);
        this.into.links.push(...read.links);
        this.into.transactions.push(...read.transactions);
      }
    });
  }

  private reader(file: string, problems: ImportProblem[] = this.rowProblems): JsonReader {
    return new JsonReader(file, problems);
  }

  private amount(value: JsonObject) {
    const at = this.view.whereField(value, 'amount');
    return this.reader(at.file).amount(value.amount, at.path);
  }

  private date(node: JsonObject, key: string) {
    const at = this.view.whereField(node, key);
    return this.reader(at.file).date(node[key], at.path);
  }

  /** budgetBreakdown ids as program keys; an id that is not a key like 20P002 is a problem, never guessed at. */
  private programKeys(breakdown: unknown[], problems: ImportProblem[]): string[] {
    const keys: string[] = [];
    for (const item of breakdown) {
      const entry = asObject(item);
      if (!entry) continue;
      const key = asText(entry.id);
      if (key === null || !PROGRAM_KEY.test(key)) {
        const at = this.view.whereField(entry, 'id');
        this.reader(at.file, problems).problem(at.path, 'id', key ?? undefined, 'is not a budget program key like 20P002');
      } else if (!keys.includes(key)) keys.push(key);
    }
    return keys;
  }

  private contract(
    entry: unknown,
    index: number,
    list: unknown[],
    process: { stated: { ramo: string; key: string } | null; plannedKeys: string[]; budgetYear: number | null },
  ): { contract: Contract; links: ContractProgram[]; transactions: Transaction[]; facts: ContractFacts } | null {
    const raw = asObject(entry);
    if (!raw) {
      const at = this.view.where(list);
      this.reader(at.file).problem(`${at.path}[${index}]`, 'contracts', entry, 'is not an object');
      return null;
    }
    const contract = new Contract();
    contract.id = `${this.ocid}/${asText(raw.id) ?? index}`;
    contract.ocid = this.ocid;
    contract.procedureNumber = null;
    contract.procedureType = null;
    contract.procedureKind = procedureKindOfOcds(asText(asObject(this.root.tender)?.procurementMethod));
    contract.status = null;
    contract.title = asText(raw.title);
    contract.description = asText(raw.description);
    const buyer = party(asArray(raw.buyers)[0]) ?? party(this.root.buyer) ?? this.soleParty('buyer');
    contract.buyerAsPublished = buyer;
    contract.buyerId = this.institutionOf(buyer) ?? (process.stated ? ramoId(process.stated.ramo) : null);
    contract.suppliers = this.suppliersOf(raw);

    const valueKey = asObject(raw.value) ? 'value' : asObject(raw.valueWithTax) ? 'valueWithTax' : null;
    const value = valueKey ? asObject(raw[valueKey]) : null;
    contract.valueAmount = value ? this.amount(value) : null;
    contract.valueCurrency = contract.valueAmount === null ? null : (asText(value?.currency) ?? 'MXN');
    contract.signedOn = this.date(raw, 'dateSigned');
    const period = asObject(raw.period);
    const periodStart = period ? this.date(period, 'startDate') : null;
    contract.startsOn = periodStart;
    const year = process.budgetYear ?? yearOf(periodStart) ?? yearOf(contract.signedOn);
    contract.fiscalYear = year;

    const implementation = asObject(raw.implementation) ?? {};
    const breakdown = asArray(implementation.budgetBreakdown);
    const ownKeys = this.programKeys(breakdown, this.rowProblems);
    contract.programKeys = process.stated ? [process.stated.key] : ownKeys.length > 0 ? ownKeys : process.plannedKeys;
    contract.source = sourceAt(this.dataset, ...this.placeOf(raw, value, valueKey));

    const programOf = (key: string | null) => (year !== null && key !== null && PROGRAM_KEY.test(key) ? budgetProgramId(year, key) : null);
    const links =
      year === null
        ? []
        : contract.programKeys.map((key) => {
            const link = new ContractProgram();
            link.contractId = contract.id;
            link.programId = budgetProgramId(year, key);
            link.id = `${link.contractId}|${link.programId}`;
            return link;
          });
    // A contract charged to one program pays from it; with several, which payment came from which is not stated.
    const paymentProgram = contract.programKeys.length === 1 ? programOf(contract.programKeys[0]) : null;
    const transactions = [
      ...this.budgetMeasures(contract, breakdown, programOf),
      ...this.payments(contract, asArray(implementation.transactions), paymentProgram),
    ];
    return { contract, links, transactions, facts: this.facts(contract, raw) };
  }

  /**
   * What the red flags read: the tender's method, period and bidders, and the contract's amendments (OCDS 1.1
   * `amendments`, or OCDS 1.0's single `amendment`). A contract with neither states nothing about amendments: unknown.
   */
  private facts(contract: Contract, raw: JsonObject): ContractFacts {
    const tender = asObject(this.root.tender) ?? {};
    const period = asObject(tender.tenderPeriod);
    const amendments = Array.isArray(raw.amendments) ? raw.amendments.length : asObject(raw.amendment) ? 1 : null;
    return {
      kind: contract.procedureKind,
      international: null,
      publishedOn: period ? this.date(period, 'startDate') : null,
      opensOn: period ? this.date(period, 'endDate') : null,
      tenderers: this.tenderers(tender),
      startsOn: contract.startsOn,
      signedOn: contract.signedOn,
      amendments,
    };
  }

  /** `numberOfTenderers` when stated, else the length of a stated `tenderers` list; a count that is not a whole number is a problem. */
  private tenderers(tender: JsonObject): number | null {
    const stated = tender.numberOfTenderers;
    if (stated !== undefined && stated !== null) {
      if (typeof stated === 'number' && Number.isInteger(stated) && stated >= 0) return stated;
      const at = this.view.whereField(tender, 'numberOfTenderers');
      this.reader(at.file).problem(at.path, 'numberOfTenderers', stated, 'is not a whole number of tenderers');
      return null;
    }
    return Array.isArray(tender.tenderers) ? tender.tenderers.length : null;
  }

  /** The object (a contract, a transaction) in the release that supplied its amount, else where it was last written. */
  private placeOf(node: JsonObject, value: JsonObject | null, valueKey: string | null): [string, { path: string }] {
    const at =
      value && valueKey && value.amount !== undefined && value.amount !== null
        ? up(this.view.where(value), valueKey)
        : this.view.where(node);
    return [at.file, { path: at.path }];
  }

  /** `MX-CPA-<code>` when the buyer's party is identified in the MX-CPA scheme (a federal responsible unit). */
  private institutionOf(buyer: ContractParty | null): string | null {
    if (!buyer?.id) return null;
    const entry = asArray(this.root.parties)
      .map(asObject)
      .find((candidate) => candidate !== null && asText(candidate.id) === buyer.id);
    const identifier = asObject(entry?.identifier);
    const code = asText(identifier?.id);
    return identifier?.scheme === CPA && code ? unitId(code) : null;
  }

  /** The contract's own suppliers, else those of the award it names (`awardID`), as OCDS 1.0 publishers state them. */
  private suppliersOf(raw: JsonObject): ContractParty[] {
    const own = asArray(raw.suppliers);
    const awardId = asText(raw.awardID);
    const award =
      awardId === null
        ? null
        : asArray(this.root.awards)
            .map(asObject)
            .find((candidate) => candidate !== null && asText(candidate.id) === awardId);
    return (own.length > 0 ? own : asArray(award?.suppliers)).map(party).filter((p): p is ContractParty => p !== null);
  }

  /** The one party with a role, when there is exactly one (a record's contracts may omit `buyers`). */
  private soleParty(role: string): ContractParty | null {
    const matching = asArray(this.root.parties).filter((p) => asArray(asObject(p)?.roles).includes(role));
    return matching.length === 1 ? party(matching[0]) : null;
  }

  /** Federal measures (Comprometido…Pagado) of the first classification level: one transaction per measure. */
  private budgetMeasures(contract: Contract, breakdown: unknown[], programOf: (key: string | null) => string | null): Transaction[] {
    const transactions: Transaction[] = [];
    for (const item of breakdown) {
      const entry = asObject(item) ?? {};
      const key = asText(entry.id);
      const classifications = asArray(either(entry, 'budgetClassification', 'budgetclassifications'));
      const level = classifications.findIndex((c) => (asObject(c)?.levelId ?? asObject(c)?.level) === 1);
      const classification = asObject(classifications[Math.max(level, 0)]) ?? {};
      for (const measureEntry of asArray(either(classification, 'measures', 'Measures'))) {
        const measure = asObject(measureEntry) ?? {};
        const name = asText(measure.id);
        const moment = name ? MOMENTS[name.toLowerCase()] : undefined;
        if (!moment) continue; // e.g. Aprobado: a budget figure, not an execution of the contract
        const value = asObject(measure.value);
        const transaction = new Transaction();
        transaction.id = `${contract.id}/${key}/${name}`;
        transaction.contractId = contract.id;
        transaction.programId = programOf(key);
        transaction.date = null;
        transaction.moment = moment;
        transaction.amountValue = value ? this.amount(value) : null;
        transaction.currency = transaction.amountValue === null ? null : (asText(value?.currency) ?? 'MXN');
        transaction.payer = contract.buyerAsPublished;
        transaction.payee = contract.suppliers.length === 1 ? contract.suppliers[0] : null;
        transaction.source = sourceAt(this.dataset, ...this.placeOf(measure, value, 'value'));
        transactions.push(transaction);
      }
    }
    return transactions;
  }

  /**
   * Implementation transactions: payments with date, amount, payer and payee. OCDS 1.0 publishers (CDMX) write the
   * Value as `amount` and the parties as `providerOrganization` / `receiverOrganization`; ids are kept as published
   * (CDMX's are CLC numbers, *cuentas por liquidar certificadas*).
   */
  private payments(contract: Contract, entries: unknown[], programId: string | null): Transaction[] {
    return entries.map((entry, t) => {
      const raw = asObject(entry) ?? {};
      const valueKey = asObject(raw.value) ? 'value' : 'amount';
      const value = asObject(raw[valueKey]);
      const transaction = new Transaction();
      transaction.id = `${contract.id}/${asText(raw.id) ?? t}`;
      transaction.contractId = contract.id;
      transaction.programId = programId;
      transaction.date = this.date(raw, 'date');
      transaction.moment = SpendingMoment.PAID;
      transaction.amountValue = value ? this.amount(value) : null;
      transaction.currency = transaction.amountValue === null ? null : (asText(value?.currency) ?? 'MXN');
      transaction.payer = party(raw.payer) ?? party(raw.providerOrganization);
      transaction.payee = party(raw.payee) ?? party(raw.receiverOrganization);
      transaction.source = sourceAt(this.dataset, ...this.placeOf(raw, value, valueKey));
      return transaction;
    });
  }
}

/** A party reference or an OCDS 1.0 organization identifier (`legalName`). */
function party(value: unknown): ContractParty | null {
  const raw = asObject(value);
  if (!raw) return null;
  const id = asText(raw.id);
  const name = asText(raw.name) ?? asText(raw.legalName);
  return id === null && name === null ? null : { id, name };
}

function yearOf(date: string | null): number | null {
  return date === null ? null : Number(date.slice(0, 4));
}
