import type { MigrationInterface, QueryRunner } from 'typeorm';
import { normaliseSearchRows } from '../../subgraphs/kit/search.migration';

/** Search rows NFKC-normalised, as the code now writes them. */
export class SearchNfkc1796648400003 implements MigrationInterface {
  name = 'SearchNfkc1796648400003';

  up(queryRunner: QueryRunner): Promise<void> {
    return normaliseSearchRows(queryRunner);
  }

  async down(): Promise<void> {
    // Normalised rows are what the code writes and finds: there is nothing to restore.
  }
}
