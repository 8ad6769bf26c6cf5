import type { Redis } from 'ioredis';

export interface DataVersionsOptions {
  /** Subgraph name → URL. */
  subgraphs: Record<string, string>;
  /** How often every subgraph is asked for its version: the longest an import can go unseen without Redis. */
  pollMs: number;
  /** When set, an import's announcement on `channel` (subgraphs/kit/import/announce-load.ts) refreshes the versions at once. */
  subscriber?: { client: Redis; channel: string };
  onError?(subgraph: string, error: unknown): void;
}

/**
 * The data version of each subgraph as the gateway last saw it. A subgraph's version advances with every load it
 * commits, so a response cached under the versions of the subgraphs it touched is fresh exactly as long as they
 * stay the same. An unreachable subgraph keeps its last known version.
 */
export class DataVersions {
  private readonly versions = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: DataVersionsOptions) {}

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.options.pollMs);
    this.timer.unref();
    const { subscriber } = this.options;
    if (subscriber) {
      subscriber.client.on('message', (channel: string) => {
        if (channel === subscriber.channel) void this.refresh();
      });
      await subscriber.client.subscribe(subscriber.channel);
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.options.subscriber?.client.quit();
  }

  /** `budgets@12,institutions@3`: the part of a cache key that changes when one of these subgraphs loads data. */
  keyOf(subgraphs: readonly string[]): string {
    return subgraphs.map((name) => `${name}@${this.versions.get(name) ?? 'unknown'}`).join(',');
  }

  /** False until every subgraph has answered once: before that nothing is cached. */
  known(subgraphs: readonly string[]): boolean {
    return subgraphs.every((name) => this.versions.has(name));
  }

  async refresh(): Promise<void> {
    await Promise.all(
      Object.entries(this.options.subgraphs).map(async ([name, url]) => {
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: `{ dataVersion { ${name} { version } } }` }),
            signal: AbortSignal.timeout(Math.max(1000, this.options.pollMs)),
          });
          const body = (await response.json()) as { data?: { dataVersion?: Record<string, { version?: number }> } };
          const version = body.data?.dataVersion?.[name]?.version;
          if (typeof version === 'number') this.versions.set(name, version);
        } catch (error) {
          this.options.onError?.(name, error);
        }
      }),
    );
  }
}
