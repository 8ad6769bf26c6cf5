import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SourceRef } from '../../kit/provenance';

export enum RecordSubjectKind {
  COMMITMENT = 'COMMITMENT',
  CONTRACT = 'CONTRACT',
  TRANSACTION = 'TRANSACTION',
  BUDGET_LINE = 'BUDGET_LINE',
  BUDGET_PROGRAM = 'BUDGET_PROGRAM',
}

registerEnumType(RecordSubjectKind, {
  name: 'RecordSubjectKind',
  description: "What kind of thing a record documents; the id is the owning subgraph's id (docs/federation-contract.md).",
  valuesConfig: {
    COMMITMENT: { description: 'An action-plan commitment (*compromiso*), id like `MX-TLA-PAL-2016-03`.' },
    CONTRACT: { description: 'A contract (*contrato*), id `<ocid>/<contract id>`.' },
    TRANSACTION: { description: 'A transaction (*movimiento*), id `<contract id>/<measure>`, e.g. `…/PAID`.' },
    BUDGET_LINE: { description: 'A line of the federal budget (*renglón del PEF*).' },
    BUDGET_PROGRAM: { description: 'A budget program (*programa presupuestario*), id `<year>:<key>`, e.g. `2018:33I005`.' },
  },
});

/** One link "record documents subject"; its row id only serves upserts, GraphQL `id` is the subject's id. */
@ObjectType({
  description: 'Something a record documents (*asunto del expediente*): a commitment, contract, transaction or budget item, by id.',
})
@Entity('record_subject')
export class RecordSubject {
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Index()
  @Column({ type: 'varchar' })
  recordId: string;

  @Field(() => RecordSubjectKind, { description: 'What kind of thing the subject is.' })
  @Column({ type: 'varchar' })
  kind: RecordSubjectKind;

  @Index()
  @Field(() => ID, { name: 'id', description: "The subject's id in the subgraph that owns it." })
  @Column({ type: 'varchar' })
  subjectId: string;

  @Field(() => SourceRef, { description: 'Where this link was read from (*procedencia*).' })
  @Column(() => SourceRef)
  source: SourceRef;
}

export function recordSubjectRowId(recordId: string, kind: RecordSubjectKind, subjectId: string): string {
  return `${recordId}|${kind}|${subjectId}`;
}
