import { In, type EntityManager } from 'typeorm';
import { upsertAll } from '../../../kit/import/bulk-write';
import { ContractSupplier } from '../../entities/contract-supplier.entity';
import type { Contract } from '../../entities/contract.entity';
import type { ContractParty } from '../../entities/values.object';

/** What tells suppliers apart: the identifier as published, else the name; undefined when neither. */
export function supplierKeyOf(supplier: ContractParty): string | undefined {
  return supplier.id?.trim() || supplier.name?.trim() || undefined;
}

/** The supplier rows of contracts; a supplier with neither identifier nor name has nothing to group by. */
export function suppliersOf(contracts: Contract[]): ContractSupplier[] {
  return contracts.flatMap((contract) =>
    contract.suppliers.flatMap((supplier, position) => {
      const key = supplierKeyOf(supplier);
      if (!key) return [];
      const row = new ContractSupplier();
      row.id = `${contract.id}|${position}`;
      row.contractId = contract.id;
      row.supplierKey = key;
      row.name = supplier.name;
      return [row];
    }),
  );
}

/**
 * Writes the supplier rows of the given contracts and drops the rows those contracts no longer have, inside the
 * caller's transaction: re-importing a contract with fewer suppliers leaves no stale row.
 */
export async function writeContractSuppliers(manager: EntityManager, contracts: Contract[]): Promise<void> {
  const rows = suppliersOf(contracts);
  const kept = new Set(rows.map((row) => row.id));
  for (let start = 0; start < contracts.length; start += 500) {
    const ids = contracts.slice(start, start + 500).map((contract) => contract.id);
    const stale = await manager.find(ContractSupplier, { select: { id: true }, where: { contractId: In(ids) } });
    const gone = stale.map((row) => row.id).filter((id) => !kept.has(id));
    if (gone.length > 0) await manager.delete(ContractSupplier, { id: In(gone) });
  }
  await upsertAll(manager, ContractSupplier, rows);
}
