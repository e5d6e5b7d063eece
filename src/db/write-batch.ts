// Group commit for small writes on the hot path (the message log, the inbox's "done" marks): a write starts at once
// when none is running; what arrives meanwhile goes in the next one, as one statement. Forty updates at once then cost
// a few inserts instead of forty, and a quiet bot waits for nothing. When the database refuses a batch, its items are
// tried one by one, so a row it refuses costs only itself; when it cannot be reached, the whole batch fails at once.
import { isConnectionError } from "./database.js";

interface Pending<T> {
  items: T[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** Enough rows for one statement, far below MySQL's max_allowed_packet and SQLite's 32,766 bound parameters. */
const MAX_ITEMS = 200;

export class WriteBatch<T> {
  private pending: Pending<T>[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly write: (items: T[]) => Promise<void>) {}

  /** Settles once `items` are written; rejects with the database's error when they could not be. */
  add(items: T[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ items, resolve, reject });
      this.running ??= this.flush().finally(() => (this.running = undefined));
    });
  }

  /** Settles once everything added so far is written (or refused). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.take();
      try {
        await this.write(batch.flatMap((p) => p.items));
        for (const p of batch) p.resolve();
      } catch (err) {
        if (batch.length === 1 || isConnectionError(err)) for (const p of batch) p.reject(err);
        else for (const p of batch) await this.write(p.items).then(p.resolve, p.reject);
      }
    }
  }

  /** The oldest pending adds, up to MAX_ITEMS rows (an add bigger than that goes alone). */
  private take(): Pending<T>[] {
    let rows = 0;
    let count = 0;
    while (count < this.pending.length && (count === 0 || rows + this.pending[count]!.items.length <= MAX_ITEMS)) {
      rows += this.pending[count]!.items.length;
      count++;
    }
    return this.pending.splice(0, count);
  }
}
