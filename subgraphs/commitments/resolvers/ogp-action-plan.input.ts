import { Field, ID, InputType } from 'type-graphql';
import { OgpMemberLevel } from '../entities/ogp-action-plan.entity';

@InputType({
  description:
    'Narrows a list of OGP action plans (*planes de acción de la Alianza para el Gobierno Abierto*); all given conditions must hold.',
})
export class OgpActionPlanFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only plans of this member, by the code the IRM dataset gives it: a country (`UKR`) or a locality (`MXJL`).',
  })
  country?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only plans of a member that is this Mexican state (INEGI code, e.g. `14` for Jalisco).',
  })
  stateId?: string | null;

  @Field(() => OgpMemberLevel, { nullable: true, description: 'Only plans of national, local or other members.' })
  level?: OgpMemberLevel | null;
}
