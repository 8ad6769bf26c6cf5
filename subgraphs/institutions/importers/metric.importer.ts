import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { duplicateIdProblems, type ImportProblem } from '../../kit/import/problems';
import { readCsvCollecting, type CsvRow } from '../../kit/import/csv-file';
import { upsertAll } from '../../kit/import/bulk-write';
import { sourceAt } from '../../kit/provenance';
import { stateByName } from '../../kit/states';
import { OpenGovernmentScore } from '../entities/open-government-score.entity';
import type { Parsed } from './shared/institution-fields';

export const METRIC_DATASET = 'metrica-gobierno-abierto-2017';

/** Columns A, B and C of the file are, per its dictionary, the 2017 index and its two sub-indices. */
const METRIC_YEAR = 2017;
const INDEX = 'a';
const TRANSPARENCY = 'b';
const PARTICIPATION = 'c';
export const STATE = 'estado';
/** The file's name for the country-wide row. */
export const NATIONAL = 'nacional';

export interface ParsedMetric extends Parsed {
  scores: OpenGovernmentScore[];
}

/** A score is a ratio the metric defines on [0, 1]; anything else is a typo or a shifted column. */
function ratio(file: string, row: CsvRow, field: string, problems: ImportProblem[]): number {
  const value = row.values[field] ?? '';
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) > 1) {
    problems.push({ file, row: row.line, field, value, reason: 'is not a score between 0 and 1' });
  }
  return Number(value);
}

/** indicadores_estatales_datos.csv (Latin-1): one row per state of the programme plus "Nacional". */
export function parseMetric(file: string, displayName = path.basename(file)): ParsedMetric {
  const problems: ImportProblem[] = [];
  const rows = readCsvCollecting(file, [STATE, INDEX, TRANSPARENCY, PARTICIPATION], problems, displayName);
  const scores: OpenGovernmentScore[] = [];
  for (const row of rows) {
    // The export ends with a row of empty cells.
    if (Object.values(row.values).every((value) => value === '')) continue;
    const name = row.values[STATE];
    const national = name.toLowerCase() === NATIONAL;
    const state = national ? undefined : stateByName(name);
    if (!national && !state) {
      problems.push({ file: displayName, row: row.line, field: STATE, value: name, reason: 'is not the name of a Mexican state' });
    }
    const index = ratio(displayName, row, INDEX, problems);
    const transparency = ratio(displayName, row, TRANSPARENCY, problems);
    const participation = ratio(displayName, row, PARTICIPATION, problems);
    if (!national && !state) continue;
    const score = new OpenGovernmentScore();
    score.stateId = state?.id ?? null;
    score.id = `${state?.id ?? 'MX'}:${METRIC_YEAR}`;
    score.year = METRIC_YEAR;
    score.index = index;
    score.transparency = transparency;
    score.participation = participation;
    score.source = sourceAt(METRIC_DATASET, displayName, { row: row.line });
    scores.push(score);
  }
  problems.push(
    ...duplicateIdProblems(
      displayName,
      scores,
      (s) => s.id,
      (s) => s.source.row ?? undefined,
    ),
  );
  return { scores, problems };
}

export async function writeMetric(manager: EntityManager, parsed: ParsedMetric): Promise<void> {
  await upsertAll(manager, OpenGovernmentScore, parsed.scores);
}
