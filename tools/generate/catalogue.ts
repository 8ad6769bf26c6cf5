import fs from 'node:fs';
import path from 'node:path';
import { readCsv, type CsvRow } from '../../subgraphs/kit/import/csv-file';
import { programKey } from '../../subgraphs/kit/ids';

/**
 * One administrative and programmatic combination seen in a real OFDP row: who spends (ramo, responsible
 * unit), on what function and activity, under which program. Codes are kept as the files write them.
 */
export interface ProgramTemplate {
  ramo: string;
  ramoName: string;
  unit: string;
  unitName: string;
  group: string;
  groupName: string;
  function: string;
  functionName: string;
  subfunction: string;
  subfunctionName: string;
  activity: string;
  activityName: string;
  modality: string;
  modalityName: string;
  program: string;
  programName: string;
}

/** The four levels of the object of expenditure (*partida*), from rows that publish all four with names. */
export interface SpendingItem {
  chapter: string;
  chapterName: string;
  concept: string;
  conceptName: string;
  generic: string;
  genericName: string;
  specific: string;
  specificName: string;
}

export interface Coded {
  code: string;
  name: string;
}

export interface BudgetCatalogue {
  templates: ProgramTemplate[];
  items: SpendingItem[];
  /** Geography codes 1–34 with the names the files use. */
  states: Coded[];
  fundingSources: Coded[];
  expenseTypes: Coded[];
}

export function templateProgramKey(template: ProgramTemplate): string {
  return programKey(template.ramo, template.modality, template.program);
}

/**
 * Reads the real catalogues out of every shipped OFDP sample (data/shcp-pef/*.csv). Names are made consistent
 * per code (first spelling wins, files in name order), because the importer rejects a program named two ways,
 * and everything is sorted by code so that the result does not depend on row order.
 */
export function readBudgetCatalogue(dataDirectory: string): BudgetCatalogue {
  const folder = path.join(dataDirectory, 'shcp-pef');
  const files = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.csv'))
    .sort();
  if (files.length === 0) throw new Error(`no OFDP sample in ${folder}: the generator takes its catalogues from them`);
  const rows = files.flatMap((name) => readCsv(path.join(folder, name)));

  const firstName = new Map<string, string>();
  const named = (scope: string, code: string, name: string) => {
    const key = `${scope}|${code}`;
    if (!firstName.has(key)) firstName.set(key, name);
    return firstName.get(key) ?? name;
  };
  const templates = new Map<string, ProgramTemplate>();
  const items = new Map<string, SpendingItem>();
  const states = new Map<string, Coded>();
  const fundingSources = new Map<string, Coded>();
  const expenseTypes = new Map<string, Coded>();
  for (const { values: v } of rows) {
    const template = templateOf(v, named);
    const codes = templateCodes(template).join('.');
    if (!templates.has(codes)) templates.set(codes, template);
    const item = itemOf(v);
    if (item && !items.has(item.specific)) items.set(item.specific, item);
    addCoded(states, v.id_entidad_federativa, v.entidad_federativa);
    addCoded(fundingSources, v.id_ff, v.desc_ff);
    addCoded(expenseTypes, v.id_tipogasto, v.desc_tipogasto);
  }
  return {
    templates: [...templates.entries()].sort(byKey).map(([, template]) => template),
    items: [...items.values()].sort((x, y) => Number(x.specific) - Number(y.specific)),
    states: sortedCodes(states),
    fundingSources: sortedCodes(fundingSources),
    expenseTypes: sortedCodes(expenseTypes),
  };
}

function templateOf(v: CsvRow['values'], named: (scope: string, code: string, name: string) => string): ProgramTemplate {
  const key = programKey(v.id_ramo, v.id_modalidad, v.id_pp);
  return {
    ramo: v.id_ramo,
    ramoName: named('ramo', v.id_ramo.padStart(2, '0'), v.desc_ramo),
    unit: v.id_ur,
    unitName: named('unit', `${v.id_ramo.padStart(2, '0')}${v.id_ur}`, v.desc_ur),
    group: v.gpo_funcional,
    groupName: named('group', v.gpo_funcional, v.desc_gpo_funcional),
    function: v.id_funcion,
    functionName: named('function', `${v.gpo_funcional}.${v.id_funcion}`, v.desc_funcion),
    subfunction: v.id_subfuncion,
    subfunctionName: named('subfunction', `${v.gpo_funcional}.${v.id_funcion}.${v.id_subfuncion}`, v.desc_subfuncion),
    activity: v.id_ai,
    activityName: v.desc_ai,
    modality: v.id_modalidad,
    modalityName: named('modality', key, v.desc_modalidad),
    program: v.id_pp,
    programName: named('program', key, v.desc_pp),
  };
}

function templateCodes(t: ProgramTemplate): string[] {
  return [t.ramo.padStart(2, '0'), t.unit, t.group, t.function, t.subfunction, t.activity, t.modality, t.program.padStart(3, '0')];
}

/** Only rows that publish all four levels (the 2018 layout); the 2017 file folds the specific item into the concept. */
function itemOf(v: CsvRow['values']): SpendingItem | null {
  const fields = [v.id_capitulo, v.desc_capitulo, v.id_concepto, v.desc_concepto, v.id_partida_generica, v.desc_partida_generica];
  if ([...fields, v.id_partida_especifica, v.desc_partida_especifica].some((value) => !value)) return null;
  return {
    chapter: v.id_capitulo,
    chapterName: v.desc_capitulo,
    concept: v.id_concepto,
    conceptName: v.desc_concepto,
    generic: v.id_partida_generica,
    genericName: v.desc_partida_generica,
    specific: v.id_partida_especifica,
    specificName: v.desc_partida_especifica,
  };
}

function addCoded(into: Map<string, Coded>, code: string, name: string): void {
  if (code && !into.has(code)) into.set(code, { code, name });
}

function sortedCodes(codes: Map<string, Coded>): Coded[] {
  return [...codes.values()].sort((x, y) => Number(x.code) - Number(y.code) || x.code.localeCompare(y.code));
}

function byKey<T>([x]: [string, T], [y]: [string, T]): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

export interface SeriesCode {
  code: string;
  name: string;
}

/** Real series of the shipped disposition catalogue (data/archives/cadido_series.csv), which generated records are filed in. */
export function readSeriesCodes(dataDirectory: string): SeriesCode[] {
  return readCsv(path.join(dataDirectory, 'archives', 'cadido_series.csv'))
    .map(({ values }) => ({ code: values.series_code, name: values.series_name }))
    .sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
}
