// Paces outgoing requests under Telegram's flood limits, so the bot waits instead of collecting 429s:
// about 30 messages a second overall, about one a second per private chat, 20 a minute per group.
export interface PacerLimits {
  globalPerSec: number;
  globalBurst: number;
  privatePerSec: number;
  privateBurst: number;
  groupPerWindow: number;
  groupWindowMs: number;
}

/** A little under Telegram's published limits: a request acquired at t may arrive a few ms later than another. */
export const TELEGRAM_LIMITS: PacerLimits = {
  globalPerSec: 29,
  globalBurst: 25,
  privatePerSec: 1,
  privateBurst: 3,
  groupPerWindow: 20,
  groupWindowMs: 61_000,
};

/** A reservation-based token bucket: each caller is given its own slot in time, so waiters never stampede. */
class Bucket {
  private nextFree = 0;
  constructor(
    private readonly intervalMs: number,
    private readonly burst: number,
  ) {}

  /** Reserves the next slot; returns when it starts (ms since epoch). */
  reserve(now: number): number {
    const earliest = now - (this.burst - 1) * this.intervalMs;
    const slot = Math.max(this.nextFree, earliest);
    this.nextFree = slot + this.intervalMs;
    return Math.max(slot, now);
  }
}

/** At most `limit` sends in any window; remembers the reserved send times. */
class SlidingWindow {
  private readonly times: number[] = [];
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  reserve(now: number): number {
    while (this.times.length > 0 && this.times[0]! <= now - this.windowMs) this.times.shift();
    const slot = this.times.length < this.limit ? Math.max(now, this.times.at(-1) ?? now) : this.times[this.times.length - this.limit]! + this.windowMs;
    this.times.push(slot);
    return slot;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitForSlot(limit: Bucket | SlidingWindow): Promise<void> {
  const slot = limit.reserve(Date.now());
  if (slot > Date.now()) await sleep(slot - Date.now());
}

/**
 * A share of the global budget for bulk sending (announcements): bulk messages wait here first, so they
 * never reserve more than this rate of the global slots and interactive answers keep getting through.
 */
export class BulkGate {
  private readonly bucket: Bucket;
  constructor(perSec: number) {
    this.bucket = new Bucket(1000 / perSec, 1);
  }

  acquire(): Promise<void> {
    return waitForSlot(this.bucket);
  }
}

export class Pacer {
  private readonly global: Bucket;
  private readonly chats = new Map<number, Bucket | SlidingWindow>();

  constructor(private readonly limits: PacerLimits = TELEGRAM_LIMITS) {
    this.global = new Bucket(1000 / limits.globalPerSec, limits.globalBurst);
  }

  /** Waits until a message to `chatId` may be sent. The chat's own limit is taken first, then the global one. */
  async acquire(chatId: number): Promise<void> {
    await waitForSlot(this.chatLimit(chatId));
    await waitForSlot(this.global);
  }

  private chatLimit(chatId: number): Bucket | SlidingWindow {
    let limit = this.chats.get(chatId);
    if (!limit) {
      limit =
        chatId < 0
          ? new SlidingWindow(this.limits.groupPerWindow, this.limits.groupWindowMs)
          : new Bucket(1000 / this.limits.privatePerSec, this.limits.privateBurst);
      this.chats.set(chatId, limit);
      if (this.chats.size > 20_000) this.chats.delete(this.chats.keys().next().value!);
    }
    return limit;
  }
}
