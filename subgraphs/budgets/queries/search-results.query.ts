import type { SearchSource, SearchSql } from '../../kit/search';
import { BudgetProgram } from '../entities/budget-program.entity';
import { ContractSupplier } from '../entities/contract-supplier.entity';
import { Contract } from '../entities/contract.entity';
import { RedFlagStatus } from '../entities/red-flag.object';
import { RED_FLAG_COLUMNS, STORED_RED_FLAG_CODES } from '../entities/red-flag.columns';
import { RED_FLAGS } from '../entities/red-flag.methodology';

/** Programs by name; also by id (`2018:33I005`), key, ramo and modality names. */
export const budgetProgramSearch: SearchSource = {
  kind: 'budget_program',
  select: (sql) => {
    const c = sql.columnsOf(BudgetProgram);
    return `SELECT ${c('id')} AS id, ${c('name')} AS title, ${sql.words(c('id'), c('key'), c('ramoName'), c('modalityName'))} AS body
      FROM ${sql.table(BudgetProgram)}`;
  },
};

/**
 * The red flags a contract raises as words: each code with its Spanish label (`SINGLE_BIDDER Un solo licitante`), so
 * that searching a code or a label finds the flagged contracts.
 */
function raisedFlagWords(sql: SearchSql): string[] {
  const c = sql.columnsOf(Contract);
  return STORED_RED_FLAG_CODES.map(
    (code) => `CASE WHEN ${c(RED_FLAG_COLUMNS[code]!)} = '${RedFlagStatus.RAISED}' THEN '${code} ${RED_FLAGS[code].labelEs}' END`,
  );
}

/**
 * Contracts by title; also by description, ids, procedure number, the names of the buyer and suppliers as published,
 * and the red flags they raise (code and Spanish label).
 */
export const contractSearch: SearchSource = {
  kind: 'contract',
  select: (sql) => {
    const c = sql.columnsOf(Contract);
    const body = sql.words(
      c('id'),
      c('ocid'),
      c('procedureNumber'),
      c('description'),
      sql.jsonField(c('buyerAsPublished'), 'name'),
      sql.jsonFields(c('suppliers'), 'name'),
      ...raisedFlagWords(sql),
    );
    return `SELECT ${c('id')} AS id, ${c('title')} AS title, ${body} AS body FROM ${sql.table(Contract)}`;
  },
};

/**
 * Suppliers by name, and by their identifier (RFC, RUPC folio); every spelling their contracts publish counts, the
 * first in order is the title.
 */
export const supplierSearch: SearchSource = {
  kind: 'supplier',
  select: (sql) => {
    const s = sql.columnsOf(ContractSupplier);
    return `SELECT ${s('supplierKey')} AS id, MIN(${s('name')}) AS title, ${sql.words(s('supplierKey'), sql.distinctValues(s('name')))} AS body
      FROM ${sql.table(ContractSupplier)} GROUP BY ${s('supplierKey')}`;
  },
};

export const searchSources = [budgetProgramSearch, contractSearch, supplierSearch];
