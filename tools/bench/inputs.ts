import fs from 'node:fs';
import path from 'node:path';
import { LAYOUT } from '../generate/synthetic';
import { FORMATS, formatNamed } from '../import/formats';
import { isDirectory } from '../../subgraphs/kit/import/inputs';
import { REAL_DATA_IMPORTS, realDataPaths } from '../import/real-data';
import { repositoryRoot } from '../../common/paths';
import type { FormatSpec } from '../../subgraphs/kit/import/format';

/** Files loaded first, untimed, because the measured format checks against what is stored (records need the catalogue). */
export interface Prerequisite {
  format: string;
  paths: string[];
}

/** What one format is measured on. */
export interface BenchInput {
  format: string;
  /** For the table: the files read, relative to their folder (`generated …` for the generator's). */
  description: string;
  /** Absolute paths, as given to the CLI. */
  paths: string[];
  skipRejected: boolean;
  prerequisite?: Prerequisite;
}

export interface InputFolders {
  /** Output of generateAll. */
  generated: string;
  /** The real-data folder (see realDataFolder in tools/import/real-data.ts). */
  realData: string;
  /** The project's own data/. */
  projectData: string;
}

/**
 * The generator writes these formats at any scale; every other one is measured on the publishers' files in the
 * real-data folder (as test/tools/import/shared-data.test.ts imports them), and on the project's own data/ where the
 * format's files are only there.
 */
const GENERATED: Record<string, string> = {
  'shcp-budget': LAYOUT.budget,
  ocds: LAYOUT.ocds,
  records: LAYOUT.archives,
  compranet: LAYOUT.compranet,
};

/** The generated formats whose size is a number of contracts (`--contracts`); the others' is a number of budget lines. */
const CONTRACT_SIZED = ['ocds', 'compranet'];

/** What a generated format's size counts; null for a format read from files that do not change with the size. */
export function sizedBy(format: FormatSpec): 'lines' | 'contracts' | null {
  if (!(format.name in GENERATED)) return null;
  return CONTRACT_SIZED.includes(format.name) ? 'contracts' : 'lines';
}

/** Whether any of these formats is measured on generated files. */
export function needsGenerated(formats: readonly FormatSpec[]): boolean {
  return formats.some((format) => format.name in GENERATED);
}

/** Only in data/: the commitment ↔ program links (the project's own illustrative layer) and the programme's figures. */
const PROJECT_ONLY: Record<string, string> = {
  allocations: 'allocations/allocations.csv',
  'programme-figures': 'participation/cocreacion-2017.csv',
};

/** The catalogue of the generator's records (it files them in the shipped CADIDO series). */
const PREREQUISITES: Record<string, (folders: InputFolders) => Prerequisite> = {
  records: (folders) => ({ format: 'archival-catalogue', paths: [path.join(folders.projectData, 'archives')] }),
};

/** One input per format, in the CLI's order; throws for a format none is known for. */
export function benchInputs(folders: InputFolders, formats: readonly FormatSpec[] = FORMATS): BenchInput[] {
  return formats.map((format) => {
    const prerequisite = PREREQUISITES[format.name]?.(folders);
    const at = (paths: string[], base: string, skipRejected = false): BenchInput => ({
      format: format.name,
      description: describePaths(format, paths, base),
      paths,
      skipRejected,
      ...(prerequisite ? { prerequisite } : {}),
    });
    if (format.name in GENERATED) {
      const input = at([path.join(folders.generated, GENERATED[format.name])], folders.generated);
      return { ...input, description: `generated ${input.description}` };
    }
    if (format.name in PROJECT_ONLY) return at([path.join(folders.projectData, PROJECT_ONLY[format.name])], repositoryRoot);
    const real = REAL_DATA_IMPORTS.find((entry) => entry.format === format.name);
    if (!real) throw new Error(`no benchmark input for format ${format.name}`);
    return at(realDataPaths(real, folders.realData, folders.projectData), folders.realData, real.skipRejected ?? false);
  });
}

/** `--formats a,b`: the formats named, in the CLI's order; every format when absent. */
export function selectFormats(list: string | undefined): FormatSpec[] {
  if (list === undefined) return [...FORMATS];
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => formatNamed(name) === undefined);
  if (unknown.length > 0 || names.length === 0)
    throw new Error(
      `--formats: unknown format ${unknown.join(', ') || '(none given)'} (expected ${FORMATS.map((f) => f.name).join(', ')})`,
    );
  return FORMATS.filter((format) => names.includes(format.name));
}

/** Inputs whose files are all present (the real-data folder may be absent), and the others. */
export function presentInputs(inputs: readonly BenchInput[]): { present: BenchInput[]; absent: BenchInput[] } {
  const present = inputs.filter((input) => input.paths.every((file) => fs.existsSync(file)));
  return { present, absent: inputs.filter((input) => !present.includes(input)) };
}

/** A real-data file by its name, one of the project's by its path; a folder by its path under `base` (or the project) with the number of files the format reads in it. */
function describePaths(format: FormatSpec, paths: string[], base: string): string {
  const resolved = paths.every((file) => fs.existsSync(file)) ? format.resolve(paths, base) : { files: [] };
  const files = 'files' in resolved ? resolved.files : [];
  return paths
    .map((shown) => {
      const from = path.relative(base, shown).startsWith('..') ? repositoryRoot : base;
      if (!isDirectory(shown)) return from === repositoryRoot ? path.relative(from, shown) : path.basename(shown);
      const inside = files.filter((file) => file.absolute.startsWith(`${shown}${path.sep}`)).length;
      return `${path.relative(from, shown)}/ (${inside} file${inside === 1 ? '' : 's'})`;
    })
    .join(', ');
}
