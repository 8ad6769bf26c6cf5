import type { MigrationInterface, QueryRunner } from 'typeorm';
import { narrowLoadBytes, widenLoadBytes } from '../../subgraphs/kit/data-load.migration';

/** File sizes of 2 GiB and more in the load record. */
export class LoadBytesBigint1796680000000 implements MigrationInterface {
  name = 'LoadBytesBigint1796680000000';

  up(queryRunner: QueryRunner): Promise<void> {
    return widenLoadBytes(queryRunner);
  }

  down(queryRunner: QueryRunner): Promise<void> {
    return narrowLoadBytes(queryRunner);
  }
}
