import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { moneyColumn, MoneyScalar, type Money } from '../../kit/money';
import { SourceRef } from '../../kit/provenance';

@ObjectType({ description: "One year of a transparency body's (*órgano garante*) activity and budget." })
@Entity('guarantor_year')
export class GuarantorYear {
  /** `<institution id>:<year>`. */
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Index()
  @Column({ type: 'varchar' })
  institutionId: string;

  @Field(() => Int, { description: 'Calendar year (*año*).' })
  @Column({ type: 'integer' })
  year: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Information requests received in the state (*solicitudes de información*); null where the source has no figure.',
  })
  @Column({ type: 'integer', nullable: true })
  informationRequests: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Appeals filed with the body (*recursos de revisión*); null where the source has no figure.',
  })
  @Column({ type: 'integer', nullable: true })
  appeals: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: "The body's budget (*presupuesto*); null where the source has no figure." })
  @Column({ type: 'bigint', nullable: true, transformer: moneyColumn })
  budget: Money | null;

  @Field(() => SourceRef, { description: 'Where the figures were read (*procedencia*).' })
  @Column(() => SourceRef)
  source: SourceRef;
}
