import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SourceRef } from '../../kit/provenance';
import { State } from './federated.stubs';

/** What the programme *Cocreación desde lo Local* said about itself (DESIGN §9). */
export enum ProgrammeMeasure {
  COHORT_2015 = 'COHORT_2015',
  COHORT_2016 = 'COHORT_2016',
  PARTICIPATING_STATES = 'PARTICIPATING_STATES',
  TECHNICAL_SECRETARIATS = 'TECHNICAL_SECRETARIATS',
  LOCAL_ACTION_PLANS = 'LOCAL_ACTION_PLANS',
  COMMITMENTS = 'COMMITMENTS',
  COMMITMENTS_PER_PLAN = 'COMMITMENTS_PER_PLAN',
  NEXT_ACTION_PLANS = 'NEXT_ACTION_PLANS',
  PRELIMINARY_EVALUATIONS = 'PRELIMINARY_EVALUATIONS',
  CLOSING_EVALUATIONS = 'CLOSING_EVALUATIONS',
  RELAUNCHES = 'RELAUNCHES',
  ADHESION_DECLARATIONS = 'ADHESION_DECLARATIONS',
}

registerEnumType(ProgrammeMeasure, {
  name: 'ProgrammeMeasure',
  description: 'A figure the programme *Gobierno Abierto: Cocreación desde lo Local* reported about itself.',
  valuesConfig: {
    COHORT_2015: { description: 'The 2015 co-creation cohort (chosen after a February 2015 ranking of opening conditions).' },
    COHORT_2016: { description: 'The 2016 co-creation cohort.' },
    PARTICIPATING_STATES: { description: 'States taking part (2017).' },
    TECHNICAL_SECRETARIATS: { description: 'Technical secretariats installed (2017).' },
    LOCAL_ACTION_PLANS: { description: 'Local action plans published (2017).' },
    COMMITMENTS: { description: 'Commitments of those plans (2017).' },
    COMMITMENTS_PER_PLAN: { description: 'Commitments each plan has (each lasts one year).' },
    NEXT_ACTION_PLANS: { description: 'Plans announced next (2017).' },
    PRELIMINARY_EVALUATIONS: { description: 'Preliminary evaluations announced (2017).' },
    CLOSING_EVALUATIONS: { description: 'Closing evaluations announced (2017).' },
    RELAUNCHES: { description: 'Relaunches announced (2017).' },
    ADHESION_DECLARATIONS: { description: 'Declarations of adhesion (2017).' },
  },
});

/** One row of the programme's figures: a reported count (no state), or one state a list names. */
@Entity('programme_figure')
export class ProgrammeFigureRow {
  /** `<measure>` for a count, `<measure>:<state id>` for a state of a list. */
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Column({ type: 'varchar' })
  measure: ProgrammeMeasure;

  @Column({ type: 'varchar' })
  asOf: string;

  @Column({ type: 'integer', nullable: true })
  reportedCount: number | null;

  @Column({ type: 'varchar', nullable: true })
  stateId: string | null;

  @Column({ type: 'varchar' })
  said: string;

  @Column(() => SourceRef)
  source: SourceRef;
}

@ObjectType({
  description:
    'A figure the programme reported about itself, as reported. Set it beside what the graph holds (`actionPlans`, `technicalSecretariats`, …): ' +
    'the two are never merged, and may differ.',
})
export class ProgrammeFigure {
  @Field(() => ProgrammeMeasure, { description: 'What the figure counts or lists.' })
  measure: ProgrammeMeasure;

  @Field({ description: 'When the figure held: `2015-02`, `2016`, `2017`.' })
  asOf: string;

  @Field(() => Int, { nullable: true, description: 'The number the programme stated; null when it only listed states.' })
  reportedCount: number | null;

  @Field(() => [State], { description: 'The states it named, in the order it named them (empty when it gave only a number).' })
  states: State[];

  @Field({ description: 'What the source says, in short.' })
  said: string;

  @Field(() => [SourceRef], { description: 'The rows the figure was read from.' })
  sources: SourceRef[];
}
