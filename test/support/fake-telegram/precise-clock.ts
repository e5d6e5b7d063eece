// The clock of the fake's timing fields: epoch milliseconds to a fraction of a millisecond, and monotonic (it follows
// performance.now(), not the wall clock), so differences between two readings are exact to well under 1 ms.
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}
