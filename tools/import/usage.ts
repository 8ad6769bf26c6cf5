import { FORMATS } from './formats';
import type { FormatSpec } from '../../subgraphs/kit/import/format';

const WIDTH = 100;

function wrap(text: string, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > WIDTH) {
      lines.push(indent + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(indent + line);
  return lines.join('\n');
}

export function usage(): string {
  const width = Math.max(...FORMATS.map((format) => format.name.length));
  return [
    'Usage: npm run import -- <format> <path>… [--dry-run] [--max-errors N] [--skip-rejected] [--rejects FILE] [--json]',
    '       npm run import -- --help [<format>]',
    '',
    wrap(
      'Loads open-data files into the database of the subgraph that owns them, exactly as the running service reads it: ' +
        "SQLite files under SQLITE_DIR (default .data/), or the subgraph's schema of the PostgreSQL database when DATABASE_URL is set. " +
        'Everything is checked before anything is written, in one transaction; loading the same file again changes nothing.',
      '',
    ),
    '',
    'Formats (--help <format> for its files, ids and rules):',
    ...FORMATS.map((format) => `  ${format.name.padEnd(width)}  ${format.subgraph.padEnd(12)}  ${format.summary}`),
    '',
    'Options:',
    '  --dry-run         check everything and report what would be inserted, updated or left unchanged; change nothing',
    '  --max-errors N    give up once N problems are found: nothing is written, only those N are listed (files are',
    '                    checked whole, and several files one at a time: see --help <format>)',
    '  --skip-rejected   load the readable rows and leave out the rejected ones (formats that allow it: compranet)',
    '  --rejects FILE    where to write the rejected rows (default: <input name>.rejects.csv in the current folder;',
    '                    JSON formats: <input name>.rejects.json, or <format>.rejects.json for several files)',
    '  --json            print one JSON object on stdout; the human summary goes to stderr',
    '  -h, --help        this help',
    '',
    wrap(
      'Rejects file: the rejected rows exactly as they were, under the original header, with a _problem column saying what is wrong; ' +
        'fix them there and import that file (its rows then name it in their provenance), or fix the original and import it again.',
      '',
    ),
    '',
    'Exit codes: 0 everything loaded, nothing rejected; 1 input rejected (nothing written, or with --skip-rejected the',
    'rejected rows left out); 2 usage error; 3 unexpected failure such as an unreachable database (DEBUG=1 prints the stack).',
  ].join('\n');
}

export function formatHelp(format: FormatSpec): string {
  return [
    `npm run import -- ${format.name} ${format.arguments} [options]`,
    '',
    wrap(`${format.summary}. Writes into the ${format.subgraph} subgraph's database.`, '  '),
    ...format.help.flatMap((paragraph) => ['', wrap(paragraph, '  ')]),
    '',
    `  --skip-rejected: ${format.skipRejected ? 'supported' : 'not supported (all or nothing)'}`,
    '',
    `  Example: ${format.example}`,
  ].join('\n');
}
