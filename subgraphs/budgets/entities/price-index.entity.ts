import { Field, Float, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SourceRef } from '../../kit/provenance';

/** Index points are kept as exact integer millionths (the file publishes at most six decimals). */
const MILLIONTHS = { to: (value: bigint) => value.toString(), from: (raw: unknown) => BigInt(String(raw)) };

/**
 * One month of the national consumer price index (*Índice Nacional de Precios al Consumidor*, INPC, INEGI): what a
 * peso of one year is worth in another, for comparing budgets across years in real terms.
 */
@ObjectType({
  description:
    'One month of the national consumer price index (*Índice Nacional de Precios al Consumidor*, INPC, INEGI; base: ' +
    "second half of July 2018 = 100). Divide two months' values to carry an amount from one to the other in real terms.",
})
@Entity('price_index')
export class PriceIndex {
  @Field({ description: 'The month (*mes*), `YYYY-MM`.' })
  @PrimaryColumn({ type: 'varchar' })
  month: string;

  @Column({ type: 'bigint', transformer: MILLIONTHS })
  millionths: bigint;

  @Field(() => Float, { description: 'The index value (*valor del índice*), as published (at most six decimals).' })
  get value(): number {
    return Number(this.millionths) / 1e6;
  }

  @Field(() => SourceRef, { description: 'Where the value was read (*procedencia*).' })
  @Column(() => SourceRef)
  source: SourceRef;
}
