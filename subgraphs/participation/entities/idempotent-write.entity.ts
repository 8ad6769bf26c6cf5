import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A write done under an idempotency key: the same key from the same actor returns this result instead of writing
 * again; with a different request it is refused.
 */
@Entity('idempotent_write')
export class IdempotentWrite {
  /** `sub:<subject>` for a token's holder, `client:<keyed hash of the address>` for anonymous writers. */
  @PrimaryColumn({ type: 'varchar' })
  actor: string;

  @PrimaryColumn({ type: 'varchar' })
  key: string;

  /** SHA-256 of the canonical action and arguments. */
  @Column({ type: 'varchar' })
  request: string;

  /** The canonical JSON of what the first write returned (ids to reload). */
  @Column({ type: 'text' })
  result: string;

  @Column({ type: 'varchar' })
  at: string;
}
