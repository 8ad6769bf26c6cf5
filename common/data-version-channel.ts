/**
 * The Redis channel on which a committed import announces a subgraph's new data version; every gateway's response
 * cache listens, so its answers about that subgraph change at once instead of at the next poll.
 */
export function dataVersionChannel(keyPrefix: string): string {
  return `${keyPrefix}data-version`;
}
