import { Field, ID, Int, ObjectType, registerEnumType, Directive } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SourceRef } from '../../kit/provenance';

export enum ActionPlanStatus {
  IN_PREPARATION = 'IN_PREPARATION',
  IMPLEMENTATION = 'IMPLEMENTATION',
  CLOSING = 'CLOSING',
  NEXT_PLAN_IN_PREPARATION = 'NEXT_PLAN_IN_PREPARATION',
}

registerEnumType(ActionPlanStatus, {
  name: 'ActionPlanStatus',
  description: "Where a local exercise stood in 2019 (*estatus 2019*), condensed from INAI's status text.",
  valuesConfig: {
    IN_PREPARATION: { description: 'Preparatory meetings to build the plan (*reuniones preparatorias*).' },
    IMPLEMENTATION: { description: 'The plan is being implemented (*en proceso de implementación*).' },
    CLOSING: { description: 'The plan is being closed (*en proceso de cierre*).' },
    NEXT_PLAN_IN_PREPARATION: {
      description: 'Work on the next plan has begun (*inicio de trabajos para la elaboración del segundo plan*).',
    },
  },
});

@ObjectType({ description: 'The span of time an action plan covers (*periodo de implementación*).' })
export class PlanPeriod {
  @Field(() => String, { nullable: true, description: 'First day (ISO date, YYYY-MM-DD).' })
  start: string | null;

  @Field(() => String, { nullable: true, description: 'Last day (ISO date, YYYY-MM-DD).' })
  end: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A local open-government action plan (*Plan de Acción Local*, PAL) of the INAI programme *Gobierno Abierto: Cocreación desde lo Local*.',
})
@Entity('action_plan')
export class ActionPlan {
  @Field(() => ID, { description: 'Stable id `MX-<ISO short code>-PAL-<year published>`, e.g. `MX-TLA-PAL-2016`.' })
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  /** INEGI code of the state; the `state` field turns it into a `State` reference. */
  @Index()
  @Column({ type: 'varchar' })
  stateId: string;

  @Field({
    description:
      'Title (*título*). Composed by this API as "Plan de Acción Local de Gobierno Abierto — <state>": the source does not publish the plans\' own titles.',
  })
  @Column({ type: 'varchar' })
  title: string;

  @Field(() => String, { description: 'When the joint declaration was signed (*fecha de la declaración conjunta*), ISO date.' })
  @Column({ type: 'varchar' })
  declarationSignedOn: string;

  @Field(() => String, {
    nullable: true,
    description:
      'When the local technical secretariat was installed (*instalación del Secretariado Técnico Local*), ISO date; null where the source gives none.',
  })
  @Column({ type: 'varchar', nullable: true })
  secretariatInstalledOn: string | null;

  @Field(() => String, { description: 'When the plan was published (*fecha de publicación del PAL*), ISO date.' })
  @Column({ type: 'varchar' })
  publishedOn: string;

  @Column({ type: 'varchar', nullable: true })
  periodStart: string | null;

  @Column({ type: 'varchar', nullable: true })
  periodEnd: string | null;

  @Field(() => PlanPeriod, {
    nullable: true,
    description: 'The period the plan covers (*periodo*); null while the source does not state it (the shipped file does not).',
  })
  get period(): PlanPeriod | null {
    if (this.periodStart === null && this.periodEnd === null) return null;
    return { start: this.periodStart, end: this.periodEnd };
  }

  @Index()
  @Field(() => ActionPlanStatus, { description: 'Status in 2019 (*estatus*), condensed; the original text is in `statusNote`.' })
  @Column({ type: 'varchar' })
  status: ActionPlanStatus;

  @Field({ description: 'The status as INAI wrote it (*estatus 2019*), verbatim.' })
  @Column({ type: 'varchar' })
  statusNote: string;

  @Field(() => Int, {
    description: 'Number of commitments (*número de compromisos*) the source states for the plan, proactive ones included.',
  })
  @Column({ type: 'integer' })
  commitmentCount: number;

  @Field(() => SourceRef, { description: "Where the plan's facts come from: the line of ejercicios_locales.csv." })
  @Column(() => SourceRef)
  source: SourceRef;
}
