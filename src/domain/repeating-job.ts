// Runs a piece of upkeep shortly after start and then once a day, one run at a time, until stopped.
import { DAY_MS } from "../db/report-queries.js";
import type { Logger } from "../logger.js";
import type { Clock } from "./clock.js";

/** Node's timers, or a test's: calls `fn` after `ms` and returns a function that cancels it (as the pacer's). */
export interface Timers {
  setTimer(fn: () => void, ms: number): () => void;
}

export const nodeTimers: Timers = {
  setTimer(fn, ms) {
    const timer = setTimeout(fn, ms);
    // Upkeep alone must not keep the process alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
};

export interface DailyJobOptions {
  clock: Clock;
  log: Logger;
  timers?: Timers;
  /** The first run waits this long, so it does not compete with the start-up backlog. */
  firstDelayMs?: number;
  /** A failed run (the database away) is tried again this much later instead of a day later. */
  retryMs?: number;
}

export interface DailyJob {
  /** No run starts after this; a run under way is awaited. */
  stop(): Promise<void>;
}

/** `work` gets the clock's time and returns counts, which are logged: a job's log line never holds content. */
export function startDailyJob(name: string, work: (now: number) => Promise<Record<string, number>>, options: DailyJobOptions): DailyJob {
  const { clock, log } = options;
  const timers = options.timers ?? nodeTimers;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let cancel = timers.setTimer(run, options.firstDelayMs ?? 60_000);

  function run(): void {
    running = (async () => {
      const started = clock();
      let wait = DAY_MS;
      try {
        const counts = await work(started);
        log.info(`${name} selesai`, { ...counts, ms: clock() - started });
      } catch (err) {
        wait = options.retryMs ?? 3_600_000;
        log.warn(`${name} gagal; dicoba lagi nanti`, { waitMs: wait, error: err instanceof Error ? err.message : String(err) });
      }
      if (!stopped) cancel = timers.setTimer(run, wait);
    })();
  }

  return {
    async stop() {
      stopped = true;
      cancel();
      await running;
    },
  };
}
