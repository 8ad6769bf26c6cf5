import type { Redis } from 'ioredis';

export interface DataVersionsOptions {
  /** Subgraph name → URL. */
  subgraphs: Record<string, string>;
  /** How often every subgraph is asked for its version: the longest an import can go unseen without Redis. */
  pollMs: number;
  /** When set, an import's announcement on `channel` (subgraphs/kit/import/announce-load.ts) refreshes the versions at once. */
  subscriber?: { client: Redis; channel: string };
  /**
   * Where the gateways sharing Redis keep the versions their writes produced (a sorted set, version as score), for
   * the subgraphs that take writes through them: a gateway reads it before it looks up an answer about them.
   */
  shared?: { client: Redis; key: string; subgraphs: ReadonlySet<string> };
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
 *
 * A write through another gateway must show here at once too, and no announcement can promise that (this gateway may
 * take the client's next question before the message). So with Redis, the writer records the new version in a shared
 * sorted set before it answers, and an answer about a subgraph that takes writes is looked up under the higher of
 * the version known here and the one recorded there: one more Redis read, for those answers only.
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

  /** Reads the versions of `names` (every subgraph by default) from the subgraphs themselves. */
  async refresh(names: readonly string[] = Object.keys(this.options.subgraphs)): Promise<void> {
    await Promise.all(names.map((name) => this.read(name)));
  }

  /**
   * After a write through this gateway: reads the new versions of the written subgraphs before the write is answered,
   * so that this gateway's next answer shows it, and records them for the other gateways (`ZADD … GT`: a slower
   * writer's older version never replaces a newer one).
   */
  async written(names: readonly string[]): Promise<void> {
    await this.refresh(names);
    const { shared } = this.options;
    if (!shared) return;
    for (const name of names) {
      const version = this.versions.get(name);
      if (version === undefined || !shared.subgraphs.has(name)) continue;
      await shared.client.zadd(shared.key, 'GT', version, name).catch((error: unknown) => this.options.onError?.(name, error));
    }
  }

  /**
   * Takes the versions other gateways' writes recorded for these subgraphs, where higher than the ones known here.
   * Without Redis, or with none of them taking writes, there is nothing to read; should Redis fail, the versions
   * known here stand.
   */
  async catchUp(subgraphs: readonly string[]): Promise<void> {
    const { shared } = this.options;
    const names = shared ? subgraphs.filter((name) => shared.subgraphs.has(name)) : [];
    if (!shared || names.length === 0) return;
    let scores: (string | null)[];
    try {
      scores = await shared.client.zmscore(shared.key, ...names);
    } catch (error) {
      this.options.onError?.(names.join(','), error);
      return;
    }
    names.forEach((name, index) => {
      const recorded = scores[index] === null ? undefined : Number(scores[index]);
      if (recorded !== undefined && recorded > (this.versions.get(name) ?? -1)) this.keep(name, this.ticket(), recorded);
    });
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
