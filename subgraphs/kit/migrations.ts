import fs from 'node:fs';
import path from 'node:path';
import type { SubgraphName } from './config';

/** `<13-digit timestamp>-<name>.ts` in the source tree, `.js` once compiled into dist/. */
const MIGRATION_FILE = /^\d{13}-[a-z0-9-]+\.(ts|js)$/;

/** Where a subgraph's migrations live: `migrations/<subgraph>/` beside subgraphs/, in the source tree and in dist/ alike. */
export function migrationsDirectory(name: SubgraphName): string {
  return path.resolve(__dirname, '..', '..', 'migrations', name);
}

/**
 * The migration classes of one subgraph, oldest first. Read from its folder rather than from a hand-kept list, so that a
 * generated migration runs without touching any other file; required one by one (not through TypeORM's glob loader) so
 * that the same code loads `.ts` under ts-jest and `.js` from dist/.
 */
export function migrationsOf(name: SubgraphName): Function[] {
  const directory = migrationsDirectory(name);
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory)
    .filter((file) => MIGRATION_FILE.test(file) && !file.endsWith('.d.ts'))
    .sort()
    .flatMap((file) => {
      const exported: Record<string, unknown> = require(path.join(directory, file));
      const classes = Object.values(exported).filter((value): value is Function => typeof value === 'function');
      if (classes.length !== 1) throw new Error(`${path.join(directory, file)} must export exactly one migration class`);
      return classes;
    });
}
