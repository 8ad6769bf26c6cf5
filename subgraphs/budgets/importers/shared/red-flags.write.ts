import { In, type EntityManager } from 'typeorm';
import type { RedFlagThresholds } from '../../../../common/config/red-flags';
import { keyBatches } from '../../../kit/import/bulk-write';
import { ContractSupplier } from '../../entities/contract-supplier.entity';
import { Contract } from '../../entities/contract.entity';
import { ProcedureKind } from '../../entities/procedure-kind.enums';
import { RedFlagStatus, type StoredRedFlagStatus } from '../../entities/red-flag.object';
import type { ContractParty } from '../../entities/values.object';
import { supplierKeyOf } from './contract-suppliers';
import { awardDayOf, buyerKeyOf, type DirectAward, repeatedAwards } from './red-flags.rules';

/** A stored direct award as read before an import: one row per supplier row (none: supplier null). */
interface StoredAwardRow {
  id: string;
  buyer: string | null;
  signedOn: string | null;
  startsOn: string | null;
  supplier: string | null;
  status: StoredRedFlagStatus | null;
}

/**
 * Sets REPEATED_DIRECT_AWARD on the contracts about to be written, and rewrites it on the stored contracts whose status
 * they change (a 2018 contract can repeat a 2017 one loaded before), inside the caller's transaction and before the
 * contracts are written, so that it travels in the same bulk insert as the contract and a fresh load reads nothing
 * back. The stored direct awards are read once (raw rows, the buyer's JSON parsed here by the same rule as the new
 * contracts'); the imported ones replace their stored versions. A direct award without buying unit, supplier or day
 * stays unknown, other procedure kinds are not applicable, an unknown kind unknown.
 */
export async function decideRepeatedDirectAwards(
  manager: EntityManager,
  contracts: Contract[],
  thresholds: RedFlagThresholds,
): Promise<void> {
  const importing = new Set(contracts.map((contract) => contract.id));
  const stored = (
    (await manager
      .createQueryBuilder(Contract, 'c')
      .leftJoin(ContractSupplier, 's', 's.contractId = c.id')
      .select('c.id', 'id')
      .addSelect('c.buyerAsPublished', 'buyer')
      .addSelect('c.signedOn', 'signedOn')
      .addSelect('c.startsOn', 'startsOn')
      .addSelect('s.supplierKey', 'supplier')
      .addSelect('c.repeatedDirectAwardFlag', 'status')
      .where('c.procedureKind = :direct', { direct: ProcedureKind.DIRECT })
      .getRawMany()) as StoredAwardRow[]
  ).filter((row) => !importing.has(row.id));

  const awards: DirectAward[] = [];
  const storedStatus = new Map<string, StoredRedFlagStatus | null>();
  const buyers = new Map<string, string | undefined>();
  for (const row of stored) {
    if (!buyers.has(row.id)) buyers.set(row.id, buyerKeyOf(row.buyer === null ? null : (JSON.parse(row.buyer) as ContractParty | null)));
    const buyer = buyers.get(row.id);
    const day = awardDayOf(row);
    if (buyer && day && row.supplier !== null) {
      awards.push({ id: row.id, buyer, supplier: row.supplier, day });
      storedStatus.set(row.id, row.status);
    }
  }
  const checkable = new Set<string>();
  for (const contract of contracts) {
    if (contract.procedureKind !== ProcedureKind.DIRECT) continue;
    const buyer = buyerKeyOf(contract.buyerAsPublished);
    const day = awardDayOf(contract);
    if (!buyer || !day) continue;
    for (const party of contract.suppliers) {
      const supplier = supplierKeyOf(party);
      if (supplier === undefined) continue;
      awards.push({ id: contract.id, buyer, supplier, day });
      checkable.add(contract.id);
    }
  }

  const raised = repeatedAwards(awards, thresholds.repeatWindowDays);
  const statusOf = (id: string) => (raised.has(id) ? RedFlagStatus.RAISED : RedFlagStatus.NOT_RAISED);
  for (const contract of contracts) {
    contract.repeatedDirectAwardFlag =
      contract.procedureKind === null
        ? null
        : contract.procedureKind !== ProcedureKind.DIRECT
          ? RedFlagStatus.NOT_APPLICABLE
          : checkable.has(contract.id)
            ? statusOf(contract.id)
            : null;
  }
  const changed = new Map<StoredRedFlagStatus, string[]>();
  for (const [id, before] of storedStatus) {
    const after = statusOf(id);
    if (after === before) continue;
    const ids = changed.get(after);
    if (ids) ids.push(id);
    else changed.set(after, [id]);
  }
  for (const [status, ids] of changed) {
    for (const batch of keyBatches(ids)) await manager.update(Contract, { id: In(batch) }, { repeatedDirectAwardFlag: status });
  }
}
