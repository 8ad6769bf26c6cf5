import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search rows are NFKC-normalised when written (subgraphs/kit/search.ts), as the searched text is: the rows an older
 * index holds are rewritten once here, their generated tsvector with them. Only rows that differ are touched.
 */
export class SearchNfkc1796648400001 implements MigrationInterface {
  name = 'SearchNfkc1796648400001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "search_entry" SET "title" = normalize("title", NFKC), "body" = normalize("body", NFKC)
       WHERE NOT ("title" IS NFKC NORMALIZED AND "body" IS NFKC NORMALIZED)`,
    );
  }

  async down(): Promise<void> {
    // Normalised rows are what the code writes and finds: there is nothing to restore.
  }
}
