import type { DataSource } from 'typeorm';
import { Contract } from '../../../subgraphs/budgets/entities/contract.entity';
import type { RedFlagCode, RedFlagStatus } from '../../../subgraphs/budgets/entities/red-flag.object';
import { RED_FLAG_COLUMNS, STORED_RED_FLAG_CODES } from '../../../subgraphs/budgets/entities/red-flag.columns';

export interface StoredCheck {
  contractId: string;
  code: RedFlagCode;
  status: RedFlagStatus;
}

/** Every check stored on the contract rows, one per contract and flag column that is not null (null is UNKNOWN). */
export async function storedChecks(dataSource: DataSource): Promise<StoredCheck[]> {
  const contracts = await dataSource.manager.find(Contract);
  return contracts.flatMap((contract) =>
    STORED_RED_FLAG_CODES.flatMap((code) => {
      const status = contract[RED_FLAG_COLUMNS[code]!];
      return status === null ? [] : [{ contractId: contract.id, code, status: status as RedFlagStatus }];
    }),
  );
}

/** The stored checks of one flag, optionally of one status. */
export async function storedChecksOf(dataSource: DataSource, code: RedFlagCode, status?: RedFlagStatus): Promise<StoredCheck[]> {
  return (await storedChecks(dataSource)).filter((check) => check.code === code && (status === undefined || check.status === status));
}
