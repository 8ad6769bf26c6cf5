import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Which budget programs a contract is charged to: the join that makes contract↔program lookups one SQL statement. */
@Entity('contract_program')
export class ContractProgram {
  /** `<contract id>|<program id>`. */
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Index()
  @Column({ type: 'varchar' })
  contractId: string;

  @Index()
  @Column({ type: 'varchar' })
  programId: string;
}
