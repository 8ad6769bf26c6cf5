/**
 * Identical requests in flight at the same time share one: the first caller's work runs, the others wait for its
 * result and get their own copy (the gateway merges results into its own response objects, so they must not share
 * one). The entry is dropped as soon as the work settles: this merges, it does not cache.
 */
export class InFlight<T> {
  private readonly pending = new Map<string, Promise<T>>();

  constructor(private readonly onMerge: () => void = () => {}) {}

  async run(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.pending.get(key);
    if (running) {
      this.onMerge();
      return structuredClone(await running);
    }
    const started = work().finally(() => this.pending.delete(key));
    this.pending.set(key, started);
    return started;
  }
}
