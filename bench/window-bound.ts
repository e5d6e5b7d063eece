// The bounds the scenarios measure against: the earliest Telegram's strict rolling windows let a burst of messages
// arrive, given what the window already held when the burst began (sends the bot made just before still count).
import type { RollingLimit } from "../test/support/fake-telegram/types.js";

/**
 * The earliest the `count`-th of `count` messages sent from `start` can arrive when at most `limit.count` may arrive
 * in any `limit.windowMs`, given the send times the window already `held`: each message goes as soon as the window
 * has room, i.e. no earlier than windowMs after the message `limit.count` places before it. In ms after `start`.
 */
export function earliestLastArrivalMs(held: readonly number[], count: number, limit: RollingLimit, start: number): number {
  const times = held.filter((t) => t > start - limit.windowMs);
  let last = start;
  for (let k = 0; k < count; k++) {
    const blocking = times.length >= limit.count ? times[times.length - limit.count]! + limit.windowMs : start;
    last = Math.max(start, blocking);
    times.push(last);
  }
  return last - start;
}

/**
 * How much later the last of `count` messages sent from `start` can arrive because the window already `held` sends,
 * than it could into an empty window. In ms.
 */
export function heldDelayMs(held: readonly number[], count: number, limit: RollingLimit, start: number): number {
  return earliestLastArrivalMs(held, count, limit, start) - earliestLastArrivalMs([], count, limit, start);
}
