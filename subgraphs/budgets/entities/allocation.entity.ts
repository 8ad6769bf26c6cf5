import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { moneyColumn, MoneyScalar, type Money } from '../../kit/money';
import { SourceRef } from '../../kit/provenance';
import { stateRef, State } from './federated.stubs';

export enum AllocationBasis {
  COMMITMENT_TEXT = 'COMMITMENT_TEXT',
  OFFICIAL_DOCUMENT = 'OFFICIAL_DOCUMENT',
  ILLUSTRATIVE = 'ILLUSTRATIVE',
}

registerEnumType(AllocationBasis, {
  name: 'AllocationBasis',
  description: 'Why a commitment is linked to a budget program.',
  valuesConfig: {
    COMMITMENT_TEXT: { description: "The commitment's own published text names the program (*texto del compromiso*)." },
    OFFICIAL_DOCUMENT: { description: 'An official document (budget, agreement, report) assigns the program to the commitment.' },
    ILLUSTRATIVE: { description: 'Sample link made by this project to show how the data joins; not a public fact.' },
  },
});

@ObjectType({ description: 'The part of a program a commitment covers (*ámbito*): a state, or a municipality within it.' })
export class AllocationScope {
  @Field(() => State, { description: 'The state (*entidad federativa*).' })
  state: State;

  @Field(() => String, { nullable: true, description: 'The municipality (*municipio*) by name, when the commitment covers only one.' })
  municipality: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A link between an open-government commitment (*compromiso*) and a budget program (*asignación*).' })
@Entity('allocation')
export class Allocation {
  @Field(() => ID, {
    description:
      'Stable id `<commitment id>/<program id>@<state id or MX>[/<municipality>]`, e.g. `MX-TLA-PAL-2016-03/2018:33I005@29/Xicohtzinco`.',
  })
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Index()
  @Column({ type: 'varchar' })
  commitmentId: string;

  @Index()
  @Column({ type: 'varchar' })
  programId: string;

  @Field(() => Int, { description: 'Fiscal year of the allocated program.' })
  @Column({ type: 'integer' })
  fiscalYear: number;

  @Field({ description: 'Program key, e.g. `33I004`; stated even when the dataset holds no line of the program in that year.' })
  @Column({ type: 'varchar' })
  programKey: string;

  @Column({ type: 'varchar', nullable: true })
  stateId: string | null;

  @Column({ type: 'varchar', nullable: true })
  municipality: string | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Amount assigned to the commitment (*monto asignado*), when a source states it.',
  })
  @Column({ type: 'bigint', nullable: true, transformer: moneyColumn })
  assigned: Money | null;

  @Field(() => AllocationBasis, { description: 'Why this link exists.' })
  @Column({ type: 'varchar' })
  basis: AllocationBasis;

  @Field(() => String, { nullable: true, description: 'Note on the link (e.g. which words of the commitment name the program).' })
  @Column({ type: 'varchar', nullable: true })
  note: string | null;

  @Field(() => SourceRef, {
    description: "Where the link is stated: the commitment's text, an official document, or the illustrative layer.",
  })
  @Column(() => SourceRef)
  source: SourceRef;

  @Field(() => AllocationScope, {
    nullable: true,
    description: 'The state or municipality covered; null when the commitment covers the whole national program.',
  })
  get scope(): AllocationScope | null {
    return this.stateId === null ? null : { state: stateRef(this.stateId), municipality: this.municipality };
  }
}
