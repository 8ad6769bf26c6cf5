import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { SubgraphConfig } from './config';

/**
 * The per-request bag of DataLoaders. A loader is created the first time a resolver asks for it by name
 * and lives only as long as the request, so batching and caching never leak between users.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      // One statement per entity type per level needs batches as large as a level can be.
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 10_000 }) as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** What a request says about its sender, for the subgraphs that act on it (participation's writes). */
export interface RequestFacts {
  /** The `Authorization` header as received (the gateway forwards it untouched). */
  authorization?: string;
  /** The `Idempotency-Key` header as received. */
  idempotencyKey?: string;
  /** The client's address: Express's `req.ip` under the subgraph's `trust proxy` setting. */
  client: string;
}

export interface SubgraphContext {
  dataSource: DataSource;
  config: SubgraphConfig;
  loaders: LoaderRegistry;
  /** The id the gateway gave the request, under which both log it. */
  requestId?: string;
  /** Absent outside HTTP (tests calling the server directly, tools). */
  request?: RequestFacts;
}

export function createContext(dataSource: DataSource, config: SubgraphConfig): SubgraphContext {
  return { dataSource, config, loaders: new LoaderRegistry() };
}
