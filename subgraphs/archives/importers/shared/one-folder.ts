import path from 'node:path';
import type { ResolvedInputs } from '../../../kit/import/format';

/** The archives' importers read a fixed set of file names from one folder. */
export function oneFolder(resolved: ResolvedInputs): ResolvedInputs {
  if ('usage' in resolved) return resolved;
  const folders = new Set(resolved.files.map((file) => path.dirname(file.absolute)));
  return folders.size === 1 ? resolved : { usage: `the files must be in one folder (found in ${[...folders].join(', ')})` };
}
