import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Actor, ActorColumns, actorOf } from './actor.object';
import { ReportStatus } from './participation.enums';

/** One step of a report's lifecycle, with the public note of whoever took it. */
@ObjectType({ description: 'An answer to a report (*respuesta*): the status it set and a public note.' })
@Entity('report_answer')
@Index(['reportKey', 'id'])
export class ReportAnswer {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  reportKey: number;

  @Field(() => ReportStatus, { description: 'The status the answer set.' })
  @Column({ type: 'varchar' })
  status: ReportStatus;

  @Field({ description: 'The public note, exactly as written.' })
  @Column({ type: 'text' })
  note: string;

  @Column(() => ActorColumns)
  actor: ActorColumns;

  @Field(() => Actor, { description: 'Who answered.' })
  get by(): Actor {
    return actorOf(this.actor)!;
  }

  @Field({ description: 'When (ISO 8601, UTC).' })
  @Column({ type: 'varchar' })
  at: string;
}
