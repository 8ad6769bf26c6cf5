import fs from 'node:fs';
import path from 'node:path';
import type { ImportProblem } from '../../subgraphs/kit/import/problems';
import { rejectedUnit, type CheckedFile } from './report';
import { csvField, formulaSafe } from '../../common/csv';
import { formulaSafeRecord } from './formula-safe';
import type { FormatSpec } from '../../subgraphs/kit/import/format';

/** What is wrong, without the file and line the rejects file already places it at. */
export function problemText(problem: ImportProblem): string {
  const what = problem.field ? `field "${problem.field}"${problem.value !== undefined ? ` = "${problem.value}"` : ''}: ` : '';
  return `${what}${problem.reason}`;
}

interface CsvRejects {
  file: CheckedFile;
  header: string;
  rows: string[];
}

export interface WrittenRejects {
  /** The rejects files written, as paths relative to the current folder when inside it. */
  files: string[];
  warnings: string[];
}

/**
 * Writes the rejected input: for CSV formats the rejected rows as published, under the original header, with a
 * `_problem` column (fix them and import the file again); for JSON formats the paths and problems. Nothing is written
 * when no row or item is rejected. A CSV rejects file is meant to be opened in a spreadsheet, so a cell that would run
 * there as a formula is neutralised (see formulaSafe); every other row is copied byte for byte.
 */
export function writeRejects(
  format: FormatSpec,
  files: CheckedFile[],
  problems: ImportProblem[],
  target: string | null,
  cwd: string,
): WrittenRejects {
  const shown = (file: string) => (path.relative(cwd, file).startsWith('..') ? file : path.relative(cwd, file) || file);
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return shown(file);
  };
  const named = (file: CheckedFile, extension: string) => path.resolve(cwd, `${path.basename(file.input.path)}.rejects.${extension}`);

  if (format.shape.kind === 'json') {
    if (problems.length === 0) return { files: [], warnings: [] };
    const withProblems = files.filter((file) => problems.some((problem) => problem.file === file.input.displayName));
    const file = target
      ? path.resolve(cwd, target)
      : withProblems.length === 1
        ? named(withProblems[0], 'json')
        : path.resolve(cwd, `${format.name}.rejects.json`);
    return { files: [write(file, `${JSON.stringify(jsonRejects(format, files, problems), null, 2)}\n`)], warnings: [] };
  }

  const groups = files.map((file) => csvRejects(format, file, problems)).filter((group): group is CsvRejects => group !== null);
  if (groups.length === 0) return { files: [], warnings: [] };
  const text = (header: string, rows: string[]) => `${header},_problem\n${rows.join('\n')}\n`;
  if (target && groups.every((group) => group.header === groups[0].header)) {
    return {
      files: [
        write(
          path.resolve(cwd, target),
          text(
            groups[0].header,
            groups.flatMap((group) => group.rows),
          ),
        ),
      ],
      warnings: [],
    };
  }
  const folder = target ? path.dirname(path.resolve(cwd, target)) : cwd;
  const written = groups.map((group) => write(path.join(folder, path.basename(named(group.file, 'csv'))), text(group.header, group.rows)));
  const warnings = target
    ? [`the rejected rows have different headers, so each file's went to its own rejects file instead of ${target}`]
    : [];
  return { files: written, warnings };
}

function csvRejects(format: FormatSpec, file: CheckedFile, problems: ImportProblem[]): CsvRejects | null {
  const source = file.source;
  if (!source || source.header === null) return null;
  const byLine = new Map<number, string[]>();
  for (const problem of problems) {
    if (problem.file !== file.input.displayName || rejectedUnit(problem, file, format) === null) continue;
    byLine.set(problem.row!, [...(byLine.get(problem.row!) ?? []), problemText(problem)]);
  }
  if (byLine.size === 0) return null;
  const rows = [...byLine.keys()]
    .sort((a, b) => a - b)
    .map((line) => `${formulaSafeRecord(source.text(line) ?? '')},${csvField(formulaSafe(byLine.get(line)!.join('; ')))}`);
  return { file, header: formulaSafeRecord(source.header), rows };
}

function jsonRejects(format: FormatSpec, files: CheckedFile[], problems: ImportProblem[]) {
  const pathOf = (displayName: string) => files.find((file) => file.input.displayName === displayName)?.input.path ?? displayName;
  const items = new Map<string, { file: string; path: string; problems: Omit<ImportProblem, 'file'>[] }>();
  const fileProblems: ImportProblem[] = [];
  for (const problem of problems) {
    const unit = rejectedUnit(problem, undefined, format);
    const { file, ...rest } = problem;
    if (unit === null) {
      fileProblems.push({ ...problem, file: pathOf(file) });
      continue;
    }
    const key = `${file}\u0000${unit}`;
    const item = items.get(key) ?? { file: pathOf(file), path: unit, problems: [] };
    item.problems.push(rest);
    items.set(key, item);
  }
  return { format: format.name, rejected: [...items.values()], fileProblems };
}
