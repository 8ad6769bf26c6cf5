import path from 'node:path';
import { ImportError, type ImportProblem } from '../../shared/importing';

/** Runs a reader that may reject a whole file (unreadable, malformed) and turns the rejection into problems. */
export function collecting<T>(problems: ImportProblem[], read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (error instanceof ImportError) {
      problems.push(...error.problems);
      return null;
    }
    throw error;
  }
}

export function throwIfProblems(problems: ImportProblem[]): void {
  if (problems.length > 0) throw new ImportError(problems);
}

export function displayName(file: string): string {
  return path.basename(file);
}
