import { Field, InputType } from 'type-graphql';
import { DocumentaryValue, FinalDisposition } from '../entities/classification-series.entity';

@InputType({ description: 'Narrows a list of records series (*series documentales*); all given conditions must hold.' })
export class ClassificationSeriesFilter {
  @Field(() => String, { nullable: true, description: 'Only series of this section (*sección*), e.g. `05C`.' })
  sectionCode?: string | null;

  @Field(() => FinalDisposition, { nullable: true, description: 'Only series with this final disposition (*destino final*).' })
  finalDisposition?: FinalDisposition | null;

  @Field(() => DocumentaryValue, {
    nullable: true,
    description: 'Only series that have this documentary value (*valor documental*) among theirs.',
  })
  documentaryValue?: DocumentaryValue | null;
}
