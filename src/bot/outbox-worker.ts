// Delivers the durable queue through the paced gateway. Order matters within a lane and not across lanes: a lane is
// one private chat, or one ticket in the staff group, so one message that cannot be delivered holds up only its own
// ticket. A flood wait or an outage waits and tries again; a refusal for good is recorded at once; a delivery that
// keeps failing while other sends get through is set aside after a few tries, and its lane moves on.
import type { Db } from "../db/database.js";
import type { Scheduler } from "../domain/clock.js";
import { countPendingTo, itemById, pendingItems, retryLater, saveProgress, type OutboxItem, type Payload, type PendingItem, type Progress } from "../domain/outbox.js";
import { mergeTexts, planSteps, type Step } from "../domain/relay/relay-plan.js";
import type { Logger } from "../logger.js";
import { backoffMs, retrying, sleep } from "../retry.js";
import { describeError } from "./describe-error.js";
import type { BulkGate } from "./pacer.js";
import { classifyFailure } from "./telegram-failure.js";
import type { Gateway, SendOptions } from "./telegram-gateway.js";

export interface OutboxWorker {
  wake(): void;
  /**
   * Chats with answers waiting in the queue (deferred during an outage): their later answers queue up behind
   * them, so a chat never sees answers out of order. A chat leaves the set once its queue is empty.
   */
  readonly backlog: Set<number>;
  stop(): Promise<void>;
  /** Resolves when nothing is pending or due (for tests and shutdown). */
  idle(): Promise<void>;
}

/** What a delivery means to the services that queued it (the relay, announcements). */
export interface DeliveryOutcomes {
  delivered(item: OutboxItem, progress: Progress): Promise<void>;
  /** It will not be delivered: refused for good (`blocked` when the recipient blocked the bot), or set aside. */
  failed(item: OutboxItem, reason: string, blocked: boolean): Promise<void>;
}

export interface OutboxDeps {
  db: Db;
  gateway: Gateway;
  outcomes: () => DeliveryOutcomes;
  /** Announcements pass here first, so they use only part of the global sending budget. */
  bulkGate: BulkGate;
  log: Logger;
  /** The app's clock (due times are written with it) and timers on it. */
  scheduler: Scheduler;
  pollMs?: number;
  /** Forum mode: which topic of the staff group an item goes to, and how a lost topic is made good. */
  topics?: TopicPlacement;
}

export interface TopicPlacement {
  /** The topic an item goes to; undefined: none (not for the staff group, not about a ticket). */
  threadOf(item: OutboxItem): Promise<number | undefined>;
  /** The item's topic was deleted ("gone") or closed by hand: forget it or reopen it, so the next try has a place. */
  repair(item: OutboxItem, problem: "gone" | "closed"): Promise<void>;
}

const BATCH = 500;
/** A blip passes in well under a second; an outage is waited out ever more patiently, up to five minutes. */
const FIRST_RETRY_MS = 300;
const MAX_BACKOFF_MS = 5 * 60_000;
/** After a lane stopped on an item that must wait, look again soon rather than spinning. */
const MIN_RETRY_SCAN_MS = 50;
/**
 * A delivery that has failed for this long, at least this often, while another send got through after its first
 * failure, is set aside: then it is this message, not Telegram, that fails. A blip of a few seconds is waited out.
 */
const SET_ASIDE_AFTER_MS = 20_000;
const SET_ASIDE_AFTER_TRIES = 5;
/** A topic that is still missing after this many repairs is not the topic's problem: the item fails as any other. */
const TOPIC_REPAIRS = 3;

/** The lane an item waits in: its chat, or for the staff group (any group) its ticket. */
function laneOf(item: PendingItem): string {
  return item.to < 0 && item.ticketId !== null ? `${item.to}:T${item.ticketId}` : `${item.to}`;
}

/** Queued sends let interactive answers go first; a ticket's sends into a group take only its share of the group's window. */
function sendOptionsOf(item: OutboxItem): SendOptions {
  return item.to < 0 && item.ticketId !== null ? { queued: true, share: `T${item.ticketId}` } : { queued: true };
}

export function startOutboxWorker(deps: OutboxDeps): OutboxWorker {
  const { db, log, scheduler } = deps;
  const now = () => scheduler.now();
  const busyLanes = new Map<string, Promise<void>>();
  const backlog = new Set<number>();
  /** When each failing item first failed (in this process: a restart gives every item a fresh chance). */
  const failingSince = new Map<number, number>();
  const stopping = new AbortController();
  let cancelTimer: (() => void) | undefined;
  let scanning: Promise<void> = Promise.resolve();
  let rescan = false;

  /** Starts every lane whose first pending item is due; returns when the next waiting item falls due. */
  async function scan(): Promise<number> {
    let items: PendingItem[];
    try {
      items = await pendingItems(db, BATCH);
    } catch (err) {
      log.warn("antrian kirim tidak terbaca; dicoba lagi", { error: describeError(err) });
      return Infinity;
    }
    const lanes = new Map<string, PendingItem[]>();
    for (const item of items) lanes.set(laneOf(item), [...(lanes.get(laneOf(item)) ?? []), item]);
    // The backlog lives in memory: after a restart, answers deferred before it must still go ahead of later ones.
    for (const item of items) if (item.kind === "tunda") backlog.add(item.to);
    let nextDue = Infinity;
    for (const [lane, laneItems] of lanes) {
      if (busyLanes.has(lane) || stopping.signal.aborted) continue;
      if (laneItems[0]!.due > now()) {
        nextDue = Math.min(nextDue, laneItems[0]!.due);
        continue;
      }
      const chatId = laneItems[0]!.to;
      const run = runLane(laneItems).then(async (delivered) => {
        if (backlog.has(chatId) && (await countPendingTo(db, chatId).catch(() => 1)) === 0) backlog.delete(chatId);
        busyLanes.delete(lane);
        if (delivered > 0) wake();
        else schedule(MIN_RETRY_SCAN_MS);
      });
      busyLanes.set(lane, run.then(() => undefined));
    }
    return nextDue;
  }

  /** Sends a lane's items in order; stops at the first item that is not due or must wait. Returns how many ended. */
  async function runLane(items: PendingItem[]): Promise<number> {
    let ended = 0;
    while (ended < items.length) {
      const batch = await readyBatch(items.slice(ended));
      if (batch.length === 0 || !(await deliver(batch))) return ended;
      ended += batch.length;
    }
    return ended;
  }

  /**
   * The next item as it stands now (the listing carries no payload, and an album may have grown since the scan),
   * with the text follow-ups of the same question that wait behind it, to go as one group message.
   */
  async function readyBatch(listed: PendingItem[]): Promise<OutboxItem[]> {
    const batch: OutboxItem[] = [];
    for (const candidate of listed) {
      const item = await itemById(db, candidate.id).catch(() => undefined);
      if (stopping.signal.aborted || !item || item.status !== "menunggu" || item.due > now()) break;
      batch.push(item);
      if (item.kind !== "tanya" || item.to > 0 || item.progress.steps > 0) break;
      const merged = mergeTexts(batch.map((b) => b.payload as Payload));
      if (!merged || merged.count < batch.length) {
        if (batch.length > 1) batch.pop();
        break;
      }
    }
    return batch;
  }

  /** Returns true when the lane may go on to its next item. */
  async function deliver(batch: OutboxItem[]): Promise<boolean> {
    const item = batch[0]!;
    const payload = batch.length > 1 ? mergeTexts(batch.map((b) => b.payload as Payload))!.payload : item.payload;
    if (payload.type === "broken") {
      log.error("isi antrian rusak; tidak dikirim", { item: item.id, reason: payload.reason });
      await settle(item, "gagal", () => deps.outcomes().failed(item, payload.reason, false));
      return true;
    }
    const steps = planSteps(payload);
    const progress: Progress = { steps: item.progress.steps, ids: [...item.progress.ids] };
    if (item.announcementId !== null) {
      await deps.bulkGate.acquire();
      // Shutting down: what is still waiting for its turn stays queued for the next start.
      if (stopping.signal.aborted) return false;
    }
    while (progress.steps < steps.length) {
      let ids: number[];
      try {
        ids = await send(item, payload, steps[progress.steps]!);
      } catch (err) {
        return handleFailure(item, err);
      }
      progress.steps++;
      progress.ids.push(...ids);
      if (progress.steps < steps.length) await settle(item, "kemajuan", () => saveProgress(db, item.id, progress));
    }
    failingSince.delete(item.id);
    for (const sent of batch) await settle(sent, "pengiriman", () => deps.outcomes().delivered(sent, progress));
    return true;
  }

  /**
   * Telegram has the message (or has refused it for good); now the database must know, or it would be sent again.
   * While the database is away the lane waits and retries the write, rather than resending.
   */
  async function settle(item: OutboxItem, what: string, write: () => Promise<void>): Promise<void> {
    try {
      await retrying(write, {
        signal: stopping.signal,
        retryable: () => true,
        maxMs: 30_000,
        onRetry: (err, attempt, waitMs) => log.warn(`${what} antrian gagal dicatat; mencoba lagi`, { item: item.id, attempt, waitMs, error: describeError(err) }),
      });
    } catch (err) {
      // Shutting down with the write still failing: the item stays queued and its unrecorded part is sent again
      // after the restart; a duplicate is the price of losing nothing.
      log.error(`${what} antrian tidak tercatat saat berhenti; pesan bisa terkirim ulang`, { item: item.id, error: describeError(err) });
    }
  }

  async function handleFailure(item: OutboxItem, err: unknown): Promise<boolean> {
    const failure = classifyFailure(err);
    const reason = describeError(err);
    const meta = { item: item.id, chat: item.to, ticket: item.ticketId, kind: item.kind, error: reason };
    if (failure.kind === "bad-request" && failure.topic && deps.topics && item.tries < TOPIC_REPAIRS) {
      // Not the message's fault: its topic was deleted or closed by hand. Made good, it goes again at once.
      log.warn("topik forum hilang atau ditutup; diperbaiki lalu dikirim lagi", { ...meta, topic: failure.topic });
      const repaired = await deps.topics.repair(item, failure.topic).then(
        () => true,
        (e: unknown) => (log.warn("topik forum belum dapat diperbaiki", { item: item.id, error: describeError(e) }), false),
      );
      const wait = repaired ? 0 : backoffMs(item.tries + 1, { baseMs: FIRST_RETRY_MS, maxMs: MAX_BACKOFF_MS });
      await retryLater(db, item.id, item.tries + 1, now() + wait, reason).catch((e: unknown) =>
        log.warn("jadwal ulang antrian tidak tersimpan", { item: item.id, error: describeError(e) }),
      );
      return false;
    }
    if (failure.kind === "refused" || failure.kind === "bad-request") {
      failingSince.delete(item.id);
      log.warn("pesan antrian ditolak Telegram", meta);
      await settle(item, "penolakan", () => deps.outcomes().failed(item, reason, failure.kind === "refused" && failure.blocked));
      return true;
    }
    const tries = item.tries + 1;
    const since = failingSince.get(item.id) ?? now();
    failingSince.set(item.id, since);
    const othersGetThrough = deps.gateway.lastSuccessAt() > since;
    if (tries >= SET_ASIDE_AFTER_TRIES && now() - since >= SET_ASIDE_AFTER_MS && othersGetThrough) {
      failingSince.delete(item.id);
      log.error("pesan antrian terus gagal sementara pesan lain terkirim; disisihkan", { ...meta, tries });
      await settle(item, "penyisihan", () => deps.outcomes().failed(item, reason, false));
      return true;
    }
    const wait = failure.kind === "flood" ? failure.retryAfterMs : backoffMs(tries, { baseMs: FIRST_RETRY_MS, maxMs: MAX_BACKOFF_MS });
    log.warn(failure.kind === "internal" ? "pengiriman antrian gagal; dicoba lagi" : "pengiriman antrian tertunda; dicoba lagi", { ...meta, tries, waitMs: wait });
    await retryLater(db, item.id, tries, now() + wait, reason).catch((e: unknown) =>
      log.warn("jadwal ulang antrian tidak tersimpan", { item: item.id, error: describeError(e) }),
    );
    return false;
  }

  async function send(item: OutboxItem, payload: Payload, step: Step): Promise<number[]> {
    const chatId = item.to;
    const options = sendOptionsOf(item);
    const reply = (id: number | undefined) => (id === undefined ? {} : { reply_parameters: { message_id: id, allow_sending_without_reply: true } });
    const from = payload.type === "notice" ? chatId : payload.fromChatId;
    const thread = await deps.topics?.threadOf(item);
    const place = thread === undefined ? {} : { message_thread_id: thread };
    switch (step.method) {
      case "sendMessage": {
        const m = await deps.gateway.sendMessage(
          {
            chat_id: chatId,
            ...place,
            text: step.text,
            ...(step.html ? { parse_mode: "HTML" } : {}),
            link_preview_options: { is_disabled: true },
            ...reply(step.replyTo),
            ...(step.buttons ? { reply_markup: step.buttons } : {}),
          },
          options,
        );
        return [m.message_id];
      }
      case "copyMessage": {
        const m = await deps.gateway.copyMessage(
          {
            chat_id: chatId,
            ...place,
            from_chat_id: from,
            message_id: step.messageId,
            ...(step.caption !== undefined ? { caption: step.caption, parse_mode: "HTML" } : {}),
            ...reply(step.replyTo),
            ...(step.buttons ? { reply_markup: step.buttons } : {}),
          },
          options,
        );
        return [m.message_id];
      }
      case "copyMessages": {
        const ids = await deps.gateway.copyMessages({ chat_id: chatId, ...place, from_chat_id: from, message_ids: step.messageIds }, options);
        return ids.map((m) => m.message_id);
      }
    }
  }

  function schedule(ms: number): void {
    if (stopping.signal.aborted) return;
    cancelTimer?.();
    cancelTimer = scheduler.setTimer(wake, Math.max(0, ms));
  }

  function wake(): void {
    if (stopping.signal.aborted) return;
    // One scan at a time; a wake during a scan asks for one more right after it.
    rescan = true;
    scanning = scanning.then(async () => {
      if (!rescan || stopping.signal.aborted) return;
      rescan = false;
      const nextDue = await scan();
      schedule(Math.min(deps.pollMs ?? 1000, nextDue - now()));
    });
  }

  wake();

  return {
    wake,
    backlog,
    async stop() {
      stopping.abort();
      cancelTimer?.();
      await scanning;
      await Promise.all(busyLanes.values());
    },
    async idle() {
      for (;;) {
        await scanning;
        await Promise.all(busyLanes.values());
        const pending = await pendingItems(db, BATCH);
        if (pending.every((p) => p.due > now()) && busyLanes.size === 0) return;
        await sleep(50);
      }
    },
  };
}
