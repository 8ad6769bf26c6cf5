import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createSearchIndex, dropSearchIndex } from '../../subgraphs/kit/search.migration';

/** The search index (subgraphs/kit/search.ts), as every subgraph that searches builds it. */
export class Search1796176276079 implements MigrationInterface {
  name = 'Search1796176276079';

  up(queryRunner: QueryRunner): Promise<void> {
    return createSearchIndex(queryRunner);
  }

  down(queryRunner: QueryRunner): Promise<void> {
    return dropSearchIndex(queryRunner);
  }
}
