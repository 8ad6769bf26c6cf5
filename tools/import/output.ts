import { describeProblem } from '../../subgraphs/kit/import/problems';
import type { FileReport, ImportReport } from './report';

/** The human listing stops here; the JSON output and the rejects file have every problem. */
export const LISTED_PROBLEMS = 50;

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

function fileLine(file: FileReport, report: ImportReport): string {
  const read = file.rows === null ? 'unreadable' : `${plural(file.rows, report.input === 'json' ? 'item' : 'row')} read`;
  // Rows are compared with the stored ones only when the load goes ahead (or would, in a dry run).
  const counts =
    report.entities.length === 0
      ? ''
      : !file.counted
        ? '; merged into the rows of the other files'
        : report.dryRun
          ? `; ${file.unit}: would insert ${file.inserted}, update ${file.updated}, leave ${file.unchanged} unchanged`
          : `; ${file.unit}: ${file.inserted} inserted, ${file.updated} updated, ${file.unchanged} unchanged`;
  return `  ${file.file}: ${read}${counts}; ${file.rejected} rejected`;
}

/** The summary a person reads: what went where, per file, every problem (up to a limit), and what to do next. */
export function humanReport(report: ImportReport): string {
  const lines = [
    `${report.format} → ${report.subgraph}${report.database ? `, ${report.database}` : ''}${report.dryRun ? ' [dry run: nothing is changed]' : ''}`,
  ];
  lines.push(...report.files.map((file) => fileLine(file, report)));
  if (report.entities.length > 1) {
    for (const entity of report.entities) {
      lines.push(
        `  ${entity.entity}: ${entity.inserted} ${report.dryRun ? 'to insert' : 'inserted'}, ${entity.updated} ${report.dryRun ? 'to update' : 'updated'}, ${entity.unchanged} unchanged`,
      );
    }
  }
  for (const warning of report.warnings) lines.push(`Note: ${warning}`);

  if (report.problemCount > 0) {
    lines.push(`${plural(report.problemCount, 'problem')}:`);
    const shown = report.problems.slice(0, LISTED_PROBLEMS);
    lines.push(...shown.map((problem) => `  - ${describeProblem(problem)}`));
    const unlisted = report.problemCount - shown.length;
    if (unlisted > 0) {
      const where =
        report.problems.length > shown.length
          ? 'the --json output and the rejects file have them all'
          : 'not listed: --max-errors was reached';
      lines.push(`  … and ${unlisted} more (${where})`);
    }
  }
  if (report.stoppedEarly) {
    const skipped = report.notRead.length > 0 ? `; not read: ${report.notRead.join(', ')}` : '';
    lines.push(
      `Stopped early: --max-errors reached (${plural(report.problemCount, 'problem')} in the files read)${skipped}. Nothing was written.`,
    );
  }

  const { inserted, updated, unchanged, rejected } = report.summary;
  if (report.dryRun) {
    lines.push(
      report.entities.length > 0 || report.problemCount === 0
        ? `Dry run: would insert ${inserted}, update ${updated}, leave ${unchanged} unchanged; ${rejected} rejected. Nothing was changed.`
        : `Dry run: the input would be rejected (${rejected} rejected). Nothing was changed.`,
    );
  } else if (report.written) {
    lines.push(
      `Loaded: ${inserted} inserted, ${updated} updated, ${unchanged} unchanged; ${rejected} rejected${rejected > 0 ? ' and left out' : ''}.`,
    );
  } else if (!report.stoppedEarly) {
    lines.push(
      `Nothing was written: ${report.format} loads all or nothing${report.format === 'compranet' ? ' unless --skip-rejected is given (problems with a whole file always stop it)' : ''}. ${rejected} rejected.`,
    );
  }
  if (report.rejectsFiles.length > 0) {
    lines.push(`Rejected input written to ${report.rejectsFiles.join(', ')}: fix it there (or in the original) and import it again.`);
  }
  return `${lines.join('\n')}\n`;
}

const BAR_WIDTH = 30;

/** One terminal line, redrawn in place while a table is written and ended once it is: a person sees a long load move. */
export function progressBar(table: string, done: number, total: number): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * BAR_WIDTH);
  const counts = `${done.toLocaleString('en')}/${total.toLocaleString('en')}`;
  return `\r… writing ${table} rows [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${Math.floor(share * 100)}% ${counts}${done >= total ? '\n' : ''}`;
}
