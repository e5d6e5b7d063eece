// Flood control stricter than Telegram promises: strict rolling windows overall, per private chat and per group,
// counted when a request executes; asking again during a flood wait is refused again, with a longer wait.
import type { FloodLimits, FloodRecord, RollingLimit } from "./types.js";

/** The limits the fake enforces unless told otherwise; the bench reads its bounds from here too. */
export const TELEGRAM_FLOOD_LIMITS: Readonly<Required<FloodLimits>> = {
  global: [{ count: 30, windowMs: 1000 }],
  privateChat: [
    { count: 3, windowMs: 1000 },
    { count: 10, windowMs: 10_000 },
  ],
  group: [{ count: 20, windowMs: 60_000 }],
  maxFloodWaitSec: 300,
};

/** The send times under one limit, oldest first; a message sent at t counts while now − t < windowMs. */
class RollingWindow {
  private times: number[] = [];
  constructor(private readonly limit: RollingLimit) {}

  /**
   * Milliseconds until `weight` more messages fit; 0 when they fit now. A batch bigger than the limit fits only into
   * an empty window: otherwise it could never be sent at all.
   */
  waitMs(weight: number, now: number): number {
    const times = this.counted(now);
    const mayStay = Math.max(0, this.limit.count - weight);
    if (times.length <= mayStay) return 0;
    const lastToAge = times[times.length - mayStay - 1] ?? now;
    return lastToAge + this.limit.windowMs - now;
  }

  /** The send times still inside the window at `now`, oldest first. */
  counted(now: number): readonly number[] {
    this.times = this.times.filter((t) => t > now - this.limit.windowMs);
    return this.times;
  }

  get windowMs(): number {
    return this.limit.windowMs;
  }

  add(times: readonly number[]): void {
    // Prefilled times may be older than ones already counted.
    this.times = [...this.times, ...times].sort((a, b) => a - b);
  }
}

interface Scope {
  name: "global" | "chat";
  windows: RollingWindow[];
  /** The flood wait of this scope's last 429: until (preciseNow() ms) and the retry_after it was given. */
  floodWait?: { until: number; retryAfter: number };
}

export interface FloodRefusal {
  ok: false;
  retryAfter: number;
  reason: Exclude<FloodRecord["reason"], "injected">;
  scope: Scope["name"];
}

export type FloodVerdict = { ok: true } | FloodRefusal;

export class FloodControl {
  private readonly limits: Required<FloodLimits>;
  private readonly global: Scope;
  private readonly chats = new Map<number, Scope>();

  constructor(limits: FloodLimits) {
    this.limits = { ...TELEGRAM_FLOOD_LIMITS, ...limits };
    this.global = { name: "global", windows: this.limits.global.map((l) => new RollingWindow(l)) };
  }

  /**
   * Whether `weight` messages into `chatId` (undefined: a chat named by username, counted only overall) may go now.
   * A refusal counts nothing, and starts the refusing scope's flood wait; a request made during that wait is refused
   * again and the wait doubles, up to maxFloodWaitSec, as Telegram punishes a bot that keeps flooding.
   */
  judge(chatId: number | undefined, weight: number, now: number): FloodVerdict {
    const scopes = chatId === undefined ? [this.global] : [this.global, this.chatScope(chatId)];
    for (const scope of scopes) {
      const wait = scope.floodWait;
      if (wait && now < wait.until) return this.refuse(scope, Math.min(this.limits.maxFloodWaitSec, wait.retryAfter * 2), "flood-wait", now);
    }
    for (const scope of scopes) {
      const waitMs = Math.max(0, ...scope.windows.map((w) => w.waitMs(weight, now)));
      if (waitMs > 0) return this.refuse(scope, Math.max(1, Math.ceil(waitMs / 1000)), "window", now);
    }
    return { ok: true };
  }

  /** Counts `count` messages that went into `chatId` at `at`. */
  record(chatId: number | undefined, count: number, at: number): void {
    const times = Array.from({ length: count }, () => at);
    this.global.windows.forEach((w) => w.add(times));
    if (chatId !== undefined) this.chatScope(chatId).windows.forEach((w) => w.add(times));
  }

  /**
   * Counts `count` messages as if sent before `now`, evenly spread over the last `spreadMs` (the last one at `now`):
   * into one chat's windows, or with chatId undefined into the overall window only.
   */
  prefill(chatId: number | undefined, count: number, spreadMs: number, now: number): void {
    const times = Array.from({ length: count }, (_, i) => now - spreadMs + ((i + 1) * spreadMs) / count);
    const scope = chatId === undefined ? this.global : this.chatScope(chatId);
    scope.windows.forEach((w) => w.add(times));
  }

  /** The send times into `chatId` (undefined: overall) that its longest window still counts at `now`, oldest first. */
  counted(chatId: number | undefined, now: number): number[] {
    const scope = chatId === undefined ? this.global : this.chatScope(chatId);
    const longest = scope.windows.reduce<RollingWindow | undefined>((a, w) => (a && a.windowMs >= w.windowMs ? a : w), undefined);
    return [...(longest?.counted(now) ?? [])];
  }

  private refuse(scope: Scope, retryAfter: number, reason: FloodRefusal["reason"], now: number): FloodRefusal {
    scope.floodWait = { until: now + retryAfter * 1000, retryAfter };
    return { ok: false, retryAfter, reason, scope: scope.name };
  }

  private chatScope(chatId: number): Scope {
    let scope = this.chats.get(chatId);
    if (!scope) {
      scope = { name: "chat", windows: (chatId < 0 ? this.limits.group : this.limits.privateChat).map((l) => new RollingWindow(l)) };
      this.chats.set(chatId, scope);
    }
    return scope;
  }
}

/** The topic methods that post a service message into the group, and so count like a send. */
const TOPIC_POSTS = new Set(["createForumTopic", "closeForumTopic", "reopenForumTopic"]);

/** send*, copy*, forward* and edit* (editForumTopic too) produce or change messages; sendChatAction only shows "typing…". */
export function isFloodLimited(method: string): boolean {
  return (/^(send|copy|forward|edit)/.test(method) && method !== "sendChatAction") || TOPIC_POSTS.has(method);
}

/** How many messages a call asks for: one per copied or forwarded id, one per album item, otherwise one. */
export function messagesAsked(method: string, params: Record<string, unknown>): number {
  const items = method === "sendMediaGroup" ? params.media : /^(copy|forward)Messages$/.test(method) ? params.message_ids : undefined;
  return Array.isArray(items) ? Math.max(1, items.length) : 1;
}
