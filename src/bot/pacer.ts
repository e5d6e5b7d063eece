// Paces outgoing messages under Telegram's flood limits, counted as strict rolling windows: about 30 a second
// overall, 3 a second and 10 in ten seconds into a private chat, 20 a minute into a group. A send is counted from
// when its answer came back, the one moment Telegram surely had it: however late a busy process sends, and however
// unevenly requests travel, the next window's sends then cannot arrive bunched up with this window's. Seeded at
// start with what went out before a restart, and told about every 429 that gets through anyway. It keeps
// Telegram's time, the real clock.
import { realScheduler, type Scheduler } from "../domain/clock.js";

export interface RateWindow {
  limit: number;
  ms: number;
}

export interface PacerLimits {
  global: RateWindow[];
  private: RateWindow[];
  group: RateWindow[];
  /** What one share of a group (one ticket's lane) may take of it, so one busy ticket leaves room for the others. */
  groupShare: RateWindow[];
  /** Added to every window's length: clock granularity on both sides. */
  marginMs: number;
}

export const TELEGRAM_LIMITS: PacerLimits = {
  global: [{ limit: 30, ms: 1_000 }],
  private: [
    { limit: 3, ms: 1_000 },
    { limit: 10, ms: 10_000 },
  ],
  group: [{ limit: 20, ms: 60_000 }],
  groupShare: [{ limit: 10, ms: 60_000 }],
  marginMs: 25,
};


/**
 * Three chats refused within a second means the flood is the bot's as a whole, not each chat's own: two could
 * still be a busy group and a chatty employee at once.
 */
const GLOBAL_FLOOD_CHATS = 3;
const GLOBAL_FLOOD_EVIDENCE_MS = 1_000;
/** Beyond this many idle chats, those with nothing left in their windows are forgotten. */
const CHATS_KEPT = 5_000;

/** One counted send; counted from its grant until its answer comes back, then from then on. */
interface Sent {
  at: number;
}

/** A granted send: say when Telegram's answer (or the failure) came back. */
export interface Granted {
  answered(): void;
}

/** The send times of one chat (or of all chats together) under its windows. */
class SendTimes {
  /** Ascending by `at`; may hold a little of the future after a flood wait (see `fillUntil`). */
  private times: Sent[] = [];
  pausedUntil = 0;
  private readonly longest: RateWindow;

  constructor(
    private readonly windows: RateWindow[],
    private readonly marginMs: number,
  ) {
    this.longest = windows.reduce((a, b) => (b.ms > a.ms ? b : a));
  }

  /**
   * The earliest time from `now` at which `count` more sends fit every window. A request bigger than a window's
   * limit (an album of 10 into a private chat) fits when that window is empty, as Telegram accepts albums.
   */
  readyAt(now: number, count: number): number {
    this.prune(now);
    let t = Math.max(now, this.pausedUntil);
    for (let changed = true; changed; ) {
      changed = false;
      for (const window of this.windows) {
        const span = window.ms + this.marginMs;
        const inWindow = this.times.filter((s) => s.at > t - span);
        const mustExpire = Math.min(inWindow.length, inWindow.length + count - window.limit);
        if (mustExpire <= 0) continue;
        const free = inWindow[mustExpire - 1]!.at + span;
        if (free > t) {
          t = free;
          changed = true;
        }
      }
    }
    return t;
  }

  /** Whether `count` sends fit in every window at all. */
  holds(count: number): boolean {
    return this.windows.every((w) => count <= w.limit);
  }

  record(sent: Sent, count: number): void {
    for (let i = 0; i < count; i++) this.times.push(sent);
    this.resort();
  }

  /** After a counted send's time moved. */
  resort(): void {
    for (let i = 1; i < this.times.length; i++) {
      if (this.times[i - 1]!.at > this.times[i]!.at) {
        this.times.sort((a, b) => a.at - b.at);
        return;
      }
    }
  }

  /**
   * After a 429: nothing goes before `until`, and the longest window counts as full then, its sends spread evenly,
   * so sending resumes at the sustained rate instead of as a new burst.
   */
  fillUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
    const span = this.longest.ms + this.marginMs;
    this.times = this.times.filter((s) => s.at <= until - span);
    for (let k = this.longest.limit - 1; k >= 0; k--) this.times.push({ at: until - (k * span) / this.longest.limit });
  }

  isIdle(now: number): boolean {
    this.prune(now);
    return this.times.length === 0 && this.pausedUntil <= now;
  }

  private prune(now: number): void {
    const horizon = now - this.longest.ms - this.marginMs;
    let drop = 0;
    while (drop < this.times.length && this.times[drop]!.at <= horizon) drop++;
    if (drop > 0) this.times.splice(0, drop);
  }
}

interface Waiter {
  chatId: number;
  count: number;
  /** Someone is waiting for this answer now (an acknowledgement, a menu); a queued send can wait a little longer. */
  interactive: boolean;
  share: SendTimes | undefined;
  grant: (granted: Granted) => void;
}

export interface PastSend {
  chatId: number;
  at: number;
  count: number;
}

export class Pacer {
  private readonly global: SendTimes;
  private readonly chats = new Map<number, SendTimes>();
  private readonly shares = new Map<string, SendTimes>();
  /**
   * Interactive sends first, then queued ones; first come, first served within each: with one waiter per ticket
   * lane, that serves tickets round-robin.
   */
  private waiters: Waiter[] = [];
  private cancelTimer: (() => void) | undefined;
  private recentFloods: { chatId: number; at: number }[] = [];
  /** Chats whose updates are being handled: each is about to be answered (see `expectAnswers`). */
  private answersDue = 0;

  constructor(
    private readonly limits: PacerLimits = TELEGRAM_LIMITS,
    private readonly scheduler: Scheduler = realScheduler,
  ) {
    this.global = new SendTimes(limits.global, limits.marginMs);
  }

  /**
   * Waits until `count` messages may go to `chatId`; they are counted from that moment until the caller says the
   * answer came back, and from then on. `share` names the part of a group they belong to (a ticket), which may use
   * only its share of the group's window. A queued send (the outbox) lets interactive ones go first.
   */
  acquire(chatId: number, count = 1, { share, queued = false }: { share?: string; queued?: boolean } = {}): Promise<Granted> {
    return new Promise((grant) => {
      const waiter = { chatId, count: Math.max(1, count), interactive: !queued, share: share === undefined || chatId > 0 ? undefined : this.share(chatId, share), grant };
      // Behind the other interactive sends, ahead of every queued one.
      const at = waiter.interactive ? this.waiters.findIndex((w) => !w.interactive) : -1;
      if (at === -1) this.waiters.push(waiter);
      else this.waiters.splice(at, 0, waiter);
      this.pump();
    });
  }

  /**
   * `chats` chats have updates being handled, each about to be answered: a queued send leaves that many of the
   * global slots free for their answers. Without it, a burst of questions would see their posts to the staff group
   * (queued the moment each question is stored) take the second's slots its own acknowledgements were about to need.
   */
  expectAnswers(chats: number): void {
    const fewer = chats < this.answersDue;
    this.answersDue = chats;
    if (fewer && this.waiters.some((w) => !w.interactive)) this.pump();
  }

  /** What went out before this process started (from the message log): Telegram still counts it. */
  seed(sends: PastSend[]): void {
    for (const send of [...sends].sort((a, b) => a.at - b.at)) {
      const sent = { at: send.at };
      this.chat(send.chatId).record(sent, send.count);
      this.global.record(sent, send.count);
    }
  }

  /**
   * Telegram refused a send to `chatId` with retry_after: that chat pauses and resumes at its sustained rate. The
   * bot as a whole pauses too when the refusal cannot be the chat's own limit: a private chat, which this pacer
   * keeps far below its limit, or a third chat refused within a second. Every send during a global flood wait
   * would be refused again, and Telegram may lengthen the wait each time.
   */
  floodWait(chatId: number, retryAfterMs: number): void {
    const now = this.scheduler.now();
    const until = now + retryAfterMs;
    this.chat(chatId).fillUntil(until);
    this.recentFloods = this.recentFloods.filter((f) => f.at > now - GLOBAL_FLOOD_EVIDENCE_MS && f.chatId !== chatId);
    if (chatId > 0 || this.recentFloods.length + 1 >= GLOBAL_FLOOD_CHATS) this.global.fillUntil(until);
    this.recentFloods.push({ chatId, at: now });
    this.pump();
  }

  /** How many sends are waiting for their turn. */
  get waiting(): number {
    return this.waiters.length;
  }

  private pump(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    const now = this.scheduler.now();
    let next = Infinity;
    // Once a waiter waits only for the global budget, nobody behind it may take that budget first.
    let globalTaken = false;
    const still: Waiter[] = [];
    let globalFreeAt = now;
    for (const [i, waiter] of this.waiters.entries()) {
      // Once the global budget has no room for one more, nobody behind gets any before it frees: stop looking.
      if (globalFreeAt > now) {
        still.push(...this.waiters.slice(i));
        next = Math.min(next, globalFreeAt);
        break;
      }
      const chat = this.chat(waiter.chatId);
      const chatReady = Math.max(chat.readyAt(now, waiter.count), waiter.share?.readyAt(now, waiter.count) ?? now);
      const globalReady = this.globalReadyAt(now, waiter);
      if (globalReady > now && waiter.count === 1) globalFreeAt = globalReady;
      if (chatReady <= now && globalReady <= now && !globalTaken) {
        const sent: Sent = { at: now };
        const counted = [chat, waiter.share, this.global].filter((t): t is SendTimes => t !== undefined);
        for (const times of counted) times.record(sent, waiter.count);
        waiter.grant({
          answered: () => {
            sent.at = Math.max(sent.at, this.scheduler.now());
            for (const times of counted) times.resort();
            this.pump();
          },
        });
        continue;
      }
      if (chatReady <= now) globalTaken = true;
      next = Math.min(next, Math.max(chatReady, globalReady));
      still.push(waiter);
    }
    this.waiters = still;
    if (this.chats.size + this.shares.size > CHATS_KEPT) this.forgetIdleChats(now);
    if (next !== Infinity) this.cancelTimer = this.scheduler.setTimer(() => this.pump(), Math.max(1, next - now));
  }

  /**
   * When the global windows have room for the waiter; a queued one needs room for the answers due as well, and
   * while those alone fill a window it waits for fewer (`expectAnswers` wakes it), not for a time.
   */
  private globalReadyAt(now: number, waiter: Waiter): number {
    if (waiter.interactive) return this.global.readyAt(now, waiter.count);
    const needed = waiter.count + this.answersDue;
    return this.answersDue > 0 && !this.global.holds(needed) ? Infinity : this.global.readyAt(now, needed);
  }

  private chat(chatId: number): SendTimes {
    let times = this.chats.get(chatId);
    if (!times) {
      times = new SendTimes(chatId < 0 ? this.limits.group : this.limits.private, this.limits.marginMs);
      this.chats.set(chatId, times);
    }
    return times;
  }

  private share(chatId: number, share: string): SendTimes {
    const key = `${chatId}:${share}`;
    let times = this.shares.get(key);
    if (!times) {
      times = new SendTimes(this.limits.groupShare, this.limits.marginMs);
      this.shares.set(key, times);
    }
    return times;
  }

  private forgetIdleChats(now: number): void {
    const waitingFor = new Set(this.waiters.map((w) => w.chatId));
    const sharesInUse = new Set(this.waiters.map((w) => w.share));
    for (const [chatId, times] of this.chats) if (!waitingFor.has(chatId) && times.isIdle(now)) this.chats.delete(chatId);
    for (const [key, times] of this.shares) if (!sharesInUse.has(times) && times.isIdle(now)) this.shares.delete(key);
  }
}

/**
 * A share of the global budget for bulk sending (announcements): bulk messages pass here first, evenly spaced, so
 * they never take more than this rate of the global slots and interactive answers keep getting through.
 */
export class BulkGate {
  private nextFree = 0;
  private readonly intervalMs: number;

  constructor(
    perSec: number,
    private readonly scheduler: Scheduler = realScheduler,
  ) {
    this.intervalMs = 1000 / perSec;
  }

  acquire(): Promise<void> {
    const now = this.scheduler.now();
    const slot = Math.max(now, this.nextFree);
    this.nextFree = slot + this.intervalMs;
    if (slot <= now) return Promise.resolve();
    return new Promise((resolve) => this.scheduler.setTimer(resolve, slot - now));
  }
}
