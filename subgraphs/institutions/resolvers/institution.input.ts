import { Field, ID, InputType } from 'type-graphql';
import { GovernmentOrder, InstitutionKind } from '../entities/institution.entity';

@InputType({ description: 'Narrows a list of institutions (*sujetos obligados*); all given conditions must hold.' })
export class InstitutionFilter {
  @Field(() => InstitutionKind, { nullable: true, description: 'Only institutions of this kind (*tipo*).' })
  kind?: InstitutionKind | null;

  @Field(() => GovernmentOrder, { nullable: true, description: 'Only institutions of this order of government (*orden de gobierno*).' })
  order?: GovernmentOrder | null;

  @Field(() => ID, { nullable: true, description: 'Only institutions of this state (*entidad federativa*), by INEGI code.' })
  stateId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only direct children of this institution, e.g. the responsible units of `MX-RAMO-12`.' })
  parentId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only institutions whose name (*denominación*) contains this text, ignoring case and accents.',
  })
  nameContains?: string | null;
}
