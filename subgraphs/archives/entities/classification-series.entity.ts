import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SourceRef } from '../../kit/provenance';
import { RetentionPeriod } from './retention-period.object';

export enum FinalDisposition {
  DESTROY = 'DESTROY',
  PRESERVE = 'PRESERVE',
  SAMPLE = 'SAMPLE',
}

registerEnumType(FinalDisposition, {
  name: 'FinalDisposition',
  description: "What happens to a series' records when their retention ends (*destino final* of the CADIDO).",
  valuesConfig: {
    DESTROY: { description: 'Destroyed after retention (*eliminación*, *baja documental*).' },
    PRESERVE: { description: 'Transferred whole to the historical archive (*conservación*, *transferencia secundaria*).' },
    SAMPLE: { description: 'A sample is kept in the historical archive and the rest destroyed (*muestreo*); see `samplingCriterion`.' },
  },
});

export enum DocumentaryValue {
  ADMINISTRATIVE = 'ADMINISTRATIVE',
  LEGAL = 'LEGAL',
  FISCAL = 'FISCAL',
  ACCOUNTING = 'ACCOUNTING',
}

registerEnumType(DocumentaryValue, {
  name: 'DocumentaryValue',
  description: 'Why a series is kept during its retention (*valores documentales primarios*).',
  valuesConfig: {
    ADMINISTRATIVE: { description: 'Administrative value (*administrativo*): evidence of how the institution did its work.' },
    LEGAL: { description: 'Legal value (*legal*): evidence of rights and obligations.' },
    FISCAL: { description: 'Fiscal value (*fiscal*): evidence for tax purposes.' },
    ACCOUNTING: { description: 'Accounting value (*contable*): evidence of income and spending in the public accounts.' },
  },
});

@Directive('@key(fields: "code")')
@ObjectType({
  description:
    'A records series (*serie documental*) of the disposition catalogue (*Catálogo de Disposición Documental*, CADIDO): a kind of record, how long it is kept and what happens to it afterwards.',
})
@Entity('classification_series')
export class ClassificationSeries {
  @Field({ description: 'Series code (*código de la serie*): section code + number, e.g. `05C.14` (Cuentas por liquidar certificadas).' })
  @PrimaryColumn({ type: 'varchar' })
  code: string;

  @Field({ description: 'Series name (*nombre de la serie*), in Spanish as published.' })
  @Column({ type: 'varchar' })
  title: string;

  /** The section's code; the `section` field resolves it. */
  @Index()
  @Column({ type: 'varchar' })
  sectionCode: string;

  @Field(() => RetentionPeriod, { description: 'How long records of this series are kept (*plazos de conservación*).' })
  @Column(() => RetentionPeriod)
  retention: RetentionPeriod;

  @Index()
  @Field(() => FinalDisposition, { description: 'What happens after retention (*destino final*).' })
  @Column({ type: 'varchar' })
  finalDisposition: FinalDisposition;

  @Field(() => [DocumentaryValue], { description: 'The primary values that justify keeping the records (*valores documentales*).' })
  @Column({ type: 'simple-json' })
  documentaryValues: DocumentaryValue[];

  @Field(() => String, {
    nullable: true,
    description: 'Which records are kept when the disposition is SAMPLE (*criterio de muestreo*); null when none is given.',
  })
  @Column({ type: 'varchar', nullable: true })
  samplingCriterion: string | null;

  @Field(() => SourceRef, { description: 'Where this series was read from (*procedencia*).' })
  @Column(() => SourceRef)
  source: SourceRef;
}
