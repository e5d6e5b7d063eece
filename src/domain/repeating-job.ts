// Runs a piece of upkeep shortly after start and then at a fixed interval (a day unless told), one run at a time,
// until stopped.
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

export interface RepeatingJobOptions {
  clock: Clock;
  log: Logger;
  timers?: Timers;
  /** The first run waits this long, so it does not compete with the start-up backlog. */
  firstDelayMs?: number;
  /** Between the end of one run and the start of the next; a day unless told. */
  everyMs?: number;
  /** A failed run (the database away) is tried again this much later instead of a day later. */
  retryMs?: number;
}

export interface RepeatingJob {
  /** No run starts after this; a run under way is awaited. */
  stop(): Promise<void>;
}

/** `work` gets the clock's time and returns counts, which are logged: a job's log line never holds content. */
export function startRepeatingJob(name: string, work: (now: number) => Promise<Record<string, number>>, options: RepeatingJobOptions): RepeatingJob {
  const { clock, log } = options;
  const timers = options.timers ?? nodeTimers;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let cancel = timers.setTimer(run, options.firstDelayMs ?? 60_000);

  function run(): void {
    running = (async () => {
      const started = clock();
      let wait = options.everyMs ?? DAY_MS;
      try {
        const counts = await work(started);
        // A run that found nothing to do is no news: a job run every minute would fill the log with it.
        const idle = Object.values(counts).every((count) => count === 0);
        log.log(idle ? "debug" : "info", `${name} selesai`, { ...counts, ms: clock() - started });
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
