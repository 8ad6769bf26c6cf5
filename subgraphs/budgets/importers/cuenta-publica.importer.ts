import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { collectProblems, type ImportProblem } from '../../kit/import/problems';
import { readCsv, requireColumns } from '../../kit/import/csv-file';
import { upsertAll } from '../../kit/import/bulk-write';
import { sourceAt } from '../../kit/provenance';
import { ProgramAccount } from '../entities/program-account.entity';
import { blocksOf, parseBlock, percentageDecimals, type Block, type Figure, type Moment } from './cuenta-publica/blocks';
import { sectionsOf, type Section } from './cuenta-publica/sections';
import { ramoByName } from './cuenta-publica/ramos';
import { compareWithStored, summarize, type ImportSummary } from '../../kit/import/import-summary';
import { budgetProgramId } from '../../kit/ids';

/**
 * The Cuenta Pública files (lapanquecita/cuenta-publica, csv/<year>.csv) hold, per ente, ramo and program, a block of
 * consecutive rows sharing CICLO, ENTE, RAMO, SUBRAMO and PROGRAMA:
 *
 *   …,K027,Mantenimiento de Infraestructura,0.0,…   the program-name row: PRESUPUESTO is the name, amounts are 0
 *   …,K027,Aprobado,…,241000000.0,…                 approved
 *   …,K027,Modificado,…  …,K027,Devengado,…  …,K027,Ejercicio,…   modified, accrued, exercised
 *   …,K027,Porcentaje Ejer/Aprob,…  …,K027,Porcentaje Ejer/Modif,…   execution percentages
 *
 * PROGRAMA `TOTAL` blocks (no name row) are ente and ramo totals; they are checked (a ramo's programs must add up to
 * its total, an ente's ramos to the ente's) but not stored. The figures are the TOTAL column (current plus capital
 * spending and the parts neither includes). From 2015, for the executive, RAMO is the group ("Ramos Administrativos",
 * "Ramos Generales") and SUBRAMO the ramo; elsewhere RAMO is the ramo or body. The 2013 and 2014 files have no SUBRAMO
 * column: their ENTE names the executive's group.
 */
const COLUMNS = ['ciclo', 'ente', 'ramo', 'programa', 'presupuesto', 'total'];

/** The groups of executive ramos, which the 2013 and 2014 files publish as the ENTE. */
const GROUPS = ['ramos administrativos', 'ramos generales'];

export interface CuentaPublicaFileInput {
  file: string;
  /** Dataset id in data/datasets.json: `cuenta-publica`. */
  dataset: string;
}

export interface ParsedCuentaPublica {
  accounts: ProgramAccount[];
  problems: ImportProblem[];
  /** Where a file's labels were read otherwise than published, and why. */
  corrections: string[];
}

/** Parses Cuenta Pública files (pure: nothing is written) into one account per program block. */
export function parseCuentaPublicaFiles(inputs: CuentaPublicaFileInput[]): ParsedCuentaPublica {
  const parsed: ParsedCuentaPublica = { accounts: [], problems: [], corrections: [] };
  for (const input of inputs) {
    const file = path.basename(input.file);
    const rows = collectProblems(parsed.problems, () => {
      const read = readCsv(input.file, file);
      requireColumns(file, read, COLUMNS);
      return read;
    });
    if (rows === null) continue;
    const decimals = percentageDecimals(rows);
    const blocks = blocksOf(rows)
      .map((block) => parseBlock(file, block, decimals, parsed.problems))
      .filter((block): block is Block => block !== null);
    const { sections, corrections } = sectionsOf(blocks, parsed.problems);
    parsed.corrections.push(...corrections);
    for (const section of sections) {
      for (const block of section.programs) {
        if (!block.nameRow) {
          parsed.corrections.push(
            `${file} line ${block.first.line}: program ${block.program} of ${section.name} has no name row (the account names it with an empty cell); it is loaded without a name`,
          );
        }
        const account = accountOf(input.dataset, file, section, block, parsed.problems);
        if (account) parsed.accounts.push(account);
      }
    }
  }
  parsed.problems.push(...duplicateAccounts(parsed.accounts));
  return parsed;
}

function accountOf(dataset: string, file: string, section: Section, block: Block, problems: ImportProblem[]): ProgramAccount | null {
  const { first, program } = block;
  const ramo = ramoByName(section.name);
  if (!ramo) {
    problems.push({
      file,
      row: first.line,
      field: block.labelField,
      value: block.label,
      reason: 'is not a federal ramo or body this importer knows (see importers/cuenta-publica/ramos.ts)',
    });
    return null;
  }
  if (!block.clean) return null;
  const year = first.values.ciclo;
  const ente = first.values.ente;
  const figure = (moment: Moment) => block.amounts.get(moment) as Figure;
  const account = new ProgramAccount();
  account.id = `${year}:${ramo.code}:${program}${ramo.body ? `@${section.name}` : ''}`;
  account.fiscalYear = Number(year);
  account.entity = ente;
  account.ramoCode = ramo.code;
  account.ramoName = section.name;
  account.ramoGroup = block.labelField === 'subramo' ? first.values.ramo || null : GROUPS.includes(ente.toLowerCase()) ? ente : null;
  account.programAsPublished = program;
  account.key = `${ramo.code}${program}`;
  account.programId = budgetProgramId(year, account.key);
  account.name = block.nameRow?.values.presupuesto ?? null;
  account.approved = figure('approved').value;
  account.modified = figure('modified').value;
  account.accrued = figure('accrued').value;
  account.exercised = figure('exercised').value;
  account.approvedLine = figure('approved').row.line;
  account.modifiedLine = figure('modified').row.line;
  account.accruedLine = figure('accrued').row.line;
  account.exercisedLine = figure('exercised').row.line;
  account.source = sourceAt(dataset, file, { row: first.line });
  return account;
}

function duplicateAccounts(accounts: ProgramAccount[]): ImportProblem[] {
  const seen = new Map<string, ProgramAccount>();
  const problems: ImportProblem[] = [];
  for (const account of accounts) {
    const first = seen.get(account.id);
    if (first) {
      problems.push({
        file: account.source.file,
        row: account.source.row ?? undefined,
        field: 'programa',
        value: account.programAsPublished,
        reason: `repeats the program account ${account.id} of ${first.source.file} line ${first.source.row}`,
      });
    } else seen.set(account.id, account);
  }
  return problems;
}

export async function writeCuentaPublica(manager: EntityManager, parsed: ParsedCuentaPublica): Promise<ImportSummary> {
  const changes = await compareWithStored(manager, ProgramAccount, parsed.accounts);
  await upsertAll(manager, ProgramAccount, parsed.accounts);
  return summarize(changes);
}
