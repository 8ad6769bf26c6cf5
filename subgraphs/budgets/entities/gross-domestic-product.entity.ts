import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { moneyColumn, MoneyScalar, type Money } from '../../kit/money';
import { SourceRef } from '../../kit/provenance';

/** Mexico's nominal gross domestic product for one year: the denominator of "spending as a share of GDP". */
@ObjectType({ description: "Mexico's gross domestic product for one year at current prices (*Producto Interno Bruto nominal*, INEGI)." })
@Entity('gross_domestic_product')
export class GrossDomesticProduct {
  @Field(() => Int, { description: 'The year (*año*).' })
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Field(() => MoneyScalar, {
    description: 'GDP at current prices in pesos (*PIB a precios corrientes*); the file publishes millions of pesos, read exactly.',
  })
  @Column({ type: 'bigint', transformer: moneyColumn })
  nominal: Money;

  @Field(() => SourceRef, { description: 'Where the figure was read (*procedencia*).' })
  @Column(() => SourceRef)
  source: SourceRef;
}
