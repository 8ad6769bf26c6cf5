import { writeContractSuppliers } from './shared/contract-suppliers';
import { DEFAULT_RED_FLAG_THRESHOLDS, type RedFlagThresholds } from '../../../common/config/red-flags';
import { decideRepeatedDirectAwards } from './shared/red-flags.write';
import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { upsertAll } from '../../kit/import/bulk-write';
import { type ImportProblem } from '../../kit/import/problems';
import { ContractProgram } from '../entities/contract-program.entity';
import { Contract } from '../entities/contract.entity';
import { Transaction } from '../entities/transaction.entity';
import { readJson, type JsonObject } from '../../kit/import/json';
import { readText } from '../../kit/import/text-file';
import { readOcdsDocument } from './ocds/containers';
import { compileReleases, type CompiledRelease, type SourcedRelease } from './ocds/merge';
import { budgetOf, ProcessReader, ramoProgram, type ParsedOcds } from './ocds/process.reader';

export interface OcdsFileInput {
  file: string;
}

/**
 * The publishers whose data the project describes (data/datasets.json), told apart by what their files state. INAI's
 * releases have no registered ocid prefix but carry its budget extension (planning.budget.ramo and programa); the
 * airport group's records have bare numbers as ocids and name the group as publisher.
 */
const PUBLISHERS: { dataset: string; matches: (ocid: string, release: JsonObject, publisher: string | null) => boolean }[] = [
  { dataset: 'ocds-mx-inai', matches: (_, release) => ramoProgram(budgetOf(release)) !== null },
  { dataset: 'ocds-mx-federal', matches: (ocid) => ocid.startsWith('ocds-07smqs-') },
  { dataset: 'ocds-mx-cdmx', matches: (ocid) => ocid.startsWith('ocds-87sd3t-') },
  { dataset: 'ocds-mx-jalisco', matches: (ocid) => ocid.startsWith('ocds-xs1qbl-') },
  { dataset: 'ocds-mx-gacm', matches: (_, __, publisher) => publisher === 'GACM' },
];

/** Any other publisher's data is read the same way under `ocds-<prefix>`, the ocid's registered prefix. */
const OCID_PREFIX = /^ocds-[a-z0-9]{6}(?=-)/;

interface Process {
  ocid: string;
  /** Its place among the processes, by the first file naming it. */
  order: number;
  compiled: SourcedRelease[];
  releases: SourcedRelease[];
  publisher: string | null;
}

/** What one process contributed, kept in the order the processes first appear so the result reads as one pass would. */
interface ProcessOutput {
  problems: ImportProblem[];
  parsed: ParsedOcds;
  notes: string[];
  dataset: string | null;
}

/**
 * Parses OCDS files (pure: nothing is written). The releases of one ocid are merged across the files given; a
 * record's compiledRelease is used as published. Every problem names the file and the JSON path it is about.
 *
 * A parsed file weighs about 13 times its text, so a process is read and its releases let go as soon as the last
 * file naming its ocid has been parsed (known from a first pass over the files), rather than after every file: memory
 * then holds the rows read and the processes still open, not every file's tree.
 */
export function parseOcdsFiles(inputs: OcdsFileInput[], thresholds: RedFlagThresholds = DEFAULT_RED_FLAG_THRESHOLDS): ParsedOcds {
  const readProblems: ImportProblem[] = [];
  const lastFiles = lastFileOfEachOcid(inputs);
  const processes = new Map<string, Process>();
  const outputs: ProcessOutput[] = [];
  const finish = (process: Process) => {
    processes.delete(process.ocid);
    outputs[process.order] = readProcess(process, thresholds);
  };
  let order = 0;
  for (const [index, input] of inputs.entries()) {
    const file = path.basename(input.file);
    const before = readProblems.length;
    const document = readJson(input.file, file, readProblems);
    if (readProblems.length > before) continue;
    const read = readOcdsDocument(document, file, readProblems);
    const add = (entry: SourcedRelease, kind: 'compiled' | 'releases') => {
      const ocid = String(entry.release.ocid).trim();
      let process = processes.get(ocid);
      if (!process) {
        process = { ocid, order: order++, compiled: [], releases: [], publisher: null };
        processes.set(ocid, process);
      }
      process.publisher ??= read.publisher;
      process[kind].push(entry);
    };
    for (const entry of read.compiled) add(entry, 'compiled');
    for (const entry of read.releases) add(entry, 'releases');
    if (lastFiles === null) continue;
    for (const entry of [...read.compiled, ...read.releases]) {
      const process = processes.get(String(entry.release.ocid).trim());
      if (process && lastFiles.get(process.ocid) === index) finish(process);
    }
  }
  for (const process of processes.values()) finish(process);

  const result: ParsedOcds = {
    contracts: [],
    links: [],
    transactions: [],
    thresholds,
    problems: [],
    rowProblems: [],
    datasets: [],
    notes: [],
  };
  const fileProblems = readProblems;
  for (const output of outputs) {
    fileProblems.push(...output.problems);
    result.notes.push(...output.notes);
    if (output.dataset !== null && !result.datasets.includes(output.dataset)) result.datasets.push(output.dataset);
    const { parsed } = output;
    for (const contract of parsed.contracts) result.contracts.push(contract);
    for (const link of parsed.links) result.links.push(link);
    for (const transaction of parsed.transactions) result.transactions.push(transaction);
    for (const problem of parsed.rowProblems) result.rowProblems.push(problem);
  }
  fileProblems.push(...duplicates(result.contracts), ...duplicates(result.transactions));
  result.problems = [...fileProblems, ...result.rowProblems];
  return result;
}

/**
 * The index of the last input that names each ocid, from a quick first reading (the engine's JSON.parse; the ocids are
 * text). Null when a file cannot be read that way: then every process waits for the last file, as the second reading
 * reports the file's problem.
 */
function lastFileOfEachOcid(inputs: OcdsFileInput[]): Map<string, number> | null {
  const last = new Map<string, number>();
  for (const [index, input] of inputs.entries()) {
    let document: unknown;
    try {
      document = JSON.parse(readText(input.file).text);
    } catch {
      return null;
    }
    const read = readOcdsDocument(document, input.file, []);
    for (const entry of [...read.compiled, ...read.releases]) last.set(String(entry.release.ocid).trim(), index);
  }
  return last;
}

/** The contracts, links and transactions of one process, and its problems, apart from every other process's. */
function readProcess(process: Process, thresholds: RedFlagThresholds): ProcessOutput {
  const problems: ImportProblem[] = [];
  const notes: string[] = [];
  const parsed: ParsedOcds = { contracts: [], links: [], transactions: [], thresholds, problems: [], rowProblems: [], datasets: [], notes };
  const output: ProcessOutput = { problems, parsed, notes, dataset: null };
  const view = compiledView(process, problems, notes);
  if (!view) return output;
  const dataset = datasetOf(process, view);
  if (dataset === null) {
    const at = view.whereField(view.release, 'ocid');
    problems.push({
      file: at.file,
      path: at.path,
      field: 'ocid',
      value: process.ocid,
      reason:
        'has no registered OCDS prefix (`ocds-xxxxxx-`) and the publisher is not one the importer knows (federal, INAI, CDMX, Jalisco, GACM)',
    });
    return output;
  }
  output.dataset = dataset;
  new ProcessReader(view, dataset, problems, parsed).read();
  return output;
}

/** One compiled release per ocid: the record's when a record is given, else the merge of every release given. */
function compiledView(process: Process, problems: ImportProblem[], notes: string[]): CompiledRelease | null {
  const [record, ...others] = process.compiled;
  for (const other of others) {
    problems.push({
      file: other.file,
      path: `${other.path}.ocid`,
      field: 'ocid',
      value: process.ocid,
      reason: `repeats the record of ${record.file} ${record.path}: give one record per process`,
    });
  }
  if (others.length > 0) return null;
  if (record && process.releases.length > 0) {
    const files = [...new Set(process.releases.map((release) => release.file))];
    notes.push(
      `${process.ocid}: the compiledRelease of ${record.file} is used; the ${process.releases.length} release(s) of ${files.join(', ')} are left aside`,
    );
  }
  const view = compileReleases(record ? [record] : process.releases);
  // A party listed once per role under one id is common and harmless: only its identifier is read. Any other repeated
  // id makes the process ambiguous (which contract or payment is meant?), so none of it is read.
  const ambiguous = view.repeatedIds.filter((repeated) => !/\.parties\[\d+\]$/.test(repeated.path));
  for (const repeated of ambiguous) {
    problems.push({
      file: repeated.file,
      path: repeated.path,
      field: 'id',
      value: repeated.id,
      reason: `repeats the id of ${repeated.first} in the same release`,
    });
  }
  return ambiguous.length > 0 ? null : view;
}

function datasetOf(process: Process, view: CompiledRelease): string | null {
  const ocid = process.ocid.toLowerCase();
  const known = PUBLISHERS.find((publisher) => publisher.matches(ocid, view.release, process.publisher));
  return known?.dataset ?? OCID_PREFIX.exec(ocid)?.[0] ?? null;
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
  await decideRepeatedDirectAwards(manager, parsed.contracts, parsed.thresholds);
  await upsertAll(manager, Contract, parsed.contracts);
  await upsertAll(manager, ContractProgram, parsed.links);
  await upsertAll(manager, Transaction, parsed.transactions);
  await writeContractSuppliers(manager, parsed.contracts);
}
