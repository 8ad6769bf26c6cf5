import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ReportCategory, ReportStatus, TargetType } from './participation.enums';

@ObjectType({ description: 'The item a report is about: its type and its id in the graph.' })
export class ReportTarget {
  @Field(() => TargetType, { description: 'The kind of item.' })
  type: TargetType;

  @Field(() => ID, { description: "The item's id in the graph." })
  id: string;
}

/**
 * A problem someone reported about public information. The contact is stored for the people who answer to reach the
 * reporter, never a field, and erased a set number of days after the report is closed (`npm run participation:erase-contacts`).
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A problem reported about an item of the graph or one of its fields (*reporte ciudadano*): public as soon as it is sent, ' +
    "answered by the secretariat of the item's state or by a moderator, hidden only when flagged enough or by a moderator.",
})
@Entity('report')
@Index(['targetType', 'targetId'])
@Index(['stateId', 'key'])
export class Report {
  @PrimaryGeneratedColumn()
  key: number;

  @Field(() => ID, { description: 'Report id: a decimal number, in the order reports were sent.' })
  get id(): string {
    return String(this.key);
  }

  @Column({ type: 'varchar' })
  targetType: TargetType;

  @Column({ type: 'varchar' })
  targetId: string;

  /** The INEGI code of the state the target belongs to, when its id says (who may answer; the `state` filter). */
  @Column({ type: 'varchar', nullable: true })
  stateId: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The field of the item the report is about (e.g. `totals.paid`); null for the whole item.',
  })
  @Column({ type: 'varchar', nullable: true })
  field: string | null;

  @Field(() => ReportCategory, { description: 'What kind of problem.' })
  @Column({ type: 'varchar' })
  category: ReportCategory;

  @Field({ description: 'What the reporter wrote, exactly as sent: text, never markup (a page must escape it).' })
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', nullable: true })
  contact: string | null;

  @Field(() => ReportStatus, { description: 'Where it is in its lifecycle (its answers say who moved it and why).' })
  @Column({ type: 'varchar' })
  status: ReportStatus;

  @Field({ description: 'When it was sent (ISO 8601, UTC).' })
  @Column({ type: 'varchar' })
  createdAt: string;

  /** When it reached RESOLVED, REJECTED or DUPLICATE: the retention of its contact counts from here. */
  @Column({ type: 'varchar', nullable: true })
  closedAt: string | null;

  @Column({ type: 'integer', nullable: true })
  duplicateOfKey: number | null;

  @Field({ description: 'True while hidden pending moderation; only moderators and admins see hidden reports.' })
  @Column({ type: 'boolean', default: false })
  hidden: boolean;

  /** Flags since the report was created or last restored: reaching the threshold hides it. */
  @Column({ type: 'integer', default: 0 })
  flagCount: number;

  @Field(() => Int, { description: 'How many answers it has had.' })
  @Column({ type: 'integer', default: 0 })
  answerCount: number;
}

export function targetOf(report: Report): ReportTarget {
  return { type: report.targetType, id: report.targetId };
}
