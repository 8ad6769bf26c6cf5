import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SourceRef } from '../../kit/provenance';

@ObjectType({ description: 'A subdivision of a records series (*subserie documental*), e.g. `06C.04.01` Licitación pública.' })
@Entity('classification_subseries')
export class ClassificationSubseries {
  @Field({ description: 'Subseries code (*código de la subserie*): series code + number.' })
  @PrimaryColumn({ type: 'varchar' })
  code: string;

  @Field({ description: 'Subseries name (*nombre de la subserie*), in Spanish as published.' })
  @Column({ type: 'varchar' })
  title: string;

  /** The parent series; subseries are only reached through it. */
  @Index()
  @Column({ type: 'varchar' })
  seriesCode: string;

  @Field(() => SourceRef, { description: 'Where this subseries was read from (*procedencia*).' })
  @Column(() => SourceRef)
  source: SourceRef;
}
