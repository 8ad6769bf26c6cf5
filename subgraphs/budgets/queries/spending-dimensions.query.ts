import { registerEnumType } from 'type-graphql';

/** What `spending` can group and filter budget lines by. */
export enum SpendingDimension {
  FISCAL_YEAR = 'FISCAL_YEAR',
  STATE = 'STATE',
  RAMO = 'RAMO',
  INSTITUTION = 'INSTITUTION',
  PROGRAM = 'PROGRAM',
  MODALITY = 'MODALITY',
  CHAPTER = 'CHAPTER',
  CONCEPT = 'CONCEPT',
  GENERIC_ITEM = 'GENERIC_ITEM',
  FUNDING_SOURCE = 'FUNDING_SOURCE',
  EXPENSE_TYPE = 'EXPENSE_TYPE',
  FUNCTION = 'FUNCTION',
}

registerEnumType(SpendingDimension, {
  name: 'SpendingDimension',
  description: 'A classifier of the budget lines that spending can be grouped and filtered by (*clasificación del gasto*).',
  valuesConfig: {
    FISCAL_YEAR: { description: 'Fiscal year (*ciclo*).' },
    STATE: {
      description:
        'State (*entidad federativa*) the money is spent in; abroad and not geographically distributable are cells of their own, with a null state.',
    },
    RAMO: { description: 'Ramo (*ramo*, the administrative branch).' },
    INSTITUTION: { description: 'Responsible unit (*unidad responsable*), as an institution.' },
    PROGRAM: { description: 'Budget program (*programa presupuestario*).' },
    MODALITY: { description: 'Program modality (*modalidad*), e.g. S = subject to operating rules.' },
    CHAPTER: { description: 'Chapter of the object of expenditure (*capítulo*), e.g. 3000.' },
    CONCEPT: { description: 'Concept of the object of expenditure (*concepto*), e.g. 3700.' },
    GENERIC_ITEM: { description: 'Generic item of the object of expenditure (*partida genérica*), e.g. 379.' },
    FUNDING_SOURCE: { description: 'Funding source (*fuente de financiamiento*).' },
    EXPENSE_TYPE: { description: 'Expense type (*tipo de gasto*).' },
    FUNCTION: { description: 'Function of the functional classification (*función*).' },
  },
});

/**
 * How a dimension is stored: the columns that tell its cells apart (`keys`) and the published names that go with
 * them (`names`, one per code, summed as MIN). The names are those of both the budget line and the rollup row; the
 * few a line does not hold come from its program.
 */
export interface DimensionColumns {
  keys: string[];
  names: string[];
}

export const DIMENSION_COLUMNS: Record<SpendingDimension, DimensionColumns> = {
  FISCAL_YEAR: { keys: ['fiscalYear'], names: [] },
  // A null state is abroad or not distributable: the published geography keeps the two apart.
  STATE: { keys: ['stateId', 'geography'], names: [] },
  RAMO: { keys: ['ramoCode'], names: ['ramoName'] },
  INSTITUTION: { keys: ['institutionId'], names: ['unitName'] },
  PROGRAM: { keys: ['programId'], names: [] },
  MODALITY: { keys: ['modalityCode'], names: ['modalityName'] },
  CHAPTER: { keys: ['chapterCode'], names: ['chapterName'] },
  CONCEPT: { keys: ['conceptCode'], names: ['conceptName'] },
  GENERIC_ITEM: { keys: ['genericItemCode'], names: ['genericItemName'] },
  FUNDING_SOURCE: { keys: ['fundingSourceCode'], names: ['fundingSourceName'] },
  EXPENSE_TYPE: { keys: ['expenseTypeCode'], names: ['expenseTypeName'] },
  FUNCTION: { keys: ['functionCode'], names: ['functionName'] },
};

/** Columns a budget line does not hold: they are read from its program. */
export const PROGRAM_COLUMNS = new Set(['ramoName', 'modalityCode', 'modalityName']);

export const DIMENSIONS = Object.values(SpendingDimension);

/** Dimensions in their declared order, without repeats: the canonical form of a grouping. */
export function canonical(dimensions: Iterable<SpendingDimension>): SpendingDimension[] {
  const wanted = new Set(dimensions);
  return DIMENSIONS.filter((dimension) => wanted.has(dimension));
}

const CROSSED = [SpendingDimension.STATE, SpendingDimension.RAMO, SpendingDimension.CHAPTER, SpendingDimension.INSTITUTION];

/**
 * Every dimension at once: the finest pre-summed cells, one per distinct combination of the dimensions' keys in a
 * year. The rollup refresh reads the lines once into these cells and derives every coarser grouping from them, and an
 * aggregate no coarser rollup covers sums them instead of the lines (fewer rows when lines share their classifiers,
 * and narrower ones, with no program to join).
 */
export const FINEST_GROUPING: SpendingDimension[] = DIMENSIONS.filter((dimension) => dimension !== SpendingDimension.FISCAL_YEAR);

/**
 * The groupings kept pre-summed, each per fiscal year: no other dimension, every dimension alone, every pair with a
 * state, a ramo, a chapter or an institution — the questions dashboards ask first (year × state, which institutions
 * spend most on chapter 3000) — and the finest cells. The pairs' cells are bounded by the catalogues, not by the
 * number of lines; the finest may hold one per line.
 */
export const ROLLUP_GROUPINGS: SpendingDimension[][] = (() => {
  const others = FINEST_GROUPING;
  const groupings = new Map<string, SpendingDimension[]>([['', []]]);
  for (const dimension of others) groupings.set(dimension, [dimension]);
  for (const first of CROSSED) {
    for (const second of others) {
      if (second === first) continue;
      const pair = canonical([first, second]);
      groupings.set(pair.join(','), pair);
    }
  }
  groupings.set(FINEST_GROUPING.join(','), FINEST_GROUPING);
  return [...groupings.values()];
})();

/**
 * The rollup a grouping's cells are summed from when the rollups are refreshed, or null for the lines themselves:
 * the finest cells from the lines, a pair from the finest cells, a dimension alone from its pair with the ramo (few
 * cells: ramos are few), and the year's total from the ramos. Each is a rollup refreshed before the grouping itself.
 */
export function derivedFrom(grouping: SpendingDimension[]): SpendingDimension[] | null {
  if (grouping.length === FINEST_GROUPING.length) return null;
  if (grouping.length === 2) return FINEST_GROUPING;
  if (grouping.length === 0) return [SpendingDimension.RAMO];
  const [only] = grouping;
  return canonical([SpendingDimension.RAMO, only === SpendingDimension.RAMO ? SpendingDimension.CHAPTER : only]);
}

/** The rollups in the order a refresh writes them: each after the one it is derived from. */
export const REFRESH_ORDER: SpendingDimension[][] = [...ROLLUP_GROUPINGS].sort((a, b) => b.length - a.length);

/** The smallest rollup that holds every needed dimension (the fiscal year is in all of them: the finest at worst). */
export function rollupFor(needed: Iterable<SpendingDimension>): SpendingDimension[] {
  const wanted = [...new Set(needed)].filter((dimension) => dimension !== SpendingDimension.FISCAL_YEAR);
  const fitting = ROLLUP_GROUPINGS.filter((grouping) => wanted.every((dimension) => grouping.includes(dimension)));
  fitting.sort((a, b) => a.length - b.length);
  return fitting[0];
}
