import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/*
 * A reader finds a type's owner, loader, importer and format by path alone (CONTRIBUTING, "Role suffixes"): this keeps
 * every file at the top of the role folders named by a suffix that list explains, and every format beside its importer.
 */

const ROOT = path.join(__dirname, '../..');
const SUBGRAPHS = path.join(ROOT, 'subgraphs');
const ROLE_FOLDERS = ['entities', 'resolvers', 'queries', 'importers', 'loaders'];

function listedSuffixes(): string[] {
  const contributing = readFileSync(path.join(ROOT, 'CONTRIBUTING.md'), 'utf8');
  const list = contributing.split('<!-- role-suffixes')[1]?.split(/\n#/)[0] ?? '';
  return [...list.matchAll(/^- `\*(\.[a-z]+\.ts)`:/gm)].map((match) => match[1]);
}

function topFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

const subgraphs = readdirSync(SUBGRAPHS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'kit')
  .map((entry) => entry.name);

describe('the layout a newcomer navigates by name', () => {
  const suffixes = listedSuffixes();

  it('reads the role suffixes from CONTRIBUTING', () => {
    expect(suffixes).toEqual(expect.arrayContaining(['.entity.ts', '.resolver.ts', '.query.ts', '.importer.ts', '.format.ts']));
  });

  it.each(subgraphs)('%s: every file at the top of a role folder carries a listed suffix', (subgraph) => {
    const unnamed = ROLE_FOLDERS.flatMap((folder) =>
      topFiles(path.join(SUBGRAPHS, subgraph, folder))
        .filter((file) => !suffixes.some((suffix) => file.endsWith(suffix)))
        .map((file) => `${folder}/${file}`),
    );
    expect(unnamed).toEqual([]);
  });

  it.each(subgraphs)('%s: every format has an importer of the same stem', (subgraph) => {
    const importers = path.join(SUBGRAPHS, subgraph, 'importers');
    const files = new Set(topFiles(importers));
    const orphans = [...files].filter((file) => file.endsWith('.format.ts') && !files.has(file.replace(/\.format\.ts$/, '.importer.ts')));
    expect(orphans).toEqual([]);
  });
});
