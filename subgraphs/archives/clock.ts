/**
 * Record phases depend on today's date. The subgraph reads it through this one function so tests can
 * fix the date (useClock) and get the same phases every day.
 */
export type Clock = () => Date;

const systemClock: Clock = () => new Date();
let current: Clock = systemClock;

export function useClock(clock: Clock | null): void {
  current = clock ?? systemClock;
}

/** Today as an ISO date (UTC), comparable as a string with the stored 'YYYY-MM-DD' dates. */
export function today(): string {
  return current().toISOString().slice(0, 10);
}
