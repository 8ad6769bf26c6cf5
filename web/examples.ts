import fs from 'node:fs';
import path from 'node:path';

/** One example operation shipped with the explorer (and typed by the example client). */
export interface ExampleOperation {
  name: string;
  description: string;
  query: string;
  /** JSON text of the variables the example runs with, as GraphiQL's variables editor shows them. */
  variables: string;
}

const VARIABLES = /^#\s*variables:\s*(.+)$/m;

/**
 * Reads web/examples/*.graphql in the order of their number prefix (`1-follow-the-money.graphql` first). Each file's first comment line describes it and an optional `# variables: {…}` line
 * gives its variables, so one file is both what the explorer preloads and what the typed client compiles.
 */
export function readExamples(directory: string): ExampleOperation[] {
  return fs
    .readdirSync(directory)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(directory, file), 'utf8');
      const comments = text.split('\n').filter((line) => line.startsWith('#'));
      const variables = VARIABLES.exec(text)?.[1];
      return {
        name: path.basename(file, '.graphql').replace(/^\d+-/, ''),
        description: comments[0]?.replace(/^#\s*/, '') ?? '',
        query: text
          .split('\n')
          .filter((line) => !line.startsWith('#'))
          .join('\n')
          .trim(),
        variables: variables ? JSON.stringify(JSON.parse(variables), null, 2) : '',
      };
    });
}
