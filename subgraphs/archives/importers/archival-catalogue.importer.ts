import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { duplicateIdProblems, type ImportProblem } from '../../kit/import/problems';
import { readCsvCollecting, type CsvRow } from '../../kit/import/csv-file';
import { RowReader } from '../../kit/import/row-reader';
import { upsertAll } from '../../kit/import/bulk-write';
import { sourceAt } from '../../kit/provenance';
import { ClassificationSection, ClassificationSectionKind } from '../entities/classification-section.entity';
import { ClassificationSeries, DocumentaryValue, FinalDisposition } from '../entities/classification-series.entity';
import { ClassificationSubseries } from '../entities/classification-subseries.entity';
import { ArchivalRecord } from '../entities/record.entity';
import { RetentionPeriod } from '../entities/retention-period.object';
import { retentionDates } from '../retention';
import { mapped } from './shared/lookup';

export const CATALOGUE_DATASET = 'sre-cadido';
export const SECTIONS_FILE = 'cgca_sections.csv';
export const SERIES_FILE = 'cadido_series.csv';
export const SUBSERIES_FILE = 'cadido_subseries.csv';

const SECTION_KINDS = new Map([
  ['comunes', ClassificationSectionKind.COMMON],
  ['sustantivas', ClassificationSectionKind.SUBSTANTIVE],
]);

const DISPOSITIONS = new Map([
  ['eliminación', FinalDisposition.DESTROY],
  ['conservación', FinalDisposition.PRESERVE],
  ['muestreo', FinalDisposition.SAMPLE],
]);

const VALUES = new Map([
  ['administrativo', DocumentaryValue.ADMINISTRATIVE],
  ['legal', DocumentaryValue.LEGAL],
  ['fiscal', DocumentaryValue.FISCAL],
  ['contable', DocumentaryValue.ACCOUNTING],
]);

export interface ParsedCatalogue {
  sections: ClassificationSection[];
  series: ClassificationSeries[];
  subseries: ClassificationSubseries[];
  problems: ImportProblem[];
}

/** Reads the classification chart and the disposition catalogue (CADIDO) from `directory`; writes nothing. */
export function parseCatalogue(directory: string): ParsedCatalogue {
  const problems: ImportProblem[] = [];
  const sectionRows = readCsvCollecting(path.join(directory, SECTIONS_FILE), ['section_code', 'section_name', 'section_type'], problems);
  const seriesRows = readCsvCollecting(
    path.join(directory, SERIES_FILE),
    [
      'series_code',
      'series_name',
      'section_code',
      'section_name',
      'years_tramite_at',
      'years_concentracion_ac',
      'years_total',
      'destino_final_tecnica_seleccion',
      'valores_documentales',
      'muestreo_criterio',
    ],
    problems,
  );
  const subseriesRows = readCsvCollecting(
    path.join(directory, SUBSERIES_FILE),
    ['subseries_code', 'subseries_name', 'series_code'],
    problems,
  );

  const sections = sectionRows.map((row) => parseSection(row, problems));
  problems.push(
    ...duplicateIdProblems(
      SECTIONS_FILE,
      sections,
      (s) => s.code,
      (s) => s.source.row ?? undefined,
    ),
  );
  const sectionsByCode = new Map(sections.map((section) => [section.code, section]));

  const series = seriesRows.map((row) => parseSeries(row, sectionsByCode, problems));
  problems.push(
    ...duplicateIdProblems(
      SERIES_FILE,
      series,
      (s) => s.code,
      (s) => s.source.row ?? undefined,
    ),
  );
  const seriesCodes = new Set(series.map((s) => s.code));

  const subseries = subseriesRows.map((row) => parseSubseries(row, seriesCodes, problems));
  problems.push(
    ...duplicateIdProblems(
      SUBSERIES_FILE,
      subseries,
      (s) => s.code,
      (s) => s.source.row ?? undefined,
    ),
  );

  return { sections, series, subseries, problems };
}

function problemAt(problems: ImportProblem[], file: string, row: CsvRow, field: string) {
  return (reason: string) => problems.push({ file, row: row.line, field, value: row.values[field], reason });
}

function parseSection(row: CsvRow, problems: ImportProblem[]): ClassificationSection {
  const read = new RowReader(SECTIONS_FILE, row, problems);
  const section = new ClassificationSection();
  section.code = read.text('section_code');
  section.title = read.text('section_name');
  section.kind =
    mapped(read.text('section_type'), SECTION_KINDS, problemAt(problems, SECTIONS_FILE, row, 'section_type')) ??
    ClassificationSectionKind.COMMON;
  section.source = sourceAt(CATALOGUE_DATASET, SECTIONS_FILE, { row: row.line });
  return section;
}

function parseSeries(row: CsvRow, sections: ReadonlyMap<string, ClassificationSection>, problems: ImportProblem[]): ClassificationSeries {
  const read = new RowReader(SERIES_FILE, row, problems);
  const at = (field: string) => problemAt(problems, SERIES_FILE, row, field);
  const series = new ClassificationSeries();
  series.code = read.text('series_code');
  series.title = read.text('series_name');
  series.sectionCode = read.text('section_code');
  const section = sections.get(series.sectionCode);
  if (series.sectionCode && !section) at('section_code')(`is not a section of ${SECTIONS_FILE}`);
  const sectionName = read.optionalText('section_name');
  if (section && sectionName !== null && sectionName !== section.title) {
    at('section_name')(`differs from the name "${section.title}" that ${SECTIONS_FILE} gives section ${section.code}`);
  }

  series.retention = new RetentionPeriod();
  series.retention.activeYears = years(read, 'years_tramite_at', at);
  series.retention.semiActiveYears = years(read, 'years_concentracion_ac', at);
  series.retention.totalYears = years(read, 'years_total', at);
  const { activeYears, semiActiveYears, totalYears } = series.retention;
  if ([activeYears, semiActiveYears, totalYears].every(Number.isInteger) && activeYears + semiActiveYears !== totalYears) {
    at('years_total')(
      `is not years_tramite_AT + years_concentracion_AC (${activeYears} + ${semiActiveYears} = ${activeYears + semiActiveYears})`,
    );
  }

  series.finalDisposition =
    mapped(read.text('destino_final_tecnica_seleccion'), DISPOSITIONS, at('destino_final_tecnica_seleccion')) ?? FinalDisposition.PRESERVE;
  const values = read
    .text('valores_documentales')
    .split(';')
    .map((value) => value.trim())
    .filter(Boolean);
  series.documentaryValues = [
    ...new Set(values.map((value) => mapped(value, VALUES, at('valores_documentales'))).filter((v): v is DocumentaryValue => v !== null)),
  ];
  series.samplingCriterion = read.optionalText('muestreo_criterio');
  series.source = sourceAt(CATALOGUE_DATASET, SERIES_FILE, { row: row.line });
  return series;
}

function years(read: RowReader, field: string, at: (field: string) => (reason: string) => void): number {
  const value = read.integer(field);
  if (Number.isInteger(value) && value < 0) at(field)('cannot be negative');
  return value;
}

function parseSubseries(row: CsvRow, seriesCodes: ReadonlySet<string>, problems: ImportProblem[]): ClassificationSubseries {
  const read = new RowReader(SUBSERIES_FILE, row, problems);
  const subseries = new ClassificationSubseries();
  subseries.code = read.text('subseries_code');
  subseries.title = read.text('subseries_name');
  subseries.seriesCode = read.text('series_code');
  if (subseries.seriesCode && !seriesCodes.has(subseries.seriesCode)) {
    problemAt(problems, SUBSERIES_FILE, row, 'series_code')(`is not a series of ${SERIES_FILE}`);
  }
  subseries.source = sourceAt(CATALOGUE_DATASET, SUBSERIES_FILE, { row: row.line });
  return subseries;
}

/**
 * Writes a parsed catalogue inside the caller's transaction. Records already loaded keep their retention
 * dates in step with a changed series, so a corrected catalogue moves their due dates too.
 */
export async function writeCatalogue(manager: EntityManager, catalogue: ParsedCatalogue): Promise<void> {
  await upsertAll(manager, ClassificationSection, catalogue.sections, ['code']);
  await upsertAll(manager, ClassificationSeries, catalogue.series, ['code']);
  await upsertAll(manager, ClassificationSubseries, catalogue.subseries, ['code']);
  const seriesByCode = new Map(catalogue.series.map((series) => [series.code, series]));
  const records = await manager.find(ArchivalRecord);
  const changed = records.filter((record) => {
    const series = seriesByCode.get(record.seriesCode);
    if (!series) return false;
    const dates = retentionDates(record.closedOn, series.retention);
    if (dates.transferDueOn === record.transferDueOn && dates.dispositionDueOn === record.dispositionDueOn) return false;
    Object.assign(record, dates);
    return true;
  });
  await upsertAll(manager, ArchivalRecord, changed);
}
