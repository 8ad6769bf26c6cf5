import { Field, ObjectType } from 'type-graphql';
import { SourceRef, sourceAt } from '../../kit/provenance';
import { ILLUSTRATIVE_DATASET, MILESTONES_FILE } from './illustrative.dataset';

@ObjectType({
  description: 'A step a commitment promises, with its due date (*hito*). Only the ILLUSTRATIVE layer provides milestones so far.',
})
export class Milestone {
  @Field({ description: 'What is to be done (*actividad*).' })
  title: string;

  @Field(() => String, { nullable: true, description: 'When it is due (*fecha compromiso*), ISO date.' })
  dueOn: string | null;

  @Field(() => String, { nullable: true, description: 'When it was done (*fecha de cumplimiento*), ISO date; null while pending.' })
  doneOn: string | null;

  /** Line of the milestones file, kept so the milestone can say where it came from. */
  row: number;

  @Field(() => SourceRef, { description: 'Where the milestone comes from (the ILLUSTRATIVE layer: `source.illustrative` is true).' })
  get source(): SourceRef {
    return sourceAt(ILLUSTRATIVE_DATASET, MILESTONES_FILE, { row: this.row });
  }
}
