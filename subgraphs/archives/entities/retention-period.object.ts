import { Field, Int, ObjectType } from 'type-graphql';
import { Column } from 'typeorm';

/**
 * How long a series' records are kept in each archive (*plazos de conservación*). Embedded in the series'
 * table as three columns, exposed as one value type.
 */
@ObjectType({ description: 'Retention periods of a records series (*plazos de conservación* of the CADIDO), in whole years.' })
export class RetentionPeriod {
  @Field(() => Int, { description: 'Years in the active archive after the record is closed (*archivo de trámite*, AT).' })
  @Column({ type: 'integer' })
  activeYears: number;

  @Field(() => Int, { description: 'Years in semi-active, intermediate storage after that (*archivo de concentración*, AC).' })
  @Column({ type: 'integer' })
  semiActiveYears: number;

  @Field(() => Int, {
    description: 'Total retention (*plazo total*) = activeYears + semiActiveYears; the importer rejects a catalogue where they disagree.',
  })
  @Column({ type: 'integer' })
  totalYears: number;
}
