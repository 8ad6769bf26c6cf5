/** The command line, parsed: either a request for help, a run, or a usage problem to print with the usage. */
export type Command = { kind: 'help'; format: string | null } | { kind: 'run'; options: RunOptions } | { kind: 'usage'; problem: string };

export interface RunOptions {
  format: string;
  paths: string[];
  dryRun: boolean;
  json: boolean;
  skipRejected: boolean;
  /** Stop once this many problems are found; null is no limit. */
  maxErrors: number | null;
  /** Where rejected rows go; null is the default (`<input>.rejects.csv` / `.json` in the current folder). */
  rejects: string | null;
}

const FLAGS = { '--dry-run': 'dryRun', '--json': 'json', '--skip-rejected': 'skipRejected' } as const;

/** Parses `<format> <path>… [options]`; options may come anywhere, `--name value` or `--name=value`, `--` ends them. */
export function parseArgs(argv: string[]): Command {
  const positional: string[] = [];
  const options: RunOptions = { format: '', paths: [], dryRun: false, json: false, skipRejected: false, maxErrors: null, rejects: null };
  let help = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--help' || name === '-h') {
      help = true;
    } else if (name in FLAGS) {
      if (inline !== undefined) return { kind: 'usage', problem: `${name} takes no value` };
      options[FLAGS[name as keyof typeof FLAGS]] = true;
    } else if (name === '--max-errors' || name === '--rejects') {
      const value = inline ?? argv[i + 1];
      if (inline === undefined) i += 1;
      if (value === undefined || value === '') return { kind: 'usage', problem: `${name} needs a value` };
      if (name === '--rejects') options.rejects = value;
      else if (!/^[1-9]\d*$/.test(value))
        return { kind: 'usage', problem: `--max-errors needs a whole number of at least 1 (got "${value}")` };
      else options.maxErrors = Number(value);
    } else {
      return { kind: 'usage', problem: `unknown option ${name}` };
    }
  }
  if (help) return { kind: 'help', format: positional[0] ?? null };
  if (positional.length === 0) return { kind: 'usage', problem: 'no format given' };
  [options.format, ...options.paths] = positional;
  if (options.paths.length === 0) return { kind: 'usage', problem: `no file or folder given for ${options.format}` };
  return { kind: 'run', options };
}
