import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { duplicateIdProblems, type ImportProblem } from '../../kit/import/problems';
import { readCsvCollecting } from '../../kit/import/csv-file';
import { RowReader } from '../../kit/import/row-reader';
import { upsertAll } from '../../kit/import/bulk-write';
import { sourceAt } from '../../kit/provenance';
import { stateByName } from '../../kit/states';
import { ProgrammeFigureRow, ProgrammeMeasure } from '../entities/programme-figure.entity';

export const PROGRAMME_DATASET = 'inai-cocreacion-2017';
const COLUMNS = ['measure', 'as_of', 'reported_count', 'state', 'said'];
const MEASURES = new Set<string>(Object.values(ProgrammeMeasure));

export interface ParsedProgrammeFigures {
  figures: ProgrammeFigureRow[];
  problems: ImportProblem[];
}

/** cocreacion-2017.csv: one row per reported count (no state) or per state a list names (no count). */
export function parseProgrammeFigures(file: string, displayName = path.basename(file)): ParsedProgrammeFigures {
  const problems: ImportProblem[] = [];
  const figures: ProgrammeFigureRow[] = [];
  for (const row of readCsvCollecting(file, COLUMNS, problems, displayName)) {
    const read = new RowReader(displayName, row, problems);
    const problem = (field: string, reason: string) =>
      problems.push({ file: displayName, row: row.line, field, value: row.values[field], reason });
    const measure = read.text('measure');
    const asOf = read.text('as_of');
    const said = read.text('said');
    const count = read.optionalText('reported_count');
    const stateName = read.optionalText('state');
    if (measure && !MEASURES.has(measure)) problem('measure', `is not one of ${[...MEASURES].join(', ')}`);
    if (asOf && !/^\d{4}(-\d{2})?$/.test(asOf)) problem('as_of', 'must be a year or a year and month (YYYY or YYYY-MM)');
    if ((count === null) === (stateName === null))
      problem('reported_count', 'a row has either a reported count or a state, not both or neither');
    if (count !== null && !/^\d{1,6}$/.test(count)) problem('reported_count', 'must be a whole number');
    const state = stateName === null ? undefined : stateByName(stateName);
    if (stateName !== null && !state) problem('state', 'is not the name of a Mexican state');
    const figure = new ProgrammeFigureRow();
    figure.measure = measure as ProgrammeMeasure;
    figure.asOf = asOf;
    figure.said = said;
    figure.reportedCount = count === null ? null : Number(count);
    figure.stateId = state?.id ?? null;
    figure.id = state ? `${measure}:${state.id}` : measure;
    figure.source = sourceAt(PROGRAMME_DATASET, displayName, { row: row.line });
    figures.push(figure);
  }
  problems.push(
    ...duplicateIdProblems(
      displayName,
      figures,
      (figure) => figure.id,
      (figure) => figure.source.row ?? undefined,
    ),
  );
  return { figures, problems };
}

export async function writeProgrammeFigures(manager: EntityManager, parsed: ParsedProgrammeFigures): Promise<void> {
  await upsertAll(manager, ProgrammeFigureRow, parsed.figures, ['id']);
}
