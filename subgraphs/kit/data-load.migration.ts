import type { QueryRunner } from 'typeorm';

/**
 * `data_load.bytes` as a 64-bit integer: a file of 2 GiB or more (a year of generated budget lines, 2.6 GB) overflowed
 * the 32-bit column at the very end of its load, which then rolled back whole. Every subgraph has the table.
 */
export async function widenLoadBytes(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`ALTER TABLE "data_load" ALTER COLUMN "bytes" TYPE bigint`);
}

/** Back to 32 bits: refused by PostgreSQL if a stored size no longer fits, which is right. */
export async function narrowLoadBytes(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`ALTER TABLE "data_load" ALTER COLUMN "bytes" TYPE integer`);
}
