import { Field, ObjectType } from 'type-graphql';
import { SourceRef, sourceAt } from '../../kit/provenance';
import { EvaluationKind } from './commitment.enums';
import { Completion } from '../../kit/completion';
import { EVALUATIONS_FILE, ILLUSTRATIVE_DATASET } from './illustrative.dataset';

@ObjectType({ description: 'An evaluation of a commitment (*evaluación*). Only the ILLUSTRATIVE layer provides evaluations so far.' })
export class Evaluation {
  @Field(() => EvaluationKind, { description: 'Preliminary or closing evaluation.' })
  kind: EvaluationKind;

  @Field(() => String, { description: 'When it was made (*fecha*), ISO date.' })
  date: string;

  @Field(() => Completion, { description: 'How far the commitment was carried out (*nivel de cumplimiento*).' })
  completion: Completion;

  @Field(() => String, { nullable: true, description: 'What the evaluation found (*resumen*).' })
  summary: string | null;

  /** Line of the evaluations file, kept so the evaluation can say where it came from. */
  row: number;

  @Field(() => SourceRef, { description: 'Where the evaluation comes from (the ILLUSTRATIVE layer: `source.illustrative` is true).' })
  get source(): SourceRef {
    return sourceAt(ILLUSTRATIVE_DATASET, EVALUATIONS_FILE, { row: this.row });
  }
}
