import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SourceRef } from '../../kit/provenance';

/**
 * One indicator of the state indicators file that accompanies the Open Government Metric (INAI/CIDE): population,
 * poverty, schooling, state GDP, governor… for a state, or for the country when `stateId` is null. Each indicator has
 * its own publisher and year, as the file's dictionary states them.
 */
@ObjectType({
  description:
    'A context indicator of a state (*indicador estatal*) from the file published with the Open Government Metric: ' +
    'population, poverty, schooling, state GDP, violence, corruption, who governs. Each names its own source and year.',
})
@Entity('state_indicator')
export class StateIndicator {
  /** `<state id>:<code>`, or `MX:<code>` for the national value. */
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Index()
  @Column({ type: 'varchar', nullable: true })
  stateId: string | null;

  @Field({ description: "The indicator's code in the file and its dictionary (*clave*), e.g. `M` (population), `P` (poverty), `ODS16a`." })
  @Column({ type: 'varchar' })
  code: string;

  @Field({ description: 'What it measures, as the dictionary words it (*nombre*), e.g. "Poblacion total".' })
  @Column({ type: 'varchar' })
  name: string;

  @Field({ description: 'Who produced the figure (*fuente*), e.g. "Coneval", "Proyecciones CONAPO/INEGI".' })
  @Column({ type: 'varchar' })
  publisher: string;

  @Field(() => Int, { description: 'The year the figure refers to (*año*).' })
  @Column({ type: 'integer' })
  year: number;

  @Field(() => String, {
    nullable: true,
    description:
      'The value as published (text: a number, a level such as "Bajo", a name); null where the file says "n.a." (*no disponible*).',
  })
  @Column({ type: 'varchar', nullable: true })
  value: string | null;

  @Field(() => Float, { nullable: true, description: 'The value as a number, when it is one; null for text values and "n.a.".' })
  @Column({ type: 'float', nullable: true })
  number: number | null;

  @Field(() => SourceRef, { description: 'Where the value was read (*procedencia*): the data file and line.' })
  @Column(() => SourceRef)
  source: SourceRef;
}
