import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { collectProblems, duplicateIdProblems, type ImportProblem } from '../../kit/import/problems';
import { readCsv, requireColumns, type CsvRow } from '../../kit/import/csv-file';
import { RowReader } from '../../kit/import/row-reader';
import { upsertAll } from '../../kit/import/bulk-write';
import { datasetCatalogue, sourceAt } from '../../kit/provenance';
import { stateById } from '../../kit/states';
import { budgetProgramId } from '../../kit/ids';
import { Allocation, AllocationBasis } from '../entities/allocation.entity';

export const ALLOCATION_COLUMNS = [
  'commitment_id',
  'fiscal_year',
  'program_key',
  'scope_state_id',
  'scope_municipality',
  'assigned',
  'basis',
  'dataset',
  'file',
  'row',
  'note',
];

const COMMITMENT_ID = /^MX-[A-Z]{3}-PAL-\d{4}-(\d{2}|P\d+)$/;
const PROGRAM_KEY = /^\d{2}[A-Z]\d{3}$/;

export interface ParsedAllocations {
  allocations: Allocation[];
  problems: ImportProblem[];
}

/**
 * Parses the commitment ↔ program links (pure). Each row names where the link is stated (dataset, file, row);
 * a row without a file is its own source (the illustrative layer).
 */
export function parseAllocations(file: string): ParsedAllocations {
  const problems: ImportProblem[] = [];
  const name = path.basename(file);
  const rows = collectProblems(problems, () => {
    const read = readCsv(file, name);
    requireColumns(name, read, ALLOCATION_COLUMNS);
    return read;
  });
  const parsed = (rows ?? []).map((row) => ({ line: row.line, allocation: parseAllocation(name, row, problems) }));
  problems.push(
    ...duplicateIdProblems(
      name,
      parsed,
      (p) => p.allocation.id,
      (p) => p.line,
    ),
  );
  return { allocations: parsed.map((p) => p.allocation), problems };
}

function parseAllocation(file: string, row: CsvRow, problems: ImportProblem[]): Allocation {
  const read = new RowReader(file, row, problems);
  const reject = (field: string, reason: string) => problems.push({ file, row: row.line, field, value: row.values[field], reason });

  const commitmentId = read.text('commitment_id');
  if (commitmentId && !COMMITMENT_ID.test(commitmentId)) reject('commitment_id', 'is not a commitment id like MX-TLA-PAL-2016-03');
  const fiscalYear = read.integer('fiscal_year');
  const programKey = read.text('program_key');
  if (programKey && !PROGRAM_KEY.test(programKey)) reject('program_key', 'is not a program key like 33I005');
  const stateCode = read.optionalText('scope_state_id');
  const state = stateCode === null ? undefined : stateById(stateCode);
  if (stateCode !== null && (!state || !/^\d{1,2}$/.test(stateCode))) reject('scope_state_id', 'is not an INEGI state code 01–32');
  const municipality = read.optionalText('scope_municipality');
  if (municipality !== null && stateCode === null) reject('scope_municipality', 'needs the state it lies in (scope_state_id)');
  const basis = read.text('basis') as AllocationBasis;
  if (basis && !Object.values(AllocationBasis).includes(basis))
    reject('basis', `is not one of ${Object.values(AllocationBasis).join(', ')}`);
  const dataset = read.text('dataset');
  if (dataset && !datasetCatalogue()[dataset]) reject('dataset', 'is not a dataset id of data/datasets.json');
  const sourceFile = read.optionalText('file');
  const sourceRow = read.optionalText('row');
  if (sourceRow !== null && !/^\d+$/.test(sourceRow)) reject('row', 'is not a line number');

  const allocation = new Allocation();
  allocation.commitmentId = commitmentId;
  allocation.fiscalYear = fiscalYear;
  allocation.programKey = programKey;
  allocation.programId = budgetProgramId(fiscalYear, programKey);
  allocation.stateId = state?.id ?? null;
  allocation.municipality = municipality;
  allocation.assigned = read.optionalMoney('assigned');
  allocation.basis = basis;
  allocation.note = read.optionalText('note');
  allocation.source =
    sourceFile === null
      ? sourceAt(dataset, file, { row: row.line })
      : sourceAt(dataset, sourceFile, { row: sourceRow === null ? undefined : Number(sourceRow) });
  allocation.id = `${commitmentId}/${allocation.programId}@${allocation.stateId ?? 'MX'}${municipality ? `/${municipality}` : ''}`;
  return allocation;
}

export async function writeAllocations(manager: EntityManager, parsed: ParsedAllocations): Promise<void> {
  await upsertAll(manager, Allocation, parsed.allocations);
}
