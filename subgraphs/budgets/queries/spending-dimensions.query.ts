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

const { FISCAL_YEAR, STATE, RAMO, INSTITUTION, PROGRAM, MODALITY, CHAPTER, CONCEPT, GENERIC_ITEM, FUNDING_SOURCE, EXPENSE_TYPE, FUNCTION } =
  SpendingDimension;

/**
 * Dimensions that another determines by how ids are built: a program id is year + ramo + modality + program, and a
 * responsible unit's id starts with its ramo. A grouping holding a program therefore has exactly the cells it would
 * have with its ramo and modality added, so the rollup stores those too and answers both groupings.
 */
const DETERMINES: Partial<Record<SpendingDimension, SpendingDimension[]>> = {
  [PROGRAM]: [RAMO, MODALITY],
  [INSTITUTION]: [RAMO],
};

/** The grouping with every dimension its dimensions determine (see DETERMINES), without the fiscal year: same cells. */
export function closure(dimensions: Iterable<SpendingDimension>): SpendingDimension[] {
  const given = [...dimensions].filter((dimension) => dimension !== FISCAL_YEAR);
  return canonical([...given, ...given.flatMap((dimension) => DETERMINES[dimension] ?? [])]);
}

/**
 * Every dimension at once: the finest pre-summed cells, one per distinct combination of the dimensions' keys in a
 * year. The rollup refresh reads the lines once into these cells and derives every coarser grouping from them or from
 * one another, and an aggregate no coarser rollup covers sums them instead of the lines (fewer rows when lines share
 * their classifiers, and narrower ones, with no program to join).
 */
export const FINEST_GROUPING: SpendingDimension[] = DIMENSIONS.filter((dimension) => dimension !== FISCAL_YEAR);

/**
 * Intermediate groupings that only make the refresh cheaper (and answer some groupings of three to six dimensions):
 * each is summed once from the finest cells, or from a smaller hub, and the pairs it holds are summed from its cells,
 * which are far fewer than the finest when its dimensions have few codes together. Each pair then costs a sort of a
 * hub's cells instead of one of the finest cells, which may be as many as the lines: a unit or a program with another
 * dimension reads the program structure (unit, program, function) crossed with it, whose cells are bounded by the
 * catalogues. On 1,000,000 generated lines the refresh took 43 s of CPU with these hubs, 51 s without the last two
 * program-structure hubs and 70 s when 46 groupings were each summed from the finest cells; at 100,000 lines all three
 * took 7–9 s.
 */
const HUBS: SpendingDimension[][] = [
  [INSTITUTION, PROGRAM, FUNCTION, CHAPTER, FUNDING_SOURCE, EXPENSE_TYPE],
  [INSTITUTION, PROGRAM, FUNCTION, GENERIC_ITEM],
  [INSTITUTION, PROGRAM, FUNCTION, STATE],
  [INSTITUTION, PROGRAM, FUNCTION, CONCEPT],
  [INSTITUTION, PROGRAM, FUNCTION],
  [STATE, RAMO, MODALITY, FUNCTION],
  [RAMO, MODALITY, FUNCTION, CHAPTER, FUNDING_SOURCE, EXPENSE_TYPE],
  [RAMO, MODALITY, FUNCTION, CONCEPT, GENERIC_ITEM],
  [STATE, CHAPTER, CONCEPT, GENERIC_ITEM],
  [STATE, CHAPTER, FUNDING_SOURCE, EXPENSE_TYPE],
  [CHAPTER, CONCEPT, GENERIC_ITEM, FUNDING_SOURCE, EXPENSE_TYPE],
];

/**
 * The groupings kept pre-summed, each per fiscal year and stored as its closure (see DETERMINES): no other dimension,
 * every dimension alone, every pair of dimensions — so any `spending` grouping or filter of up to two dimensions
 * besides the year reads a rollup whose cells are exactly its own — the hubs, and the finest cells. The pairs' cells
 * are bounded by the catalogues, not by the number of lines; the finest may hold one per line.
 */
export const ROLLUP_GROUPINGS: SpendingDimension[][] = (() => {
  const groupings = new Map<string, SpendingDimension[]>();
  const add = (dimensions: SpendingDimension[]) => {
    const stored = closure(dimensions);
    groupings.set(stored.join(','), stored);
  };
  add([]);
  for (const [i, first] of FINEST_GROUPING.entries()) {
    add([first]);
    for (const second of FINEST_GROUPING.slice(i + 1)) add([first, second]);
  }
  for (const hub of HUBS) add(hub);
  add(FINEST_GROUPING);
  return [...groupings.values()];
})();

const contains = (grouping: SpendingDimension[], dimensions: SpendingDimension[]) =>
  dimensions.every((dimension) => grouping.includes(dimension));

/**
 * The rollups a grouping's cells can be summed from when the rollups are refreshed — every one holding more of the
 * dimensions, among them always the finest cells — or null for the finest cells, summed from the lines. Each is
 * refreshed before the grouping itself (REFRESH_ORDER); the refresh takes the one with the fewest cells.
 */
export function derivableFrom(grouping: SpendingDimension[]): SpendingDimension[][] | null {
  if (grouping.length === FINEST_GROUPING.length) return null;
  return ROLLUP_GROUPINGS.filter((other) => other.length > grouping.length && contains(other, grouping));
}

/** The rollups in the order a refresh writes them: each after every one it can be derived from. */
export const REFRESH_ORDER: SpendingDimension[][] = [...ROLLUP_GROUPINGS].sort((a, b) => b.length - a.length);

/**
 * The smallest rollup that holds every needed dimension (the fiscal year is in all of them: the finest at worst). Up
 * to two dimensions besides the year, it is the one stored for exactly those dimensions, whose cells are the answer's.
 */
export function rollupFor(needed: Iterable<SpendingDimension>): SpendingDimension[] {
  const wanted = closure(needed);
  const fitting = ROLLUP_GROUPINGS.filter((grouping) => contains(grouping, wanted));
  fitting.sort((a, b) => a.length - b.length);
  return fitting[0];
}
