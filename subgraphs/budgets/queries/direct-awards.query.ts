import type { DataSource } from 'typeorm';
import { ContractSupplier } from '../entities/contract-supplier.entity';
import { Contract } from '../entities/contract.entity';
import { ProcedureKind } from '../entities/procedure-kind.enums';
import type { ContractParty } from '../entities/values.object';
import { awardDayOf, buyerKeyOf, daysBetween } from '../importers/shared/red-flags.rules';

/** Another direct award of the same buying unit to the same supplier, and how many days apart (absolute). */
export interface OtherAward {
  contractId: string;
  other: string;
  days: number;
}

interface Candidate {
  contractId: string;
  buyer: string | null;
  signedOn: string | null;
  startsOn: string | null;
  other: string;
  otherBuyer: string | null;
  otherSignedOn: string | null;
  otherStartsOn: string | null;
}

const buyerOf = (json: string | null) => buyerKeyOf(json === null ? null : (JSON.parse(json) as ContractParty | null));

/**
 * The other direct awards within the window of the given contracts (their REPEATED_DIRECT_AWARD figures), in one
 * statement: from each contract to its suppliers' other direct awards by the supplier index, then the same buying unit
 * and the window checked by the rule the import decided them with.
 */
export async function otherDirectAwards(dataSource: DataSource, ids: readonly string[], windowDays: number): Promise<OtherAward[]> {
  if (ids.length === 0) return [];
  const candidates: Candidate[] = await dataSource
    .createQueryBuilder(Contract, 'a')
    .innerJoin(ContractSupplier, 'sa', 'sa.contractId = a.id')
    .innerJoin(ContractSupplier, 'sb', 'sb.supplierKey = sa.supplierKey AND sb.contractId <> a.id')
    .innerJoin(Contract, 'b', 'b.id = sb.contractId')
    .select('a.id', 'contractId')
    .addSelect('a.buyerAsPublished', 'buyer')
    .addSelect('a.signedOn', 'signedOn')
    .addSelect('a.startsOn', 'startsOn')
    .addSelect('b.id', 'other')
    .addSelect('b.buyerAsPublished', 'otherBuyer')
    .addSelect('b.signedOn', 'otherSignedOn')
    .addSelect('b.startsOn', 'otherStartsOn')
    .distinct(true)
    .where('a.id IN (:...ids)', { ids: [...ids] })
    .andWhere('b.procedureKind = :direct', { direct: ProcedureKind.DIRECT })
    .getRawMany();
  const found: OtherAward[] = [];
  for (const row of candidates) {
    const day = awardDayOf(row);
    const otherDay = awardDayOf({ signedOn: row.otherSignedOn, startsOn: row.otherStartsOn });
    const buyer = buyerOf(row.buyer);
    if (day === null || otherDay === null || buyer === undefined || buyerOf(row.otherBuyer) !== buyer) continue;
    const days = Math.abs(daysBetween(day, otherDay));
    if (days <= windowDays) found.push({ contractId: row.contractId, other: row.other, days });
  }
  return found;
}
