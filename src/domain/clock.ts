// The source of "now" for services, so tests can move time (e.g. past a 15-minute lockout).
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** A clock and its timers, so the pacer and the outbox can be driven by a fake clock in the unit tests. */
export interface Scheduler {
  now(): number;
  /** Calls `fn` after `ms`; returns a function that cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
}

/** Timers on `clock` (the system clock unless a test moves time). */
export function schedulerOn(clock: Clock): Scheduler {
  return {
    now: clock,
    setTimer(fn, ms) {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    },
  };
}

export const realScheduler: Scheduler = schedulerOn(systemClock);
