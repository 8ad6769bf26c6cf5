import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One supplier of a contract as its own row, so that procurement can be grouped by supplier in SQL (the contract keeps
 * its suppliers as published in a JSON column). Written with the contracts, in the same transaction.
 */
@Entity('contract_supplier')
export class ContractSupplier {
  /** `<contract id>|<position of the supplier in the contract, 0-based>`. */
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Index()
  @Column({ type: 'varchar' })
  contractId: string;

  /** The supplier's identifier as published (RFC, RUPC folio), else its name: what tells suppliers apart. */
  @Index()
  @Column({ type: 'varchar' })
  supplierKey: string;

  @Column({ type: 'varchar', nullable: true })
  name: string | null;
}
