import path from 'node:path';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { collectProblems, ImportError, type ImportProblem } from '../../kit/import/problems';
import { inTransaction } from '../../kit/import/load-transaction';
import { isIsoDate } from '../../kit/import/row-reader';
import { textChunks } from '../../kit/import/text-file';
import { upsertAll } from '../../kit/import/bulk-write';
import { sourceAt } from '../../kit/provenance';
import { ContractProgram } from '../entities/contract-program.entity';
import { writeContractSuppliers } from './shared/contract-suppliers';
import { procedureKindOfCompraNet } from '../entities/procedure-kind.enums';
import { Contract } from '../entities/contract.entity';
import { csvRecords, type CsvRecord } from '../../kit/import/csv-records';
import { exactAmount } from './compranet/exact-amount';
import { compareWithStored, summarize, type ImportSummary } from '../../kit/import/import-summary';
import { budgetProgramId, responsibleUnitId } from '../../kit/ids';
import { DEFAULT_RED_FLAG_THRESHOLDS, type RedFlagThresholds } from '../../../common/config/red-flags';
import { type ContractFacts, withRedFlags } from './shared/red-flags.rules';
import { decideRepeatedDirectAwards } from './shared/red-flags.write';

/**
 * The 45 columns of the SFP's CompraNet contracts file, in the order of its dictionary (data/compranet/diccionario.xlsx,
 * section "4. Variables"). The 2018 file states them in a header row. The 2017 file has no header row and the same
 * 45 columns in the same order: checked value by value against the dictionary's ranges and the 2018 file (GOBIERNO is
 * APF/GE/GM, CODIGO_CONTRATO a unique number, IMPORTE_CONTRATO a decimal amount, MONEDA an ISO 4217 code, RAMO two
 * digits, CLAVE_PROGRAMA like `23U132-…`, ANUNCIO a CompraNet URL); every one of its records has 45 fields.
 */
export const COMPRANET_COLUMNS = [
  'GOBIERNO',
  'SIGLAS',
  'DEPENDENCIA',
  'CLAVEUC',
  'NOMBRE_DE_LA_UC',
  'RESPONSABLE',
  'CODIGO_EXPEDIENTE',
  'TITULO_EXPEDIENTE',
  'PLANTILLA_EXPEDIENTE',
  'NUMERO_PROCEDIMIENTO',
  'EXP_F_FALLO',
  'PROC_F_PUBLICACION',
  'FECHA_APERTURA_PROPOSICIONES',
  'CARACTER',
  'TIPO_CONTRATACION',
  'TIPO_PROCEDIMIENTO',
  'FORMA_PROCEDIMIENTO',
  'CODIGO_CONTRATO',
  'TITULO_CONTRATO',
  'FECHA_INICIO',
  'FECHA_FIN',
  'IMPORTE_CONTRATO',
  'MONEDA',
  'ESTATUS_CONTRATO',
  'ARCHIVADO',
  'CONVENIO_MODIFICATORIO',
  'RAMO',
  'CLAVE_PROGRAMA',
  'APORTACION_FEDERAL',
  'FECHA_CELEBRACION',
  'CONTRATO_MARCO',
  'IDENTIFICADOR_CM',
  'COMPRA_CONSOLIDADA',
  'PLURIANUAL',
  'CLAVE_CARTERA_SHCP',
  'ESTRATIFICACION_MUC',
  'FOLIO_RUPC',
  'PROVEEDOR_CONTRATISTA',
  'ESTRATIFICACION_MPC',
  'SIGLAS_PAIS',
  'ESTATUS_EMPRESA',
  'CUENTA_ADMINISTRADA_POR',
  'C_EXTERNO',
  'ORGANISMO',
  'ANUNCIO',
] as const;

type Column = (typeof COMPRANET_COLUMNS)[number];

const isColumn = (name: string): name is Column => (COMPRANET_COLUMNS as readonly string[]).includes(name);

/** The columns this importer reads; a header row must name all of them (in any order and letter case). */
const REQUIRED: Column[] = [
  'GOBIERNO',
  'CLAVEUC',
  'NOMBRE_DE_LA_UC',
  'NUMERO_PROCEDIMIENTO',
  'TIPO_PROCEDIMIENTO',
  'CODIGO_CONTRATO',
  'TITULO_CONTRATO',
  'FECHA_INICIO',
  'IMPORTE_CONTRATO',
  'MONEDA',
  'ESTATUS_CONTRATO',
  'CLAVE_PROGRAMA',
  'FECHA_CELEBRACION',
  'FOLIO_RUPC',
  'PROVEEDOR_CONTRATISTA',
];

const GOVERNMENTS = ['APF', 'GE', 'GM'];

/** CLAVE_PROGRAMA starts with the budget program key: `16K007-P INFRA AGUA POT…` → `16K007`. */
const PROGRAM_KEY = /^(\d{2}[A-Z]\d{3})(?:-|$)/;

/**
 * A federal buying unit's CompraNet key: `0` + ramo (2 digits) + responsible unit (3 characters) + a sequence
 * (3 digits), e.g. `006HKA001` (ramo 06, unit HKA: SAE). Central units of a ministry use `000` for the unit.
 */
const FEDERAL_UNIT = /^0(\d{2})([0-9A-Z]{3})\d{3}$/;

export interface CompraNetFileInput {
  file: string;
  /** The year of the publication file, part of every contract id (`compranet-<year>/…`). */
  year: number;
  /** Dataset id in data/datasets.json, e.g. `compranet-2018-sample`. */
  dataset: string;
}

export interface ParsedCompraNet {
  /** One contract per readable record. */
  contracts: Contract[];
  links: ContractProgram[];
  /** The red-flag thresholds the contracts' flag columns were set with; REPEATED_DIRECT_AWARD is computed when writing. */
  thresholds: RedFlagThresholds;
  /** Problems that make a whole file unusable (unreadable, wrong header, duplicate contract codes). */
  fileProblems: ImportProblem[];
  /** Problems of single records; each such record is left out of `contracts`. */
  rowProblems: ImportProblem[];
  /** How many records were left out (a record may have several problems). */
  rejected: number;
}

type Layout = { kind: 'header'; index: Map<Column, number>; width: number } | { kind: 'dictionary' };

/** Parses CompraNet files (pure: nothing is written). Every record becomes a contract or a rejected row with reasons. */
export function parseCompraNetFiles(
  inputs: CompraNetFileInput[],
  thresholds: RedFlagThresholds = DEFAULT_RED_FLAG_THRESHOLDS,
): ParsedCompraNet {
  const parsed: ParsedCompraNet = { contracts: [], links: [], thresholds, fileProblems: [], rowProblems: [], rejected: 0 };
  for (const input of inputs) parseFile(input, parsed);
  return parsed;
}

/**
 * Reads one file as a stream of CSV records (the file's text is never held whole), each let go once parsed: what stays
 * is the contracts, which the red flags and the write need together.
 */
function parseFile(input: CompraNetFileInput, into: ParsedCompraNet): void {
  const file = path.basename(input.file);
  const fromFile: Read[] = [];
  const read = collectProblems(into.fileProblems, () => {
    let layout: Layout | null = null;
    let firstBroken: number | undefined;
    for (const record of csvRecords(textChunks(input.file, file))) {
      if (layout === null) {
        if ('reason' in record) {
          firstBroken ??= record.line;
          continue;
        }
        if (firstBroken !== undefined) {
          into.fileProblems.push({ file, row: firstBroken, reason: 'the first line is not a readable CSV record' });
          return false;
        }
        layout = detectLayout(file, record, into.fileProblems);
        if (layout === null) return false;
        if (layout.kind === 'header') continue;
      }
      if ('reason' in record) {
        into.rowProblems.push({
          file,
          row: record.line,
          reason: `not a readable CSV record: ${record.reason}; reading resumed on the next line`,
        });
        into.rejected += 1;
        continue;
      }
      const problems: ImportProblem[] = [];
      const parsed = parseRecord(input, file, layout, record, problems);
      if (problems.length > 0 || parsed === null) {
        into.rowProblems.push(...problems);
        into.rejected += 1;
      } else fromFile.push(parsed);
    }
    if (layout === null) into.fileProblems.push({ file, row: firstBroken, reason: 'the file has no CSV record' });
    return layout !== null;
  });
  if (!read) return;
  into.fileProblems.push(...duplicateCodes(fromFile.map((entry) => entry.contract)));
  for (const { contract, facts } of fromFile) {
    withRedFlags(contract, facts, into.thresholds);
    into.contracts.push(contract);
    into.links.push(...linksOf(contract));
  }
}

/**
 * A first line naming any dictionary column is a header (2018); a first line of 45 fields starting with a government
 * level is a record of the header-less dictionary layout (2017). Anything else cannot be read safely.
 */
function detectLayout(file: string, first: CsvRecord, problems: ImportProblem[]): Layout | null {
  const names = first.fields.map((field) => field.trim().toUpperCase());
  if (names.some(isColumn)) {
    const index = new Map<Column, number>();
    names.forEach((name, i) => {
      if (isColumn(name)) index.set(name, i);
    });
    const missing = REQUIRED.filter((column) => !index.has(column));
    for (const field of missing) problems.push({ file, row: first.line, field, reason: 'required column is missing from the header' });
    return missing.length > 0 ? null : { kind: 'header', index, width: first.fields.length };
  }
  if (first.fields.length === COMPRANET_COLUMNS.length && GOVERNMENTS.includes(first.fields[0].trim())) return { kind: 'dictionary' };
  problems.push({
    file,
    row: first.line,
    reason: `the first line is neither a CompraNet header row nor a record of the ${COMPRANET_COLUMNS.length}-column dictionary layout`,
  });
  return null;
}

interface Read {
  contract: Contract;
  facts: ContractFacts;
}

/** CompraNet's CARACTER: "Internacional" and "Internacional bajo TLC" (under a trade treaty) are international. */
const CHARACTERS: Record<string, boolean> = { nacional: false, internacional: true, 'internacional bajo tlc': true };

/** PROC_F_PUBLICACION and FECHA_APERTURA_PROPOSICIONES are stamped to the minute: `2017-08-11 18:34`. */
const STAMP = /^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/;

function parseRecord(input: CompraNetFileInput, file: string, layout: Layout, record: CsvRecord, problems: ImportProblem[]): Read | null {
  const width = layout.kind === 'header' ? layout.width : COMPRANET_COLUMNS.length;
  if (record.fields.length !== width) {
    problems.push({ file, row: record.line, reason: `has ${record.fields.length} fields where the layout has ${width}` });
    return null;
  }
  const at = (column: Column) => (layout.kind === 'header' ? layout.index.get(column) : COMPRANET_COLUMNS.indexOf(column));
  const text = (column: Column): string | null => {
    const position = at(column);
    const value = position === undefined ? '' : record.fields[position].trim();
    return value === '' ? null : value;
  };
  const problem = (field: Column, reason: string) => problems.push({ file, row: record.line, field, value: text(field) ?? '', reason });
  const required = (field: Column, pattern: RegExp, reason: string): string => {
    const value = text(field);
    if (value === null) problem(field, 'is required');
    else if (!pattern.test(value)) problem(field, reason);
    return value ?? '';
  };
  const date = (field: Column): string | null => {
    const value = text(field);
    if (value !== null && !isIsoDate(value)) problem(field, 'is not a date (YYYY-MM-DD)');
    return value;
  };

  const government = required('GOBIERNO', /^(APF|GE|GM)$/, 'is not a government level (APF, GE or GM)');
  const code = required('CODIGO_CONTRATO', /^\d+$/, 'is not a CompraNet contract code (digits)');
  const currency = required('MONEDA', /^[A-Z]{3}$/, 'is not an ISO 4217 currency code');
  const amountText = text('IMPORTE_CONTRATO');
  const amount = amountText === null ? null : exactAmount(amountText);
  if (amountText === null) problem('IMPORTE_CONTRATO', 'is required');
  else if (typeof amount === 'string') problem('IMPORTE_CONTRATO', amount);
  const startsOn = date('FECHA_INICIO');
  const signedOn = date('FECHA_CELEBRACION');
  const stamp = (field: Column): string | null => {
    const value = text(field);
    if (value === null) return null;
    const day = STAMP.exec(value)?.[1];
    if (day === undefined || !isIsoDate(day)) problem(field, 'is not a date and time (YYYY-MM-DD HH:MM)');
    return day ?? null;
  };
  const publishedOn = stamp('PROC_F_PUBLICACION');
  const opensOn = stamp('FECHA_APERTURA_PROPOSICIONES');
  const characterText = text('CARACTER');
  const international = characterText === null ? null : CHARACTERS[characterText.toLowerCase()];
  if (international === undefined) problem('CARACTER', 'is not a procedure character (Nacional, Internacional, Internacional bajo TLC)');
  const amendedText = text('CONVENIO_MODIFICATORIO');
  if (amendedText !== null && amendedText !== '0' && amendedText !== '1') problem('CONVENIO_MODIFICATORIO', 'is not 0 or 1');
  if (problems.length > 0 || typeof amount !== 'bigint') return null;

  const unitKey = text('CLAVEUC');
  const contract = new Contract();
  contract.id = `compranet-${input.year}/${code}`;
  contract.ocid = null;
  contract.procedureNumber = text('NUMERO_PROCEDIMIENTO');
  contract.procedureType = text('TIPO_PROCEDIMIENTO');
  contract.procedureKind = procedureKindOfCompraNet(contract.procedureType);
  contract.status = text('ESTATUS_CONTRATO');
  contract.title = text('TITULO_CONTRATO');
  contract.description = null;
  contract.buyerAsPublished = { id: unitKey, name: text('NOMBRE_DE_LA_UC') };
  contract.buyerId = government === 'APF' ? federalUnitId(unitKey) : null;
  const supplier = text('PROVEEDOR_CONTRATISTA');
  contract.suppliers = supplier === null ? [] : [{ id: text('FOLIO_RUPC'), name: supplier }];
  contract.valueAmount = amount;
  contract.valueCurrency = currency;
  contract.signedOn = signedOn;
  contract.startsOn = startsOn;
  const dated = startsOn ?? signedOn;
  contract.fiscalYear = dated === null ? null : Number(dated.slice(0, 4));
  const programKey = PROGRAM_KEY.exec(text('CLAVE_PROGRAMA') ?? '')?.[1];
  contract.programKeys = programKey ? [programKey] : [];
  contract.source = sourceAt(input.dataset, file, { row: record.line });
  const facts: ContractFacts = {
    kind: contract.procedureKind,
    international: international ?? null,
    publishedOn,
    opensOn,
    // CompraNet does not publish how many bids a procedure received.
    tenderers: null,
    startsOn,
    signedOn,
    amendments: amendedText === null ? null : Number(amendedText),
  };
  return { contract, facts };
}

/**
 * `MX-CPA-<ramo><unit>` from a federal buying unit's key, as the federation contract mints responsible units
 * (`019GYR008` → `MX-CPA-19GYR`). The ramo is CompraNet's: entities the PEF budgets in ramos 50–53 (IMSS, ISSSTE,
 * Pemex, CFE) buy under their sector's ramo (19, 18). A ministry's central units (`000`) and state or municipal buyers
 * name no federal responsible unit: their contracts keep only the buyer as published.
 */
export function federalUnitId(unitKey: string | null): string | null {
  const match = FEDERAL_UNIT.exec(unitKey ?? '');
  if (!match || match[2] === '000') return null;
  return responsibleUnitId(match[1], match[2]);
}

function linksOf(contract: Contract): ContractProgram[] {
  const year = contract.fiscalYear;
  if (year === null) return [];
  return contract.programKeys.map((key) => {
    const link = new ContractProgram();
    link.contractId = contract.id;
    link.programId = budgetProgramId(year, key);
    link.id = `${link.contractId}|${link.programId}`;
    return link;
  });
}

/** CompraNet assigns each contract one code; a code twice in a file makes the id ambiguous, so the file is refused. */
function duplicateCodes(contracts: Contract[]): ImportProblem[] {
  const seen = new Map<string, Contract>();
  const problems: ImportProblem[] = [];
  for (const contract of contracts) {
    const first = seen.get(contract.id);
    if (first) {
      problems.push({
        file: contract.source.file,
        row: contract.source.row ?? undefined,
        field: 'CODIGO_CONTRATO',
        value: contract.id.split('/')[1],
        reason: `repeats the contract code of line ${first.source.row}`,
      });
    } else seen.set(contract.id, contract);
  }
  return problems;
}

export interface CompraNetLoadOptions {
  /**
   * Load the readable records and leave out those with problems (counted as `rejected`; their problems are returned).
   * Off by default: any problem rejects the whole load. File-level problems always do.
   */
  skipRejectedRows?: boolean;
  /** The red-flag thresholds; the legal defaults when not given. */
  redFlags?: RedFlagThresholds;
}

export interface CompraNetLoad extends ImportSummary {
  /** The problems of the rows left out (empty unless `skipRejectedRows`). */
  problems: ImportProblem[];
}

/**
 * Validates every file first; then writes the contracts and their program links in one transaction. A contract whose
 * stored values changed gets its program links replaced, so a re-import never leaves a stale link behind.
 */
export async function loadCompraNetFiles(
  dataSource: DataSource,
  inputs: CompraNetFileInput[],
  options: CompraNetLoadOptions = {},
): Promise<CompraNetLoad> {
  const parsed = parseCompraNetFiles(inputs, options.redFlags);
  const fatal = options.skipRejectedRows ? parsed.fileProblems : [...parsed.fileProblems, ...parsed.rowProblems];
  if (fatal.length > 0) throw new ImportError(fatal);
  const summary = await inTransaction(dataSource, (manager) => writeCompraNet(manager, parsed));
  return { ...summary, problems: parsed.rowProblems };
}

/** Writes parsed contracts and their program links inside the caller's transaction; counts against the stored rows. */
export async function writeCompraNet(manager: EntityManager, parsed: ParsedCompraNet): Promise<ImportSummary> {
  await decideRepeatedDirectAwards(manager, parsed.contracts, parsed.thresholds);
  const changes = await compareWithStored(manager, Contract, parsed.contracts);
  const updatedIds = changes.updated.map((contract) => contract.id);
  for (let start = 0; start < updatedIds.length; start += 500) {
    await manager.delete(ContractProgram, { contractId: In(updatedIds.slice(start, start + 500)) });
  }
  await upsertAll(manager, Contract, parsed.contracts);
  await upsertAll(manager, ContractProgram, parsed.links);
  await writeContractSuppliers(manager, parsed.contracts);
  return summarize(changes, parsed.rejected);
}
