import { In, type EntityManager } from 'typeorm';
import type { RedFlagThresholds } from '../../../common/config/red-flags';
import { KEYS_PER_SELECT, keyBatches, upsertAll } from '../../kit/import/bulk-write';
import { ContractRedFlag } from '../entities/contract-red-flag.entity';
import { ContractSupplier } from '../entities/contract-supplier.entity';
import { Contract } from '../entities/contract.entity';
import { ProcedureKind } from '../entities/procedure-kind.enums';
import { RedFlagCode, RedFlagStatus } from '../entities/red-flag';
import type { ContractParty } from '../entities/values.object';
import { daysBetween, redFlagRow } from './red-flags.rules';

/** How many other contracts a raised REPEATED_DIRECT_AWARD names in its figures (the count names them all). */
const LISTED_OTHERS = 10;

/**
 * Writes the per-contract checks of the given contracts, drops the checks they no longer have (a re-import where a
 * field became blank turns the flag back to unknown), then recomputes REPEATED_DIRECT_AWARD over every stored contract,
 * since a new contract can repeat one loaded earlier from another file. All inside the caller's transaction.
 */
export async function writeContractRedFlags(
  manager: EntityManager,
  contracts: Contract[],
  checks: ContractRedFlag[],
  thresholds: RedFlagThresholds,
): Promise<void> {
  const kept = new Set(checks.map((row) => row.id));
  for (let start = 0; start < contracts.length; start += KEYS_PER_SELECT) {
    const ids = contracts.slice(start, start + KEYS_PER_SELECT).map((contract) => contract.id);
    // Raw ids rather than entities: only the ids are compared, and there are several checks per contract.
    const stored: { id: string }[] = await manager
      .createQueryBuilder(ContractRedFlag, 'f')
      .select('f.id', 'id')
      .where('f.contractId IN (:...ids)', { ids })
      .andWhere('f.code <> :repeated', { repeated: RedFlagCode.REPEATED_DIRECT_AWARD })
      .getRawMany();
    await deleteChecks(
      manager,
      stored.map((row) => row.id).filter((id) => !kept.has(id)),
    );
  }
  await upsertAll(manager, ContractRedFlag, checks);
  await refreshRepeatedDirectAwards(manager, thresholds);
}

/** A stored contract as the repeated-direct-award pass reads it; `buyer` is the stored JSON of buyerAsPublished. */
interface AwardRow {
  id: string;
  procedureKind: ProcedureKind;
  buyer: string | null;
  signedOn: string | null;
  startsOn: string | null;
}

interface Award {
  id: string;
  day: string;
}

/**
 * REPEATED_DIRECT_AWARD for every stored contract: a direct award is raised when the same buying unit (its published
 * key, else its name) awarded the same supplier (its key) directly again within the window, before or after. The date
 * is the signature date, else the start date. Other procedure kinds are not applicable; a direct award without buyer,
 * supplier or date, or a contract of unknown kind, stays unknown.
 */
export async function refreshRepeatedDirectAwards(manager: EntityManager, thresholds: RedFlagThresholds): Promise<void> {
  // Raw rows rather than entities: this reads every stored contract at each import, and hydration was not needed.
  const contracts: AwardRow[] = await manager
    .createQueryBuilder(Contract, 'c')
    .select('c.id', 'id')
    .addSelect('c.procedureKind', 'procedureKind')
    .addSelect('c.buyerAsPublished', 'buyer')
    .addSelect('c.signedOn', 'signedOn')
    .addSelect('c.startsOn', 'startsOn')
    .where('c.procedureKind IS NOT NULL')
    .getRawMany();
  const direct = new Map<string, { buyer: string; day: string }>();
  const rows: ContractRedFlag[] = [];
  for (const contract of contracts) {
    if (contract.procedureKind !== ProcedureKind.DIRECT) {
      rows.push(redFlagRow(contract.id, RedFlagCode.REPEATED_DIRECT_AWARD, RedFlagStatus.NOT_APPLICABLE));
      continue;
    }
    const published = contract.buyer === null ? null : (JSON.parse(contract.buyer) as ContractParty | null);
    const buyer = published?.id?.trim() || published?.name?.trim();
    const day = contract.signedOn ?? contract.startsOn;
    if (buyer && day) direct.set(contract.id, { buyer, day });
  }
  const suppliers: { contractId: string; supplierKey: string }[] = await manager
    .createQueryBuilder(ContractSupplier, 'supplier')
    .select('supplier.contractId', 'contractId')
    .addSelect('supplier.supplierKey', 'supplierKey')
    .innerJoin(Contract, 'contract', 'contract.id = supplier.contractId')
    .where('contract.procedureKind = :kind', { kind: ProcedureKind.DIRECT })
    .getRawMany();
  const groups = new Map<string, Award[]>();
  const supplied = new Set<string>();
  for (const { contractId, supplierKey } of suppliers) {
    const award = direct.get(contractId);
    if (!award) continue;
    supplied.add(contractId);
    const key = `${award.buyer}\u0000${supplierKey}`;
    const group = groups.get(key) ?? [];
    if (!group.some((other) => other.id === contractId)) group.push({ id: contractId, day: award.day });
    groups.set(key, group);
  }
  const repeats = new Map<string, Map<string, number>>();
  for (const group of groups.values()) {
    group.sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id));
    for (let i = 0; i < group.length; i += 1) {
      for (let j = i + 1; j < group.length; j += 1) {
        const apart = daysBetween(group[i].day, group[j].day);
        if (apart > thresholds.repeatWindowDays) break;
        for (const [one, other] of [
          [group[i], group[j]],
          [group[j], group[i]],
        ]) {
          const others = repeats.get(one.id) ?? new Map<string, number>();
          others.set(other.id, Math.min(apart, others.get(other.id) ?? apart));
          repeats.set(one.id, others);
        }
      }
    }
  }
  for (const id of supplied) {
    const others = repeats.get(id);
    if (!others) {
      rows.push(redFlagRow(id, RedFlagCode.REPEATED_DIRECT_AWARD, RedFlagStatus.NOT_RAISED, { awardedOn: direct.get(id)!.day }));
      continue;
    }
    const listed = [...others.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
    rows.push(
      redFlagRow(id, RedFlagCode.REPEATED_DIRECT_AWARD, RedFlagStatus.RAISED, {
        awardedOn: direct.get(id)!.day,
        otherCount: listed.length,
        closestDays: listed[0][1],
        windowDays: thresholds.repeatWindowDays,
        otherContracts: listed
          .slice(0, LISTED_OTHERS)
          .map(([other]) => other)
          .join(' '),
      }),
    );
  }
  const kept = new Set(rows.map((row) => row.id));
  const stored: { id: string }[] = await manager
    .createQueryBuilder(ContractRedFlag, 'f')
    .select('f.id', 'id')
    .where('f.code = :repeated', { repeated: RedFlagCode.REPEATED_DIRECT_AWARD })
    .getRawMany();
  await deleteChecks(
    manager,
    stored.map((row) => row.id).filter((id) => !kept.has(id)),
  );
  await upsertAll(manager, ContractRedFlag, rows);
}

/** Deletes stored checks by id, a bounded batch per statement. */
async function deleteChecks(manager: EntityManager, ids: string[]): Promise<void> {
  for (const batch of keyBatches(ids)) await manager.delete(ContractRedFlag, { id: In(batch) });
}
