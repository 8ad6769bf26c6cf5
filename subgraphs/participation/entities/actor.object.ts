import { Field, ObjectType } from 'type-graphql';
import { Column } from 'typeorm';
import { Role, Sector } from './participation.enums';
import { State, stateRef } from './federated.stubs';

/**
 * Who acted, as stored beside what they did (embedded columns): the token's claims at the time. The subject is kept
 * for the audit log and the "not your own" rule but is no field: an OpenID provider's subject may be personal data.
 */
export class ActorColumns {
  @Column({ type: 'varchar', nullable: true })
  subject: string | null;

  @Column({ type: 'varchar', nullable: true })
  role: Role | null;

  @Column({ type: 'varchar', nullable: true })
  sector: Sector | null;

  @Column({ type: 'varchar', nullable: true })
  stateId: string | null;

  @Column({ type: 'varchar', nullable: true })
  name: string | null;
}

@ObjectType({ description: 'Who answered a report or reported progress: role, sector and state as their token said.' })
export class Actor {
  @Field(() => Role, { description: 'The role the token gave.' })
  role: Role;

  @Field(() => Sector, { nullable: true, description: 'The sector of a secretariat member; null for moderators and admins.' })
  sector: Sector | null;

  @Field(() => State, { nullable: true, description: 'The state of a secretariat member; null for moderators and admins.' })
  state: State | null;

  @Field(() => String, { nullable: true, description: 'The name the token gives, if any.' })
  name: string | null;
}

export function actorOf(columns: ActorColumns): Actor | null {
  if (!columns.role) return null;
  return { role: columns.role, sector: columns.sector, state: columns.stateId ? stateRef(columns.stateId) : null, name: columns.name };
}
