import 'reflect-metadata';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readConfig } from '../../subgraphs/kit/config';
import { repositoryRoot } from '../../common/paths';
import { generateAll } from './generate-all';
import { GENERATE_USAGE, parseGenerateArgs, type GenerateOptions } from './options';

/** `npm run generate -- --lines N …`: synthetic input files in the real formats, for benchmarks (see tools/generate/). */
function main(): void {
  let options: GenerateOptions;
  try {
    options = parseGenerateArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: ${GENERATE_USAGE}`);
    process.exitCode = 2;
    return;
  }
  const out = path.resolve(process.cwd(), options.out);
  const started = performance.now();
  const manifest = generateAll({ ...options, out }, readConfig().dataDirectory);
  const seconds = (performance.now() - started) / 1000;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `SYNTHETIC data (dataset "${manifest.dataset}", seed "${manifest.seed}", fiscal year ${manifest.fiscalYear}) in ${displayPath(out)}`,
  );
  console.log(
    `  budget lines        ${manifest.budget.lines.toLocaleString('en')} (${manifest.budget.programs} programs), ${plural(manifest.budget.files.length, 'file')} → ${manifest.budget.directory}/`,
  );
  console.log(
    `  OCDS payments       ${manifest.ocds.transactions.toLocaleString('en')} in ${manifest.ocds.contracts.toLocaleString('en')} contracts, ${plural(manifest.ocds.files, 'file')} → ${manifest.ocds.directory}/`,
  );
  console.log(
    `  archival records    ${manifest.archives.records.toLocaleString('en')} (${manifest.archives.subjects.toLocaleString('en')} subjects, ${manifest.archives.documents.toLocaleString('en')} documents) → ${manifest.archives.directory}/`,
  );
  console.log(
    `  CompraNet contracts ${manifest.compranet.contracts.toLocaleString('en')}, ${plural(manifest.compranet.files.length, 'file')} → ${manifest.compranet.directory}/`,
  );
  console.log(`  ${seconds.toFixed(1)} s, peak RSS ${peakMb.toFixed(0)} MB`);
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
}

/** Relative to the project when inside it, absolute otherwise. */
function displayPath(folder: string): string {
  const relative = path.relative(repositoryRoot, folder);
  return relative.startsWith('..') || path.isAbsolute(relative) ? folder : relative;
}

main();
