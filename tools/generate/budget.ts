import { OFDP_COLUMNS } from '../../subgraphs/budgets/importers/shcp-budget.importer';
import { formatAmount, lineAmounts, type LineAmounts } from './amounts';
import { templateProgramKey, type BudgetCatalogue, type Coded, type ProgramTemplate, type SpendingItem } from './catalogue';
import type { Random } from './random';
import { budgetFileName, LINES_PER_BUDGET_FILE, SYNTHETIC_FISCAL_YEAR } from './synthetic';
import { SplitCsvWriter } from './writer';

/** A program that the generated file has at least one line for: what contracts may be charged to. */
export interface GeneratedProgram {
  /** `33I005`. */
  key: string;
  template: ProgramTemplate;
}

export interface BudgetSummary {
  /** File names, in order. */
  files: string[];
  lines: number;
  /** In the order the file first names them. */
  programs: GeneratedProgram[];
}

/**
 * Writes `count` OFDP lines into `directory`, `linesPerFile` a file, every one a distinct budget key. Line i gets
 * combination number (a·i + b) mod M of the M = templates × items × states × funding sources × expense types the
 * catalogues allow, with a coprime to M: a permutation, so keys never repeat and nothing has to remember the keys
 * already used.
 */
export function writeBudgetFiles(
  directory: string,
  count: number,
  catalogue: BudgetCatalogue,
  random: Random,
  linesPerFile = LINES_PER_BUDGET_FILE,
): BudgetSummary {
  const { templates, items, states, fundingSources, expenseTypes } = catalogue;
  const radices = [expenseTypes.length, fundingSources.length, states.length, items.length, templates.length].map(BigInt);
  const combinations = radices.reduce((product, radix) => product * radix, 1n);
  if (BigInt(count) > combinations) {
    throw new Error(`--lines ${count} exceeds the ${combinations} distinct budget keys the shipped catalogues allow`);
  }
  let step = 1n + random.bigBelow(combinations);
  while (gcd(step, combinations) !== 1n) step = 1n + random.bigBelow(combinations);
  const offset = random.bigBelow(combinations);

  const programs = new Map<string, GeneratedProgram>();
  const writer = new SplitCsvWriter(directory, OFDP_COLUMNS, linesPerFile, budgetFileName, '\r\n');
  for (let i = 0; i < count; i += 1) {
    let k = (step * BigInt(i) + offset) % combinations;
    const [expenseType, fundingSource, state, item, template] = radices.map((radix) => {
      const digit = Number(k % radix);
      k /= radix;
      return digit;
    });
    const line: LineParts = {
      template: templates[template],
      item: items[item],
      state: states[state],
      fundingSource: fundingSources[fundingSource],
      expenseType: expenseTypes[expenseType],
      amounts: lineAmounts(random),
    };
    const key = templateProgramKey(line.template);
    if (!programs.has(key)) programs.set(key, { key, template: line.template });
    const row = lineRow(line);
    writer.write(OFDP_COLUMNS.map((column) => row[column]));
  }
  writer.close();
  return { files: writer.files, lines: count, programs: [...programs.values()] };
}

interface LineParts {
  template: ProgramTemplate;
  item: SpendingItem;
  state: Coded;
  fundingSource: Coded;
  expenseType: Coded;
  amounts: LineAmounts;
}

/** One OFDP row by column name. No investment-portfolio key (`0`, as in 2018), no ADEFAS and no year-end exercise. */
function lineRow({ template, item, state, fundingSource, expenseType, amounts }: LineParts): Record<string, string> {
  return {
    ciclo: String(SYNTHETIC_FISCAL_YEAR),
    id_ramo: template.ramo,
    desc_ramo: template.ramoName,
    id_ur: template.unit,
    desc_ur: template.unitName,
    gpo_funcional: template.group,
    desc_gpo_funcional: template.groupName,
    id_funcion: template.function,
    desc_funcion: template.functionName,
    id_subfuncion: template.subfunction,
    desc_subfuncion: template.subfunctionName,
    id_ai: template.activity,
    desc_ai: template.activityName,
    id_modalidad: template.modality,
    desc_modalidad: template.modalityName,
    id_pp: template.program,
    desc_pp: template.programName,
    id_capitulo: item.chapter,
    desc_capitulo: item.chapterName,
    id_concepto: item.concept,
    desc_concepto: item.conceptName,
    id_partida_generica: item.generic,
    desc_partida_generica: item.genericName,
    id_partida_especifica: item.specific,
    desc_partida_especifica: item.specificName,
    id_tipogasto: expenseType.code,
    desc_tipogasto: expenseType.name,
    id_ff: fundingSource.code,
    desc_ff: fundingSource.name,
    id_entidad_federativa: state.code,
    entidad_federativa: state.name,
    id_clave_cartera: '0',
    monto_adefas: '',
    monto_aprobado: formatAmount(amounts.approved),
    monto_modificado: formatAmount(amounts.modified),
    monto_devengado: formatAmount(amounts.accrued),
    monto_ejercicio: '',
    monto_ejercido: formatAmount(amounts.exercised),
    monto_pagado: formatAmount(amounts.paid),
  };
}

function gcd(x: bigint, y: bigint): bigint {
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}
