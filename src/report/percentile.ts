// Median and percentiles of a sorted list. Computed here, from the tickets' durations, because MySQL/MariaDB and
// SQLite share no percentile function and service-hour durations are not SQL's to compute anyway.

/** The middle value; for an even count the mean of the two middle values. Null for an empty list. */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Nearest-rank percentile: the smallest value with at least `p` percent of the list at or below it, so it is
 * always a value that occurred ("90% of tickets got their first answer within this time"). Null for an empty list.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}
