import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { Completion } from '../../kit/completion';
import { ProgressState, ReportCategory, ReportStatus, TargetType } from '../entities/participation.enums';

@InputType({ description: 'The item a report is about.' })
export class ReportTargetInput {
  @Field(() => TargetType, { description: 'The kind of item.' })
  type: TargetType;

  @Field(() => ID, { description: "The item's id, of its type's shape (e.g. `MX-TLA-PAL-2016-03`, `2018:33I005`, `29`)." })
  id: string;
}

@InputType({ description: 'A problem to report. Texts are kept exactly as sent (never interpreted as markup).' })
export class ReportProblemInput {
  @Field(() => ReportTargetInput, { description: 'The item the problem is about.' })
  target: ReportTargetInput;

  @Field(() => String, {
    nullable: true,
    description: 'The field of the item, e.g. `totals.paid` (at most 120 characters); omit for the whole item.',
  })
  field?: string | null;

  @Field(() => ReportCategory, { description: 'What kind of problem.' })
  category: ReportCategory;

  @Field({ description: 'What is wrong (at most 4,000 characters).' })
  body: string;

  @Field(() => String, {
    nullable: true,
    description:
      'How to reach you (at most 200 characters): personal data: stored for whoever answers to reach you, never returned by this API; erased a set number of days after the report is closed.',
  })
  contact?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Makes a retried send create one report (the `Idempotency-Key` header does the same).',
  })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Which reports to list.' })
export class ReportFilter {
  @Field(() => [ReportStatus], { nullable: true, description: 'Only reports in these statuses.' })
  status?: ReportStatus[] | null;

  @Field(() => TargetType, { nullable: true, description: 'Only reports on items of this kind.' })
  targetType?: TargetType | null;

  @Field(() => ID, { nullable: true, description: 'INEGI state code: reports on items of that state (as their ids say).' })
  state?: string | null;

  @Field(() => ReportCategory, { nullable: true, description: 'Only reports of this category.' })
  category?: ReportCategory | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only the reports hidden pending moderation (moderators and admins). Default: the public ones.',
  })
  hidden?: boolean | null;
}

@InputType({ description: 'Which progress updates to list.' })
export class ProgressFilter {
  @Field(() => ID, { nullable: true, description: "INEGI state code: updates on that state's commitments." })
  state?: string | null;

  @Field(() => [ProgressState], { nullable: true, description: 'Only updates in these states (e.g. `[CONFIRMED]` for a feed).' })
  states?: ProgressState[] | null;
}

@ArgsType()
export class ItemReportsArgs {
  @Field(() => Int, { nullable: true, description: 'How many reports to return (default 20, at most the server maximum).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the reports after this cursor.' })
  after?: string | null;

  @Field(() => [ReportStatus], { nullable: true, description: 'Only reports in these statuses.' })
  status?: ReportStatus[] | null;
}

@InputType({ description: 'What backs a progress update: exactly one of `recordId` and `url`.' })
export class EvidenceInput {
  @Field(() => ID, { nullable: true, description: 'A `Record` id.' })
  recordId?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) URL.' })
  url?: string | null;
}

@InputType({ description: "A commitment's progress as a secretariat member sees it." })
export class ProgressInput {
  @Field(() => Completion, { description: 'How far the commitment is, on the IRM scale.' })
  completion: Completion;

  @Field({ description: 'What was done (at most 2,000 characters).' })
  note: string;

  @Field(() => [EvidenceInput], { description: 'At most 10.' })
  evidence: EvidenceInput[];

  @Field(() => String, {
    nullable: true,
    description: 'Makes a retried send create one update (the `Idempotency-Key` header does the same).',
  })
  idempotencyKey?: string | null;
}
