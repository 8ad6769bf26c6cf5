import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import type { Env } from '../../common/config/env';
import { readConfig, type SubgraphConfig } from '../../subgraphs/kit/config';
import { openDataSource } from '../../subgraphs/kit/data-source';
import { definition } from '../../subgraphs/participation/definition';

/** Runs `work` on the participation database of the configured environment, and closes it. */
export async function withParticipation<T>(
  work: (dataSource: DataSource, config: SubgraphConfig) => Promise<T>,
  env: Env = process.env,
): Promise<T> {
  const config = readConfig(env);
  const { dataSource } = await openDataSource('participation', definition.entities, config, definition.search);
  try {
    return await work(dataSource, config);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

/** Prints the problem alone (no stack trace) and exits non-zero. */
export function fail(error: unknown): void {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
