import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One file of one successful load into a subgraph's database, written in the load's own transaction: a load that is
 * rolled back leaves no record, so every record describes data that is really there.
 */
@Directive('@shareable')
@ObjectType('DataLoad', {
  description:
    'One file of one load (*carga*) into a subgraph: which file (with its SHA-256), what it changed and when. Every ' +
    'successful load, from `npm run import` or the start-up sample, is recorded in the same transaction as its rows.',
})
@Entity('data_load')
@Index(['file', 'dataset'])
export class DataLoad {
  /** Grows with every record; the latest record of a file is the one with the highest id. */
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int, { description: "The data version this load produced: the subgraph's version after it (see `Query.dataVersion`)." })
  @Column({ type: 'integer' })
  version: number;

  @Field({ description: 'The import format (`shcp-budget`, `ocds`, …), or `sample` for the shipped sample loaded on first start.' })
  @Column({ type: 'varchar' })
  format: string;

  @Field(() => String, {
    nullable: true,
    description: 'The dataset id (data/datasets.json) of the rows read from the file; null when none names it.',
  })
  @Column({ type: 'varchar', nullable: true })
  dataset: string | null;

  @Field({ description: "The file, as items' `source.file` names it (its base name, or a dataset-relative path)." })
  @Column({ type: 'varchar' })
  file: string;

  @Field({ description: "SHA-256 of the file's bytes, in hexadecimal: whether the file loaded is the one you hold." })
  @Column({ type: 'varchar' })
  sha256: string;

  // A year of budget lines or CompraNet contracts is well past the 2 GiB a 32-bit integer (and GraphQL's Int) holds.
  @Field(() => Float, { description: 'Size of the file in bytes (an integer; a Float because files pass 2 GiB).' })
  @Column({ type: 'bigint', transformer: { to: (value: number) => value, from: (value: string | number) => Number(value) } })
  bytes: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Rows (CSV data rows, the header excluded) or items (JSON) read; null for the start-up sample.',
  })
  @Column({ type: 'integer', nullable: true })
  rows: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Rows of the file that were not in the database (*insertados*); null for the start-up sample, which is not compared.',
  })
  @Column({ type: 'integer', nullable: true })
  inserted: number | null;

  @Field(() => Int, { nullable: true, description: 'Rows that were, with a value changed (*actualizados*); null for the start-up sample.' })
  @Column({ type: 'integer', nullable: true })
  updated: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Rows that were, identical (*sin cambios*): a re-import has only these; null for the start-up sample.',
  })
  @Column({ type: 'integer', nullable: true })
  unchanged: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Rows left out as unreadable (only with `--skip-rejected`); null for the start-up sample.',
  })
  @Column({ type: 'integer', nullable: true })
  rejected: number | null;

  @Field({ description: 'When the load began (ISO 8601, UTC).' })
  @Column({ type: 'varchar' })
  startedAt: string;

  @Field({ description: 'When its rows were written, just before the transaction committed (ISO 8601, UTC).' })
  @Column({ type: 'varchar' })
  finishedAt: string;
}
