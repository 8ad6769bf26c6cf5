import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ClassificationSection } from '../../../subgraphs/archives/entities/classification-section.entity';
import { ClassificationSeries } from '../../../subgraphs/archives/entities/classification-series.entity';
import { ClassificationSubseries } from '../../../subgraphs/archives/entities/classification-subseries.entity';
import { ArchivalRecord } from '../../../subgraphs/archives/entities/record.entity';
import { RecordSubject } from '../../../subgraphs/archives/entities/record-subject.entity';
import type { TestSubgraph } from '../../helpers/subgraph';

export const DATA = path.resolve(__dirname, '../../../data');
export const CATALOGUE_DIR = path.join(DATA, 'archives');
export const RECORDS_DIR = path.join(DATA, 'illustrative');

/** A shipped CSV as objects keyed by header, straight from the file (independent of the importers). */
export function csvObjects(directory: string, file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(directory, file), 'utf8'), { columns: true, bom: true, trim: true });
}

/**
 * Copies the CSVs of a shipped folder to a temporary one, letting a test rewrite one file's text: the
 * importers then see a malformed input without the shipped data ever changing.
 */
export function copyWith(directory: string, files: string[], file: string, edit: (text: string) => string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'archives-import-'));
  for (const name of files) {
    const text = fs.readFileSync(path.join(directory, name), 'utf8');
    fs.writeFileSync(path.join(target, name), name === file ? edit(text) : text);
  }
  return target;
}

/** Replaces the first line that starts with `prefix` by `edit(line)`. */
export function editLine(prefix: string, edit: (line: string) => string): (text: string) => string {
  return (text) => {
    const lines = text.split('\n');
    const index = lines.findIndex((line) => line.startsWith(prefix));
    if (index < 0) throw new Error(`no line starts with ${prefix}`);
    lines[index] = edit(lines[index]);
    return lines.join('\n');
  };
}

/** The 1-based line number of the first line starting with `prefix` (the importers count the header as 1). */
export function lineOf(directory: string, file: string, prefix: string): number {
  return (
    fs
      .readFileSync(path.join(directory, file), 'utf8')
      .split('\n')
      .findIndex((line) => line.startsWith(prefix)) + 1
  );
}

export async function tableCounts(subgraph: TestSubgraph) {
  const manager = subgraph.dataSource.manager;
  return {
    sections: await manager.count(ClassificationSection),
    series: await manager.count(ClassificationSeries),
    subseries: await manager.count(ClassificationSubseries),
    records: await manager.count(ArchivalRecord),
    subjects: await manager.count(RecordSubject),
  };
}

export const CATALOGUE_FILES = ['cgca_sections.csv', 'cadido_series.csv', 'cadido_subseries.csv'];
export const RECORD_FILES = ['records.csv', 'record_documents.csv', 'record_subjects.csv'];
