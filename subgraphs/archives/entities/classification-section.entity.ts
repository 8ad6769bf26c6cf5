import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SourceRef } from '../../kit/provenance';

export enum ClassificationSectionKind {
  COMMON = 'COMMON',
  SUBSTANTIVE = 'SUBSTANTIVE',
}

registerEnumType(ClassificationSectionKind, {
  name: 'ClassificationSectionKind',
  description:
    'Whether a section of the classification chart covers functions every institution has or those proper to this one (*tipo de sección*).',
  valuesConfig: {
    COMMON: {
      description:
        'Common section (*sección común*, 01C–12C): administrative functions shared by all institutions, e.g. finance, procurement.',
    },
    SUBSTANTIVE: {
      description:
        'Substantive section (*sección sustantiva*, ending in S): the functions proper to the institution, e.g. foreign policy for the SRE.',
    },
  },
});

@ObjectType({
  description:
    'A section of the classification chart (*sección del Cuadro General de Clasificación Archivística*): a function of the institution under which its records series are grouped.',
})
@Entity('classification_section')
export class ClassificationSection {
  @Field({ description: 'Section code (*código de la sección*), e.g. `05C` (Recursos financieros), exactly as the catalogue writes it.' })
  @PrimaryColumn({ type: 'varchar' })
  code: string;

  @Field({ description: 'Section name (*nombre de la sección*), in Spanish as published.' })
  @Column({ type: 'varchar' })
  title: string;

  @Field(() => ClassificationSectionKind, { description: 'Common or substantive (*comunes / sustantivas*).' })
  @Column({ type: 'varchar' })
  kind: ClassificationSectionKind;

  @Field(() => SourceRef, { description: 'Where this section was read from (*procedencia*).' })
  @Column(() => SourceRef)
  source: SourceRef;
}
