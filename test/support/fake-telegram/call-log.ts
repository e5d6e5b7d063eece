// Every request the bot made, in arrival order, and the waits a test sets on them.
import type { RecordedCall } from "./types.js";

type CallPredicate = (c: RecordedCall) => boolean;

interface Waiter {
  pred: CallPredicate;
  count: number;
  resolve: (calls: RecordedCall[]) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

const RECENT_IN_ERRORS = 15;
const PARAMS_IN_ERRORS = 160;

function describe(call: RecordedCall): string {
  const params = JSON.stringify(call.params);
  const files = call.files.map((f) => ` +file ${f.field}=${f.filename}(${f.size}B)`).join("");
  const shown = params.length > PARAMS_IN_ERRORS ? `${params.slice(0, PARAMS_IN_ERRORS)}…` : params;
  return `${call.method} → ${call.status || "unanswered"} ${shown}${files}`;
}

export class CallLog {
  readonly calls: RecordedCall[] = [];
  // A call is matched only once answered (or abandoned), so a test that waits for it also sees its effects.
  private readonly settled = new WeakSet<RecordedCall>();
  private waiters: Waiter[] = [];

  add(call: RecordedCall): void {
    this.calls.push(call);
  }

  settle(call: RecordedCall, status: number, response: unknown): void {
    if (this.settled.has(call)) return;
    call.status = status;
    call.response = response;
    this.settled.add(call);
    for (const waiter of [...this.waiters]) this.tryResolve(waiter);
  }

  waitFor(pred: CallPredicate, count: number, timeoutMs: number): Promise<RecordedCall[]> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        pred,
        count,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.remove(waiter);
          const found = this.safeCount(pred);
          reject(
            new Error(
              `FakeTelegram: waited ${timeoutMs} ms for ${count} call(s) matching ${String(pred)}, saw ${found}.\n` +
                `Recent calls:\n${this.recent()}`,
            ),
          );
        }, timeoutMs),
      };
      this.waiters.push(waiter);
      this.tryResolve(waiter);
    });
  }

  /** stop(): nothing more will arrive, so outstanding waits fail now instead of at their timeout. */
  rejectAll(reason: string): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(`FakeTelegram: ${reason}.\nRecent calls:\n${this.recent()}`));
    }
    this.waiters = [];
  }

  recent(): string {
    const lines = this.calls.slice(-RECENT_IN_ERRORS).map((c) => `  ${describe(c)}`);
    return lines.length > 0 ? lines.join("\n") : "  (none)";
  }

  private matching(pred: CallPredicate): RecordedCall[] {
    return this.calls.filter((c) => this.settled.has(c) && pred(c));
  }

  private safeCount(pred: CallPredicate): number {
    try {
      return this.matching(pred).length;
    } catch {
      return 0;
    }
  }

  /** A predicate that throws fails its own wait, not the request being answered. */
  private tryResolve(waiter: Waiter): void {
    let found: RecordedCall[];
    try {
      found = this.matching(waiter.pred);
    } catch (err) {
      clearTimeout(waiter.timer);
      this.remove(waiter);
      waiter.reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    if (found.length < waiter.count) return;
    clearTimeout(waiter.timer);
    this.remove(waiter);
    waiter.resolve(found.slice(0, waiter.count));
  }

  private remove(waiter: Waiter): void {
    this.waiters = this.waiters.filter((w) => w !== waiter);
  }
}
