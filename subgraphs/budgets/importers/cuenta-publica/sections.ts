import type { ImportProblem } from '../../../kit/import/problems';
import { formatMoney, type Money } from '../../../kit/money';
import { MOMENT_LABELS, MOMENTS, type Block, type Moment } from './blocks';
import { agreesWithin } from './figures';
import { bodiesOfRamo, ramoByName, sameRamoName } from './ramos';

/**
 * A ramo's (or a body's) part of the file: its totals block and the program blocks after it. The files nest an ente's
 * totals, then per ramo its totals and its programs; the totals are what the programs are checked against.
 */
export interface Section {
  /** The ramo or body the section is about. */
  name: string;
  /** The ramo or body as the file's rows name it (differs from `name` where the compilation mislabels them). */
  label: string;
  total: Block;
  programs: Block[];
}

interface Ente {
  total: Block;
  sections: Section[];
}

export interface Sections {
  sections: Section[];
  /** Where the file's labels were not taken as published, and why (for the import report). */
  corrections: string[];
}

const lineOf = (block: Block) => block.first.line;
const lastLine = (block: Block) => block.rows[block.rows.length - 1].line;

/**
 * Groups the blocks of one file into sections, reading two defects of the compilation as what the file's own totals
 * show them to be:
 *
 * - From 2020 the judicial branch's third body, the Tribunal Electoral del Poder Judicial de la Federación, loses its
 *   name: its rows carry the previous body's, "Consejo de la Judicatura Federal", and in 2020 its totals carry its own
 *   name under PROGRAMA. A body whose totals are published a second time within an ente is the one body of its ramo
 *   the ente does not otherwise name (when exactly one is missing); the ente's total, checked below, is the sum of
 *   all three.
 * - In 2014 the armed forces' programs (modality A) of Defensa Nacional and Marina are listed before those ramos'
 *   totals, under the ramo before them (Hacienda y Crédito Público, Salud), after its last program and out of key
 *   order. Such a trailing run is moved to the next ramo only when the totals prove it: without it the ramo's programs
 *   add up to its total, and with it the next ramo's do.
 */
export function sectionsOf(blocks: Block[], problems: ImportProblem[]): Sections {
  const sections: Section[] = [];
  const entes: Ente[] = [];
  const corrections: string[] = [];
  let ente: { name: string; total: Ente | null; named: string[] } | null = null;
  let current: Section | null = null;

  for (const block of blocks) {
    const enteName = block.first.values.ente;
    if (!ente || ente.name !== enteName) {
      ente = { name: enteName, total: null, named: [] };
      current = null;
    }
    if (block.kind === 'program') {
      if (current && sameRamoName(block.label, current.label)) current.programs.push(block);
      else {
        problems.push({
          file: block.file,
          row: lineOf(block),
          field: block.labelField,
          value: block.label,
          reason: current
            ? `is not the ramo of the totals before it (${current.label}, line ${lineOf(current.total)}): a program must follow its ramo's totals`
            : 'has no totals before it: a program must follow the totals of its ramo',
        });
      }
      continue;
    }
    if (block.label === '' && !block.namedTotal) {
      ente.total = { total: block, sections: [] };
      entes.push(ente.total);
      current = null;
      continue;
    }
    const name = sectionName(block, ente.named, corrections, problems);
    current = { name, label: block.label, total: block, programs: [] };
    sections.push(current);
    ente.named.push(name);
    ente.total?.sections.push(current);
  }
  for (const section of sections) {
    if (section.name !== section.label && section.programs.length > 0) {
      const programs = section.programs;
      corrections.push(
        `${section.total.file} lines ${lineOf(programs[0])}–${lastLine(programs[programs.length - 1])}: the programs labelled "${section.label}" after those totals are read as ${section.name}'s`,
      );
    }
  }
  moveMisplaced(sections, corrections);
  checkSections(sections, problems);
  checkEntes(entes, problems);
  return { sections, corrections };
}

function sectionName(block: Block, named: string[], corrections: string[], problems: ImportProblem[]): string {
  const where = `${block.file} line ${lineOf(block)}`;
  if (block.namedTotal) {
    corrections.push(
      `${where}: the totals of ${block.namedTotal} are published with its name under PROGRAMA and "${block.label}" as the body; they are read as ${block.namedTotal}'s`,
    );
    return block.namedTotal;
  }
  if (!named.some((name) => sameRamoName(name, block.label))) return block.label;
  const ramo = ramoByName(block.label);
  const missing = ramo?.body ? bodiesOfRamo(ramo.code).filter((body) => !named.some((name) => sameRamoName(name, body))) : [];
  if (missing.length === 1) {
    corrections.push(
      `${where}: "${block.label}" is published a second time in ${block.first.values.ente}; these totals are read as those of ${missing[0]}, the one body of ramo ${ramo?.code} the file does not name`,
    );
    return missing[0];
  }
  problems.push({
    file: block.file,
    row: lineOf(block),
    field: block.labelField,
    value: block.label,
    reason: `repeats the totals of ${block.label} earlier in ${block.first.values.ente}: the file names two ramos alike and it cannot be told which this is`,
  });
  return block.label;
}

const amountOf = (block: Block, moment: Moment): Money => block.amounts.get(moment)?.value ?? 0n;

function sumOf(blocks: Block[], moment: Moment): Money {
  return blocks.reduce((sum, block) => sum + amountOf(block, moment), 0n);
}

const checkable = (section: Section) => section.total.clean && section.programs.every((block) => block.clean);

function agrees(total: Block, programs: Block[]): boolean {
  return MOMENTS.every((moment) => agreesWithin(amountOf(total, moment), sumOf(programs, moment), programs.length));
}

/** The trailing run of programs that breaks the key order the file lists a ramo's programs in, if any. */
function outOfOrderTail(programs: Block[]): number | null {
  for (let i = programs.length - 1; i > 0; i -= 1) {
    if (programs[i].program < programs[i - 1].program) return i;
  }
  return null;
}

function moveMisplaced(sections: Section[], corrections: string[]): void {
  for (let i = 0; i + 1 < sections.length; i += 1) {
    const [before, after] = [sections[i], sections[i + 1]];
    if (before.total.first.values.ente !== after.total.first.values.ente || !checkable(before) || !checkable(after)) continue;
    const start = outOfOrderTail(before.programs);
    if (start === null || agrees(before.total, before.programs)) continue;
    const run = before.programs.slice(start);
    const kept = before.programs.slice(0, start);
    if (!agrees(before.total, kept) || !agrees(after.total, [...run, ...after.programs])) continue;
    before.programs = kept;
    after.programs = [...run, ...after.programs];
    corrections.push(
      `${before.total.file} lines ${lineOf(run[0])}–${lastLine(run[run.length - 1])}: ${run.length} programs (${run[0].program} … ${run[run.length - 1].program}) are published under ${before.name} after its last program and before the totals of ${after.name} (line ${lineOf(after.total)}); they are read as ${after.name}'s, whose totals they complete`,
    );
  }
}

function mismatch(total: Block, moment: Moment, sum: Money, what: string): ImportProblem {
  const figure = total.amounts.get(moment);
  const value = figure?.value ?? 0n;
  return {
    file: total.file,
    row: figure?.row.line ?? lineOf(total),
    field: 'total',
    value: figure?.row.values.total,
    reason: `the ${MOMENT_LABELS[moment]} total ${formatMoney(value)} is not the sum of ${what}, ${formatMoney(sum)} (${formatMoney(sum - value)} apart, more than the rounding of each figure to the centavo explains): a row is missing, repeated or misplaced`,
  };
}

function checkSections(sections: Section[], problems: ImportProblem[]): void {
  for (const section of sections) {
    if (!checkable(section)) continue;
    for (const moment of MOMENTS) {
      const sum = sumOf(section.programs, moment);
      if (!agreesWithin(amountOf(section.total, moment), sum, section.programs.length)) {
        const parts = section.programs.length === 1 ? 'the one program' : `the ${section.programs.length} programs`;
        problems.push(mismatch(section.total, moment, sum, `${parts} of ${section.name} that follow`));
      }
    }
  }
}

function checkEntes(entes: Ente[], problems: ImportProblem[]): void {
  for (const ente of entes) {
    if (!ente.total.clean || !ente.sections.every((section) => section.total.clean)) continue;
    const totals = ente.sections.map((section) => section.total);
    for (const moment of MOMENTS) {
      const sum = sumOf(totals, moment);
      if (!agreesWithin(amountOf(ente.total, moment), sum, totals.length)) {
        const parts = totals.length === 1 ? 'the one ramo or body' : `the ${totals.length} ramos or bodies`;
        problems.push(mismatch(ente.total, moment, sum, `the totals of ${parts} of ${ente.total.first.values.ente} that follow`));
      }
    }
  }
}
