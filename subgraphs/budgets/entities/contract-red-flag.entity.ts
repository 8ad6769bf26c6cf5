import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RedFlagCode, RedFlagStatus } from './red-flag';
import type { RedFlagFigures } from './red-flag.methodology';

/**
 * One flag checked on one contract, written with the contract at import. A flag with no row for a contract is UNKNOWN
 * (its fields were not published), so coverage is a count of rows and "unknown" is never stored as "clean".
 */
@Entity('contract_red_flag')
@Index(['code', 'status'])
export class ContractRedFlag {
  /** `<contract id>|<code>`. */
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Index()
  @Column({ type: 'varchar' })
  contractId: string;

  @Column({ type: 'varchar' })
  code: RedFlagCode;

  /** RAISED, NOT_RAISED or NOT_APPLICABLE. */
  @Column({ type: 'varchar' })
  status: RedFlagStatus;

  @Column({ type: 'simple-json' })
  figures: RedFlagFigures;
}
