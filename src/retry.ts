// The one retry policy: exponential backoff with jitter, an abort-aware sleep, and a loop that retries what the
// caller says is worth retrying. Start-up, the update runner and the outbox all wait through here.

export interface BackoffOptions {
  /** The wait after the first failure, before jitter. */
  baseMs?: number;
  maxMs?: number;
}

/**
 * "Equal jitter": half the exponential wait is fixed, half random, so many clients that failed together do not
 * come back together, and no wait is ever close to zero.
 */
export function backoffMs(attempt: number, { baseMs = 500, maxMs = 60_000 }: BackoffOptions = {}, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 20));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Resolves after `ms`, or at once when `signal` aborts (the caller checks `signal.aborted`). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

export interface RetryOptions extends BackoffOptions {
  signal?: AbortSignal;
  /** Whether this failure may pass with time; anything else is thrown at once. */
  retryable: (err: unknown) => boolean;
  /** Told about each failure that will be retried, with the wait before the next try. */
  onRetry?: (err: unknown, attempt: number, waitMs: number) => void;
  /** A wait the failure itself asks for (a flood wait's retry_after), instead of the backoff. */
  waitFor?: (err: unknown) => number | undefined;
}

/** Runs `work` until it succeeds, a failure is not retryable, or `signal` aborts (then the last failure is thrown). */
export async function retrying<T>(work: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (options.signal?.aborted || !options.retryable(err)) throw err;
      const wait = options.waitFor?.(err) ?? backoffMs(attempt, options);
      options.onRetry?.(err, attempt, wait);
      await sleep(wait, options.signal);
      if (options.signal?.aborted) throw err;
    }
  }
}
