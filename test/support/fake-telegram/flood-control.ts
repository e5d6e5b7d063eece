// Telegram-like flood control: a global token bucket, one per private chat, and a sliding minute per group.
import type { FloodLimits } from "./types.js";

const DEFAULT_LIMITS: Required<FloodLimits> = { globalPerSec: 30, privatePerSec: 1, privateBurst: 3, groupPerMinute: 20 };
const GROUP_WINDOW_MS = 60_000;

class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly perSec: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** Milliseconds until a token is free; 0 when one is free now. */
  waitMs(now: number): number {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSec);
    this.last = now;
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.perSec) * 1000;
  }

  take(): void {
    this.tokens -= 1;
  }
}

class SlidingWindow {
  private readonly times: number[] = [];
  constructor(private readonly limit: number) {}

  waitMs(now: number): number {
    while (this.times.length > 0 && (this.times[0] ?? 0) <= now - GROUP_WINDOW_MS) this.times.shift();
    return this.times.length < this.limit ? 0 : (this.times[0] ?? now) + GROUP_WINDOW_MS - now;
  }

  take(now: number): void {
    this.times.push(now);
  }
}

export class FloodControl {
  private readonly limits: Required<FloodLimits>;
  private readonly global: TokenBucket;
  private readonly privateChats = new Map<number, TokenBucket>();
  private readonly groups = new Map<number, SlidingWindow>();

  constructor(limits: FloodLimits, now: number) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.global = new TokenBucket(this.limits.globalPerSec, this.limits.globalPerSec, now);
  }

  /**
   * Admits one message-producing call to `chatId` or says how many seconds to wait. Nothing is consumed
   * on refusal, as a refused request did not reach the chat.
   */
  admit(chatId: number | undefined, now: number): { ok: true } | { ok: false; retryAfterSec: number } {
    const chatLimit = chatId === undefined ? undefined : chatId > 0 ? this.privateBucket(chatId, now) : this.groupWindow(chatId);
    const wait = Math.max(this.global.waitMs(now), chatLimit?.waitMs(now) ?? 0);
    if (wait > 0) return { ok: false, retryAfterSec: Math.max(1, Math.ceil(wait / 1000)) };
    this.global.take();
    chatLimit?.take(now);
    return { ok: true };
  }

  private privateBucket(chatId: number, now: number): TokenBucket {
    let bucket = this.privateChats.get(chatId);
    if (!bucket) {
      bucket = new TokenBucket(this.limits.privatePerSec, this.limits.privateBurst, now);
      this.privateChats.set(chatId, bucket);
    }
    return bucket;
  }

  private groupWindow(chatId: number): SlidingWindow {
    let window = this.groups.get(chatId);
    if (!window) {
      window = new SlidingWindow(this.limits.groupPerMinute);
      this.groups.set(chatId, window);
    }
    return window;
  }
}

/** send*, copy*, forward* and edit* produce or change messages; sendChatAction only shows "typing…". */
export function isFloodLimited(method: string): boolean {
  return /^(send|copy|forward|edit)/.test(method) && method !== "sendChatAction";
}
