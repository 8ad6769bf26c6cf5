import fs from 'node:fs';
import path from 'node:path';
import type { InputFile, ResolvedInputs } from './format';

/** Files the CLI itself writes next to the user's data: never read back as input when a folder is expanded. */
const REJECTS = /\.rejects\.(csv|json)$/;

export function isDirectory(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/**
 * The files of the path arguments: a file stays as given, a folder becomes its files with `extension`, in name
 * order (recursively when asked, for publishers that spread releases over sub-folders).
 */
export function expandPaths(paths: string[], cwd: string, extension: string, recursive = false): string[] {
  const files: string[] = [];
  const walk = (shown: string) => {
    for (const entry of fs.readdirSync(path.resolve(cwd, shown), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const child = path.join(shown, entry.name);
      if (entry.isDirectory() && recursive) walk(child);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith(extension) && !REJECTS.test(entry.name)) files.push(child);
    }
  };
  for (const shown of paths) {
    if (isDirectory(path.resolve(cwd, shown))) walk(shown);
    else files.push(shown);
  }
  return files;
}

export function inputFile(shown: string, cwd: string, displayName = path.basename(shown)): InputFile {
  return { path: shown, absolute: path.resolve(cwd, shown), displayName };
}

/**
 * Problems and provenance name a file by its display name, so two inputs with the same one (2018.csv from two folders)
 * could not be told apart in the report or in the database.
 */
export function distinctNames(files: InputFile[]): ResolvedInputs {
  const seen = new Map<string, string>();
  for (const file of files) {
    const first = seen.get(file.displayName);
    if (first !== undefined)
      return { usage: `${first} and ${file.path} have the same name (${file.displayName}); import them in separate runs` };
    seen.set(file.displayName, file.path);
  }
  return { files };
}

/** The folder expansion for formats that read any number of files of one kind. */
export function manyFiles(paths: string[], cwd: string, extension: string, recursive = false): ResolvedInputs {
  const files = expandPaths(paths, cwd, extension, recursive).map((shown) => inputFile(shown, cwd));
  if (files.length === 0) return { usage: `no ${extension} file in ${paths.join(', ')}` };
  return distinctNames(files);
}

/** Formats whose importer reads exactly one file. */
export function oneFile(paths: string[], cwd: string, displayName?: (file: string) => string): ResolvedInputs {
  if (paths.length !== 1 || isDirectory(path.resolve(cwd, paths[0]))) return { usage: 'this format reads exactly one file (not a folder)' };
  return { files: [inputFile(paths[0], cwd, displayName?.(paths[0]))] };
}

/** A file set whose display names are the files' own names. */
export const sameNames = (...names: string[]) => Object.fromEntries(names.map((name) => [name, name]));

/**
 * Formats whose importer reads a fixed set of files known by name (e.g. records.csv, record_documents.csv,
 * record_subjects.csv): folders and files are searched for those names; every one must be found once.
 */
export function namedSet(paths: string[], cwd: string, names: Record<string, string>): ResolvedInputs {
  const found = new Map<string, string>();
  for (const shown of expandPaths(paths, cwd, '.csv')) {
    const name = path.basename(shown);
    const given = paths.includes(shown);
    if (!(name in names)) {
      if (given) return { usage: `${shown} is not one of the files this format reads (${Object.keys(names).join(', ')})` };
      continue;
    }
    const earlier = found.get(name);
    if (earlier !== undefined) return { usage: `${name} is given twice (${earlier} and ${shown})` };
    found.set(name, shown);
  }
  const missing = Object.keys(names).filter((name) => !found.has(name));
  if (missing.length > 0) return { usage: `missing ${missing.join(', ')} (looked in ${paths.join(', ')})` };
  return { files: Object.entries(names).map(([name, displayName]) => inputFile(found.get(name)!, cwd, displayName)) };
}
