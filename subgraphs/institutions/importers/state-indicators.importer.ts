import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { duplicateIdProblems, type ImportProblem } from '../../kit/import/problems';
import { readCsvCollecting, type CsvRow } from '../../kit/import/csv-file';
import { RowReader } from '../../kit/import/row-reader';
import { upsertAll } from '../../kit/import/bulk-write';
import { sourceAt } from '../../kit/provenance';
import { stateByName } from '../../kit/states';
import { StateIndicator } from '../entities/state-indicator.entity';
import type { Parsed } from './shared/institution-fields';
import { METRIC_DATASET, NATIONAL, STATE } from './metric.importer';

export const INDICATORS_DATA_FILE = 'indicadores_estatales_datos.csv';
export const INDICATORS_DICTIONARY_FILE = 'indicadores_estatales_diccionario.csv';

/** The data file's own columns: a row number and the state; every other column is an indicator of the dictionary. */
const ROW_NUMBER = 'id';
const NOT_AVAILABLE = 'n.a.';
const NUMBER = /^-?\d+(\.\d+)?$/;

interface Definition {
  code: string;
  name: string;
  publisher: string;
  year: number;
}

export interface ParsedStateIndicators extends Parsed {
  indicators: StateIndicator[];
}

export interface StateIndicatorFiles {
  data: string;
  dictionary: string;
}

/** The dictionary: one indicator a row, by its column code (ID), with name, source and year. */
function readDictionary(file: string, displayName: string, problems: ImportProblem[]): Map<string, Definition> {
  const definitions = new Map<string, Definition>();
  for (const row of readCsvCollecting(file, ['id', 'nombre', 'fuente', 'año'], problems, displayName)) {
    const reader = new RowReader(displayName, row, problems);
    const code = reader.text('id');
    const before = problems.length;
    const definition = { code, name: reader.text('nombre'), publisher: reader.text('fuente'), year: reader.integer('año') };
    if (problems.length > before || code === '') continue;
    if (definitions.has(code.toLowerCase())) {
      problems.push({ file: displayName, row: row.line, field: 'id', value: code, reason: 'defines the same indicator twice' });
    } else definitions.set(code.toLowerCase(), definition);
  }
  return definitions;
}

/**
 * The state indicators file with its dictionary: every column of the data must be defined by the dictionary and every
 * definition must have its column, so that no value is loaded under a guessed meaning.
 */
export function parseStateIndicators(
  files: StateIndicatorFiles,
  names = { data: path.basename(files.data), dictionary: path.basename(files.dictionary) },
): ParsedStateIndicators {
  const problems: ImportProblem[] = [];
  const definitions = readDictionary(files.dictionary, names.dictionary, problems);
  const rows = readCsvCollecting(files.data, [STATE], problems, names.data);
  const indicators: StateIndicator[] = [];
  if (rows.length === 0 || problems.length > 0) return { indicators, problems };

  const columns = Object.keys(rows[0].values).filter((column) => column !== ROW_NUMBER && column !== STATE && column !== '');
  for (const column of columns.filter((name) => !definitions.has(name))) {
    problems.push({ file: names.data, row: 1, field: column, reason: `is not defined in ${names.dictionary}` });
  }
  for (const [column, definition] of definitions) {
    if (!columns.includes(column))
      problems.push({ file: names.dictionary, field: 'id', value: definition.code, reason: `has no column in ${names.data}` });
  }
  for (const row of rows) {
    // The export ends with a row of empty cells.
    if (Object.values(row.values).every((value) => value === '')) continue;
    const stateId = stateOf(names.data, row, problems);
    if (stateId === undefined) continue;
    for (const column of columns) {
      const definition = definitions.get(column);
      if (definition) indicators.push(indicator(definition, stateId, row, column, names.data));
    }
  }
  problems.push(
    ...duplicateIdProblems(
      names.data,
      indicators,
      (indicator) => indicator.id,
      (indicator) => indicator.source.row ?? undefined,
    ),
  );
  return { indicators, problems };
}

/** The state's INEGI code, null for the national row, undefined (and a problem) for a name that is no state. */
function stateOf(file: string, row: CsvRow, problems: ImportProblem[]): string | null | undefined {
  const name = row.values[STATE];
  if (name.toLowerCase() === NATIONAL) return null;
  const state = stateByName(name);
  if (!state) problems.push({ file, row: row.line, field: STATE, value: name, reason: 'is not the name of a Mexican state' });
  return state?.id;
}

function indicator(definition: Definition, stateId: string | null, row: CsvRow, column: string, file: string): StateIndicator {
  const published = row.values[column];
  const indicator = new StateIndicator();
  indicator.id = `${stateId ?? 'MX'}:${definition.code}`;
  indicator.stateId = stateId;
  indicator.code = definition.code;
  indicator.name = definition.name;
  indicator.publisher = definition.publisher;
  indicator.year = definition.year;
  indicator.value = published === '' || published.toLowerCase() === NOT_AVAILABLE ? null : published;
  indicator.number = indicator.value !== null && NUMBER.test(indicator.value) ? Number(indicator.value) : null;
  indicator.source = sourceAt(METRIC_DATASET, file, { row: row.line });
  return indicator;
}

export async function writeStateIndicators(manager: EntityManager, parsed: ParsedStateIndicators): Promise<void> {
  await upsertAll(manager, StateIndicator, parsed.indicators);
}
