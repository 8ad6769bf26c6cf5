import type { MigrationInterface, QueryRunner } from 'typeorm';

const FINEST = 'STATE,RAMO,INSTITUTION,PROGRAM,MODALITY,CHAPTER,CONCEPT,GENERIC_ITEM,FUNDING_SOURCE,EXPENSE_TYPE,FUNCTION';

/** The columns of each dimension in a rollup row: the keys that tell cells apart, and the names summed as MIN. */
const COLUMNS: Record<string, { keys: string[]; names: string[] }> = {
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

/**
 * The rollups besides the finest cells after this migration: every pair of dimensions, each stored with the
 * dimensions its own determine (a program its ramo and modality, a unit its ramo), every dimension alone (the same
 * way), the year's total, and the refresh's intermediate hubs.
 */
const GROUPINGS = [
  '',
  'STATE',
  'STATE,RAMO',
  'STATE,RAMO,INSTITUTION',
  'STATE,RAMO,PROGRAM,MODALITY',
  'STATE,MODALITY',
  'STATE,CHAPTER',
  'STATE,CONCEPT',
  'STATE,GENERIC_ITEM',
  'STATE,FUNDING_SOURCE',
  'STATE,EXPENSE_TYPE',
  'STATE,FUNCTION',
  'RAMO',
  'RAMO,INSTITUTION',
  'RAMO,PROGRAM,MODALITY',
  'RAMO,MODALITY',
  'RAMO,CHAPTER',
  'RAMO,CONCEPT',
  'RAMO,GENERIC_ITEM',
  'RAMO,FUNDING_SOURCE',
  'RAMO,EXPENSE_TYPE',
  'RAMO,FUNCTION',
  'RAMO,INSTITUTION,PROGRAM,MODALITY',
  'RAMO,INSTITUTION,MODALITY',
  'RAMO,INSTITUTION,CHAPTER',
  'RAMO,INSTITUTION,CONCEPT',
  'RAMO,INSTITUTION,GENERIC_ITEM',
  'RAMO,INSTITUTION,FUNDING_SOURCE',
  'RAMO,INSTITUTION,EXPENSE_TYPE',
  'RAMO,INSTITUTION,FUNCTION',
  'RAMO,PROGRAM,MODALITY,CHAPTER',
  'RAMO,PROGRAM,MODALITY,CONCEPT',
  'RAMO,PROGRAM,MODALITY,GENERIC_ITEM',
  'RAMO,PROGRAM,MODALITY,FUNDING_SOURCE',
  'RAMO,PROGRAM,MODALITY,EXPENSE_TYPE',
  'RAMO,PROGRAM,MODALITY,FUNCTION',
  'MODALITY',
  'MODALITY,CHAPTER',
  'MODALITY,CONCEPT',
  'MODALITY,GENERIC_ITEM',
  'MODALITY,FUNDING_SOURCE',
  'MODALITY,EXPENSE_TYPE',
  'MODALITY,FUNCTION',
  'CHAPTER',
  'CHAPTER,CONCEPT',
  'CHAPTER,GENERIC_ITEM',
  'CHAPTER,FUNDING_SOURCE',
  'CHAPTER,EXPENSE_TYPE',
  'CHAPTER,FUNCTION',
  'CONCEPT',
  'CONCEPT,GENERIC_ITEM',
  'CONCEPT,FUNDING_SOURCE',
  'CONCEPT,EXPENSE_TYPE',
  'CONCEPT,FUNCTION',
  'GENERIC_ITEM',
  'GENERIC_ITEM,FUNDING_SOURCE',
  'GENERIC_ITEM,EXPENSE_TYPE',
  'GENERIC_ITEM,FUNCTION',
  'FUNDING_SOURCE',
  'FUNDING_SOURCE,EXPENSE_TYPE',
  'FUNDING_SOURCE,FUNCTION',
  'EXPENSE_TYPE',
  'EXPENSE_TYPE,FUNCTION',
  'FUNCTION',
  'RAMO,INSTITUTION,PROGRAM,MODALITY,CHAPTER,FUNDING_SOURCE,EXPENSE_TYPE,FUNCTION',
  'RAMO,INSTITUTION,PROGRAM,MODALITY,GENERIC_ITEM,FUNCTION',
  'STATE,RAMO,INSTITUTION,PROGRAM,MODALITY,FUNCTION',
  'RAMO,INSTITUTION,PROGRAM,MODALITY,CONCEPT,FUNCTION',
  'RAMO,INSTITUTION,PROGRAM,MODALITY,FUNCTION',
  'STATE,RAMO,MODALITY,FUNCTION',
  'RAMO,MODALITY,CHAPTER,FUNDING_SOURCE,EXPENSE_TYPE,FUNCTION',
  'RAMO,MODALITY,CONCEPT,GENERIC_ITEM,FUNCTION',
  'STATE,CHAPTER,CONCEPT,GENERIC_ITEM',
  'STATE,CHAPTER,FUNDING_SOURCE,EXPENSE_TYPE',
  'CHAPTER,CONCEPT,GENERIC_ITEM,FUNDING_SOURCE,EXPENSE_TYPE',
];

/** The rollups before it: every dimension alone, every pair with a state, a ramo, a chapter or a unit. */
const BEFORE: string[] = (() => {
  const dimensions = Object.keys(COLUMNS);
  const crossed = ['STATE', 'RAMO', 'CHAPTER', 'INSTITUTION'];
  const groupings = new Set(['', ...dimensions]);
  for (const first of crossed)
    for (const second of dimensions)
      if (second !== first) groupings.add(dimensions.filter((dimension) => dimension === first || dimension === second).join(','));
  return [...groupings];
})();

const MOMENTS = ['approved', 'modified', 'committed', 'accrued', 'exercised', 'paid'];

/**
 * Every pair of `spending` dimensions is now pre-summed, so any grouping or filter of up to two dimensions reads a
 * rollup instead of the finest cells. The years loaded before get every new grouping here, summed from their finest
 * cells (which the previous migration filled) as an import derives them; a cell beyond the 64-bit money range fails
 * the migration rather than answer wrong. The groupings no longer kept are deleted.
 */
export class AllSpendingPairs1796670000000 implements MigrationInterface {
  name = 'AllSpendingPairs1796670000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await rebuildFromFinestCells(queryRunner, GROUPINGS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await rebuildFromFinestCells(queryRunner, BEFORE);
  }
}

async function rebuildFromFinestCells(queryRunner: QueryRunner, groupings: string[]): Promise<void> {
  await queryRunner.query(`DELETE FROM "spending_rollup" WHERE "grouping" <> $1`, [FINEST]);
  const quote = (column: string) => `"${column}"`;
  for (const grouping of groupings) {
    const dimensions = grouping === '' ? [] : grouping.split(',');
    const keys = dimensions.flatMap((dimension) => COLUMNS[dimension].keys).map(quote);
    const names = dimensions.flatMap((dimension) => COLUMNS[dimension].names).map(quote);
    const sums = [...MOMENTS, 'lineCount', 'sampleLines'].map(quote);
    await queryRunner.query(
      `INSERT INTO "spending_rollup" ("grouping", "fiscalYear", ${[...keys, ...names, ...sums].join(', ')})
       SELECT $2::varchar, "fiscalYear", ${[...keys, ...names.map((name) => `MIN(${name})`), ...sums.map((sum) => `SUM(${sum})`)].join(', ')}
       FROM "spending_rollup" WHERE "grouping" = $1
       GROUP BY ${['"fiscalYear"', ...keys].join(', ')}`,
      [FINEST, grouping],
    );
  }
}
