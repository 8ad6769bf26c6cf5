import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SourceRef } from '../../kit/provenance';

export enum OgpMemberLevel {
  NATIONAL = 'NATIONAL',
  LOCAL = 'LOCAL',
  OTHER = 'OTHER',
}

registerEnumType(OgpMemberLevel, {
  name: 'OgpMemberLevel',
  description: 'What kind of Open Government Partnership member wrote the plan (the IRM dataset\'s "National Or Local").',
  valuesConfig: {
    NATIONAL: { description: 'A national government (*gobierno nacional*); published as "National".' },
    LOCAL: {
      description: 'A state, province, region or city that joined OGP as a local member (*miembro local*); published as "Legacy Local".',
    },
    OTHER: { description: 'Any other member the dataset does not class as national or local; published as "Other".' },
  },
});

/**
 * Not an `ActionPlan`: that type describes INAI's local plans (joint declaration, technical secretariat,
 * publication date, INAI status, a Mexican state), none of which an OGP plan of a country has.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'An action plan of a member of the Open Government Partnership (*plan de acción de la Alianza para el Gobierno Abierto*, OGP): a country or a locality such as Jalisco, as listed in the dataset of its Independent Reporting Mechanism (IRM).',
})
@Entity('ogp_action_plan')
export class OgpActionPlan {
  @Field(() => ID, {
    description: "Stable id `OGP-<member code>-<action plan number as published>`, e.g. `OGP-MXJL-2` (Jalisco's second plan).",
  })
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Field({ description: "The action plan's id in the IRM dataset (*Action Plan ID*), e.g. `AP_MXJL02`." })
  @Column({ type: 'varchar' })
  publishedId: string;

  @Field({
    description:
      'Title composed by this API as "<member> — OGP action plan <number> (<submitted>–<end year>)": the dataset publishes no plan titles.',
  })
  @Column({ type: 'varchar' })
  title: string;

  @Index()
  @Field({
    description:
      "The member's code as the dataset publishes it (*Code*): ISO 3166-1 alpha-3 for countries (`UKR`), a longer code for localities (`MXJL`).",
  })
  @Column({ type: 'varchar' })
  memberCode: string;

  @Field({ description: 'The member\'s name as published (*Country/Locality*), e.g. "Jalisco, Mexico".' })
  @Column({ type: 'varchar' })
  memberName: string;

  @Field(() => OgpMemberLevel, { description: 'National, local or other member.' })
  @Column({ type: 'varchar' })
  level: OgpMemberLevel;

  @Field({ description: 'OGP region as published (*Region*), e.g. "Americas".' })
  @Column({ type: 'varchar' })
  region: string;

  @Field(() => Int, { description: "Which of the member's plans it is (*Action Plan Number*): 1 for the first." })
  @Column({ type: 'integer' })
  number: number;

  @Field(() => Int, { description: 'Year the plan was submitted to OGP (*Year Of Submission*).' })
  @Column({ type: 'integer' })
  submittedIn: number;

  @Field(() => Int, { description: 'Last year the plan covers (*Action Plan End Year*).' })
  @Column({ type: 'integer' })
  endYear: number;

  /** INEGI code when the member is a Mexican state (Jalisco → `14`); the `state` field turns it into a `State` reference. */
  @Index()
  @Column({ type: 'varchar', nullable: true })
  stateId: string | null;

  @Field(() => SourceRef, { description: "Where the plan's facts come from: the first line of the IRM dataset that names it." })
  @Column(() => SourceRef)
  source: SourceRef;
}
