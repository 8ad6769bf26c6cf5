import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Actor, ActorColumns, actorOf } from './actor.object';
import { Completion } from '../../kit/completion';
import { ProgressState } from './participation.enums';

@ObjectType({ description: 'What backs a progress update: an archival record of the graph, or a public web page.' })
export class Evidence {
  @Field(() => ID, { nullable: true, description: 'A `Record` id, e.g. `MX-CPA-20147/05C.14/5131/2017`.' })
  recordId: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) URL.' })
  url: string | null;
}

/**
 * A commitment's progress as its state's technical secretariat reports it: proposed by a member of one sector,
 * CONFIRMED when a member of another sector of the same state confirms it.
 */
@ObjectType({ description: "A progress update of a commitment (*avance*), proposed and confirmed across the secretariat's sectors." })
@Entity('progress_update')
@Index(['commitmentId', 'key'])
export class ProgressUpdate {
  @PrimaryGeneratedColumn()
  key: number;

  @Field(() => ID, { description: 'Update id: a decimal number, in the order updates were proposed.' })
  get id(): string {
    return String(this.key);
  }

  @Column({ type: 'varchar' })
  commitmentId: string;

  /** The INEGI code of the commitment's state (from its id); null for one whose id names none (an admin's update). */
  @Column({ type: 'varchar', nullable: true })
  stateId: string | null;

  @Field(() => Completion, { description: 'The completion proposed, on the IRM scale.' })
  @Column({ type: 'varchar' })
  completion: Completion;

  @Field({ description: 'What was done, exactly as written.' })
  @Column({ type: 'text' })
  note: string;

  @Field(() => [Evidence], { description: 'What backs it: Record ids and URLs, as given.' })
  @Column({ type: 'simple-json' })
  evidence: Evidence[];

  @Column(() => ActorColumns)
  proposer: ActorColumns;

  @Column(() => ActorColumns)
  confirmer: ActorColumns;

  @Field(() => Actor, { description: 'Who proposed it.' })
  get proposedBy(): Actor {
    return actorOf(this.proposer)!;
  }

  @Field(() => Actor, { nullable: true, description: 'Who confirmed it; null while PROPOSED.' })
  get confirmedBy(): Actor | null {
    return actorOf(this.confirmer);
  }

  @Field(() => ProgressState, { description: 'PROPOSED until a member of another sector confirms it.' })
  @Column({ type: 'varchar' })
  state: ProgressState;

  @Field({ description: 'When it was proposed (ISO 8601, UTC).' })
  @Column({ type: 'varchar' })
  at: string;

  @Field(() => String, { nullable: true, description: 'When it was confirmed (ISO 8601, UTC); null while PROPOSED.' })
  @Column({ type: 'varchar', nullable: true })
  confirmedAt: string | null;
}
