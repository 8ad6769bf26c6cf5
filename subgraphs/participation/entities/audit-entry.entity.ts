import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One write, appended in the write's own transaction. `hash` is SHA-256 over the canonical serialisation of the entry
 * with the previous entry's hash (writes/audit-chain.ts), so editing or removing a row breaks every hash after it
 * (`npm run audit:verify`). `changes` never holds a report's contact.
 */
@ObjectType({ description: 'An entry of the participation audit log (*bitácora*): who did what to what, hash-chained.' })
@Entity('audit_entry')
export class AuditEntry {
  @Field(() => Int, { description: 'Position in the log, from 1, without gaps.' })
  @PrimaryColumn({ type: 'integer' })
  sequence: number;

  @Field({ description: 'When (ISO 8601, UTC).' })
  @Column({ type: 'varchar' })
  at: string;

  @Field(() => String, { nullable: true, description: "The token's subject; null for an anonymous writer." })
  @Column({ type: 'varchar', nullable: true })
  actorSubject: string | null;

  @Field({ description: 'The role acted with, or `ANONYMOUS`.' })
  @Column({ type: 'varchar' })
  actorRole: string;

  @Field({ description: 'The mutation, e.g. `reportProblem`.' })
  @Column({ type: 'varchar' })
  action: string;

  @Field({ description: 'What it acted on: `Report:12`, `ProgressUpdate:3`.' })
  @Column({ type: 'varchar' })
  target: string;

  @Field({ description: 'What changed, as canonical JSON (never a contact).' })
  @Column({ type: 'text' })
  changes: string;

  @Field(() => String, { nullable: true, description: 'The id the gateway gave the request, as in the logs.' })
  @Column({ type: 'varchar', nullable: true })
  requestId: string | null;

  @Field({ description: "The previous entry's hash (64 zeros for the first)." })
  @Column({ type: 'varchar' })
  previousHash: string;

  @Field({ description: 'SHA-256 (hex) of this entry with the previous hash.' })
  @Column({ type: 'varchar' })
  hash: string;
}
