import type { Redis } from 'ioredis';

export interface DataVersionsOptions {
  /** Subgraph name → URL. */
  subgraphs: Record<string, string>;
  /** How often every subgraph is asked for its version: the longest an import can go unseen without Redis. */
  pollMs: number;
  /**
   * When set, an announcement on `channel` refreshes the versions at once: an import's (the subgraph's name, see
   * subgraphs/kit/import/announce-load.ts) or another gateway's after a write (`name@version`, taken as it comes).
   */
  subscriber?: { client: Redis; channel: string };
  /** Where this gateway announces the version a write through it produced, for the other gateways. */
  publisher?: { client: Redis; channel: string };
  onError?(subgraph: string, error: unknown): void;
}

/**
 * The data version of each subgraph as the gateway last saw it. A subgraph's version advances with every load it
 * commits and every write it takes, so a response cached under the versions of the subgraphs it touched is fresh
 * exactly as long as they stay the same. An unreachable subgraph keeps its last known version.
 *
 * Reads of one subgraph's version may overlap (the poll, an announcement, a write) and answer out of order; only the
 * answer of the latest one started is kept, so a poll sent before a write and answered after it cannot bring the
 * version from before the write back.
 */
export class DataVersions {
  private readonly versions = new Map<string, number>();
  /** Reads are numbered as they start; for each subgraph, the number of the read whose answer is kept. */
  private readonly kept = new Map<string, number>();
  private reads = 0;
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: DataVersionsOptions) {}

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.options.pollMs);
    this.timer.unref();
    const { subscriber } = this.options;
    if (subscriber) {
      subscriber.client.on('message', (channel: string, message: string) => {
        if (channel === subscriber.channel) this.announced(message);
      });
      await subscriber.client.subscribe(subscriber.channel);
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.options.subscriber?.client.quit();
    await this.options.publisher?.client.quit();
  }

  /** `budgets@12,institutions@3`: the part of a cache key that changes when one of these subgraphs loads data. */
  keyOf(subgraphs: readonly string[]): string {
    return subgraphs.map((name) => `${name}@${this.versions.get(name) ?? 'unknown'}`).join(',');
  }

  /** False until every subgraph has answered once: before that nothing is cached. */
  known(subgraphs: readonly string[]): boolean {
    return subgraphs.every((name) => this.versions.has(name));
  }

  /** Reads the versions of `names` (every subgraph by default) from the subgraphs themselves. */
  async refresh(names: readonly string[] = Object.keys(this.options.subgraphs)): Promise<void> {
    await Promise.all(names.map((name) => this.read(name)));
  }

  /**
   * After a write through this gateway: reads the new versions of the written subgraphs before the write is answered,
   * so that this gateway's next answer shows it, and announces them to the other gateways.
   */
  async written(names: readonly string[]): Promise<void> {
    await this.refresh(names);
    const { publisher } = this.options;
    if (!publisher) return;
    for (const name of names) {
      const version = this.versions.get(name);
      if (version === undefined) continue;
      await publisher.client
        .publish(publisher.channel, `${name}@${version}`)
        .catch((error: unknown) => this.options.onError?.(name, error));
    }
  }

  private announced(message: string) {
    const [, name, version] = /^([\w-]+)@(\d+)$/.exec(message) ?? [];
    if (name !== undefined && Object.hasOwn(this.options.subgraphs, name)) {
      this.keep(name, this.ticket(), Number(version));
      return;
    }
    void this.refresh();
  }

  private ticket(): number {
    this.reads += 1;
    return this.reads;
  }

  private keep(name: string, ticket: number, version: number) {
    if (ticket < (this.kept.get(name) ?? 0)) return;
    this.kept.set(name, ticket);
    this.versions.set(name, version);
  }

  private async read(name: string): Promise<void> {
    const url = this.options.subgraphs[name];
    if (url === undefined) return;
    const ticket = this.ticket();
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ dataVersion { ${name} { version } } }` }),
        signal: AbortSignal.timeout(Math.max(1000, this.options.pollMs)),
      });
      const body = (await response.json()) as { data?: { dataVersion?: Record<string, { version?: number }> } };
      const version = body.data?.dataVersion?.[name]?.version;
      if (typeof version === 'number') this.keep(name, ticket, version);
    } catch (error) {
      this.options.onError?.(name, error);
    }
  }
}
