const DAY = 86_400_000;

/** The ISO date `day` days (0-based) into `year`, clamped to the year's last day. */
export function dayOfYear(year: number, day: number): string {
  const start = Date.UTC(year, 0, 1);
  const last = Date.UTC(year, 11, 31);
  return new Date(Math.min(start + day * DAY, last)).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** An OCDS date-time at midnight UTC, as the INAI releases write them. */
export function ocdsDateTime(date: string): string {
  return `${date}T00:00:00Z`;
}
