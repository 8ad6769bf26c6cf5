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
  compiled: SourcedRelease[];
  releases: SourcedRelease[];
  publisher: string | null;
}

/**
 * Parses OCDS files (pure: nothing is written). The releases of one ocid are merged across the files given; a
 * record's compiledRelease is used as published. Every problem names the file and the JSON path it is about.
 */
export function parseOcdsFiles(inputs: OcdsFileInput[], thresholds: RedFlagThresholds = DEFAULT_RED_FLAG_THRESHOLDS): ParsedOcds {
  const fileProblems: ImportProblem[] = [];
  const processes = new Map<string, Process>();
  for (const input of inputs) {
    const file = path.basename(input.file);
    const before = fileProblems.length;
    const document = readJson(input.file, file, fileProblems);
    if (fileProblems.length > before) continue;
    const read = readOcdsDocument(document, file, fileProblems);
    const add = (entry: SourcedRelease, kind: 'compiled' | 'releases') => {
      const ocid = String(entry.release.ocid).trim();
      const process = processes.get(ocid) ?? { ocid, compiled: [], releases: [], publisher: null };
      processes.set(ocid, process);
      process.publisher ??= read.publisher;
      process[kind].push(entry);
    };
    for (const entry of read.compiled) add(entry, 'compiled');
    for (const entry of read.releases) add(entry, 'releases');
  }

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
  for (const process of processes.values()) {
    const view = compiledView(process, fileProblems, result.notes);
    if (!view) continue;
    const dataset = datasetOf(process, view);
    if (dataset === null) {
      const at = view.whereField(view.release, 'ocid');
      fileProblems.push({
        file: at.file,
        path: at.path,
        field: 'ocid',
        value: process.ocid,
        reason:
          'has no registered OCDS prefix (`ocds-xxxxxx-`) and the publisher is not one the importer knows (federal, INAI, CDMX, Jalisco, GACM)',
      });
      continue;
    }
    if (!result.datasets.includes(dataset)) result.datasets.push(dataset);
    new ProcessReader(view, dataset, fileProblems, result).read();
  }
  fileProblems.push(...duplicates(result.contracts), ...duplicates(result.transactions));
  result.problems = [...fileProblems, ...result.rowProblems];
  return result;
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
