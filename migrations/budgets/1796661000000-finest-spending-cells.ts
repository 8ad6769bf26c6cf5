import type { MigrationInterface, QueryRunner } from 'typeorm';

const FINEST = 'STATE,RAMO,INSTITUTION,PROGRAM,MODALITY,CHAPTER,CONCEPT,GENERIC_ITEM,FUNDING_SOURCE,EXPENSE_TYPE,FUNCTION';

/**
 * Aggregates that no coarser rollup covers now sum the finest pre-summed cells (every dimension at once) instead of
 * the budget lines, and imports write those cells. The years loaded before get theirs here, summed from the stored
 * lines as an import sums them; a cell beyond the 64-bit money range fails the migration rather than answer wrong.
 */
export class FinestSpendingCells1796661000000 implements MigrationInterface {
  name = 'FinestSpendingCells1796661000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO "spending_rollup" ("grouping", "fiscalYear", "stateId", "geography", "ramoCode", "ramoName", "institutionId",
         "unitName", "programId", "modalityCode", "modalityName", "chapterCode", "chapterName", "conceptCode", "conceptName",
         "genericItemCode", "genericItemName", "fundingSourceCode", "fundingSourceName", "expenseTypeCode", "expenseTypeName",
         "functionCode", "functionName", "approved", "modified", "committed", "accrued", "exercised", "paid", "lineCount", "sampleLines")
       SELECT $1::varchar, l."fiscalYear", l."stateId", l."geography", l."ramoCode", MIN(p."ramoName"), l."institutionId", MIN(l."unitName"),
         l."programId", p."modalityCode", MIN(p."modalityName"), l."chapterCode", MIN(l."chapterName"), l."conceptCode",
         MIN(l."conceptName"), l."genericItemCode", MIN(l."genericItemName"), l."fundingSourceCode", MIN(l."fundingSourceName"),
         l."expenseTypeCode", MIN(l."expenseTypeName"), l."functionCode", MIN(l."functionName"), SUM(l."approved"),
         SUM(l."modified"), SUM(l."committed"), SUM(l."accrued"), SUM(l."exercised"), SUM(l."paid"), COUNT(*),
         SUM(CASE WHEN l."sourceDataset" IN ('shcp-pef-2018-sample', 'shcp-pef-2017-sample') THEN 1 ELSE 0 END)
       FROM "budget_line" l INNER JOIN "budget_program" p ON p."id" = l."programId"
       WHERE l."fiscalYear" NOT IN (SELECT "fiscalYear" FROM "spending_rollup" WHERE "grouping" = $1::varchar)
       GROUP BY l."fiscalYear", l."stateId", l."geography", l."ramoCode", l."institutionId", l."programId", p."modalityCode",
         l."chapterCode", l."conceptCode", l."genericItemCode", l."fundingSourceCode", l."expenseTypeCode", l."functionCode"`,
      [FINEST],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "spending_rollup" WHERE "grouping" = $1`, [FINEST]);
  }
}
