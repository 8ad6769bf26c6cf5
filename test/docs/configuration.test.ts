import fs from 'node:fs';
import path from 'node:path';
import { readGatewayConfig } from '../../gateway/config';
import { repositoryRoot } from '../../common/paths';
import { readConfig } from '../../subgraphs/kit/config';
import { realDataFolder } from '../../tools/import/real-data';

/**
 * The configuration table of docs/serving.md is the one list of what an operator can set. Every variable the code
 * reads must be in it: those the configuration models read (found by handing them an environment that records each
 * name asked for, so names built at run time such as `BUDGETS_PORT` are found too) and those read directly elsewhere.
 */

const SERVING = path.join(repositoryRoot, 'docs', 'serving.md');
const SOURCE_FOLDERS = ['gateway', 'subgraphs', 'common', 'tools'];

/** Read by the code but set by other programs, not by whoever runs the API. */
const NOT_CONFIGURATION: Record<string, string> = {
  INIT_CWD: 'npm sets it to the folder `npm run` was typed in',
  APOLLO_TELEMETRY_DISABLED: "the gateway sets it for Apollo's library, which then reports nothing to Apollo",
};

function readByConfigModels(): Set<string> {
  const asked = new Set<string>();
  const recording = new Proxy({} as Record<string, string | undefined>, {
    get(_target, name) {
      if (typeof name === 'string') asked.add(name);
      return undefined;
    },
  });
  readConfig(recording);
  readGatewayConfig(recording);
  realDataFolder(recording);
  return asked;
}

function readInSource(): Set<string> {
  const files = SOURCE_FOLDERS.flatMap((folder) =>
    fs
      .readdirSync(path.join(repositoryRoot, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => path.join(folder, file)),
  );
  const reads = /\b(?:process\.env|env)(?:\.([A-Z][A-Z0-9_]*)|\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\])/g;
  const found = new Set<string>();
  for (const file of files) {
    const source = fs.readFileSync(path.join(repositoryRoot, file), 'utf8');
    for (const match of source.matchAll(reads)) found.add(match[1] ?? match[2]);
  }
  return found;
}

/** The backquoted names in the first column of the table under `## Configuration`. */
function documentedVariables(markdown: string): Set<string> {
  const start = markdown.indexOf('\n## Configuration\n');
  if (start < 0) throw new Error('docs/serving.md has no "## Configuration" section');
  const next = markdown.indexOf('\n## ', start + 1);
  const section = markdown.slice(start, next < 0 ? undefined : next);
  const names = new Set<string>();
  for (const line of section.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const firstCell = line.split('|')[1];
    for (const match of firstCell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) names.add(match[1]);
  }
  return names;
}

describe('the configuration table (docs/serving.md)', () => {
  const documented = documentedVariables(fs.readFileSync(SERVING, 'utf8'));
  const fromModels = readByConfigModels();
  const fromSource = readInSource();

  test('finds what it looks for: the models and the source scan each see variables', () => {
    expect([...fromModels]).toEqual(expect.arrayContaining(['DATABASE_URL', 'GATEWAY_PORT', 'BUDGETS_PORT', 'ARCHIVES_URL']));
    expect([...fromSource]).toEqual(expect.arrayContaining(['DATABASE_URL', 'DEBUG', 'INIT_CWD']));
    expect(documented.size).toBeGreaterThan(40);
  });

  test('lists every variable the code reads', () => {
    const read = [...new Set([...fromModels, ...fromSource])].filter((name) => !(name in NOT_CONFIGURATION));
    const missing = read.filter((name) => !documented.has(name)).sort();
    expect(missing).toEqual([]);
  });

  test('lists only variables the code reads', () => {
    const stale = [...documented].filter((name) => !fromModels.has(name) && !fromSource.has(name)).sort();
    expect(stale).toEqual([]);
  });
});

describe('documentedVariables', () => {
  test('reads the first column only, every name of a row, and only the Configuration section', () => {
    const markdown = [
      '## Configuration',
      '| variable | default | meaning |',
      '|---|---|---|',
      '| `A_ONE` / `A_TWO` | 1 | see `NOT_THIS` |',
      '',
      '## Next',
      '| `NOR_THIS` | 1 | x |',
    ].join('\n');
    expect([...documentedVariables(`\n${markdown}`)]).toEqual(['A_ONE', 'A_TWO']);
  });
});
