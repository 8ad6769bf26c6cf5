import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SourceRef } from '../../kit/provenance';

/**
 * One year of the Open Government Metric (*Métrica de Gobierno Abierto*, INAI/CIDE) for a state, or for
 * the whole country when `stateId` is null.
 */
@ObjectType({ description: 'A score of the Open Government Metric (*Métrica de Gobierno Abierto*, INAI/CIDE), from 0 to 1.' })
@Entity('open_government_score')
export class OpenGovernmentScore {
  /** `<state id>:<year>`, or `MX:<year>` for the national value. */
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Index()
  @Column({ type: 'varchar', nullable: true })
  stateId: string | null;

  @Field(() => Int, { description: 'Year the metric measured (*año de la medición*).' })
  @Column({ type: 'integer' })
  year: number;

  @Field(() => Float, { description: 'Open government index (*índice de gobierno abierto*), 0 to 1.' })
  @Column({ type: 'float', name: 'metric_index' })
  index: number;

  @Field(() => Float, { description: 'Transparency sub-index (*subíndice de transparencia*), 0 to 1.' })
  @Column({ type: 'float' })
  transparency: number;

  @Field(() => Float, { description: 'Citizen participation sub-index (*subíndice de participación*), 0 to 1.' })
  @Column({ type: 'float' })
  participation: number;

  @Field(() => SourceRef, { description: 'Where the score was read (*procedencia*).' })
  @Column(() => SourceRef)
  source: SourceRef;
}
