/** One thing wrong with one input: the file, where in it (line or JSON path), the field, the value, why. */
export interface ImportProblem {
  file: string;
  row?: number;
  path?: string;
  field?: string;
  value?: string;
  reason: string;
}

export function describeProblem(problem: ImportProblem): string {
  const where = [problem.file, problem.row !== undefined ? `line ${problem.row}` : problem.path].filter(Boolean).join(', ');
  const what = problem.field ? ` field "${problem.field}"${problem.value !== undefined ? ` = "${problem.value}"` : ''}` : '';
  return `${where}:${what} ${problem.reason}`;
}

/** Thrown when an input cannot be loaded; nothing has been written when it is raised. */
export class ImportError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    const shown = problems.slice(0, 20).map((p) => `  - ${describeProblem(p)}`);
    const more = problems.length > 20 ? [`  … and ${problems.length - 20} more`] : [];
    super(`Import rejected (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${[...shown, ...more].join('\n')}`);
    this.name = 'ImportError';
  }
}

/**
 * Runs a reader that rejects a whole file (missing, malformed, wrong header) and records its problems
 * instead, so that one run reports the faults of every file together.
 */
export function collectProblems<T>(problems: ImportProblem[], read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    problems.push(...error.problems);
    return null;
  }
}

export function rejectIfProblems(problems: ImportProblem[]): void {
  if (problems.length > 0) throw new ImportError(problems);
}

/** Rows whose stable id occurs more than once in one input are problems too: a re-import must not guess. */
export function duplicateIdProblems<T>(file: string, items: T[], idOf: (item: T) => string, rowOf: (item: T) => number | undefined) {
  const seen = new Map<string, number | undefined>();
  const problems: ImportProblem[] = [];
  for (const item of items) {
    const id = idOf(item);
    if (seen.has(id)) {
      problems.push({ file, row: rowOf(item), field: 'id', value: id, reason: `duplicates the row at line ${seen.get(id)}` });
    } else seen.set(id, rowOf(item));
  }
  return problems;
}
