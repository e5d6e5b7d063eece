// Delivers the durable relay queue: in order per target chat, chats side by side, paced by the gateway.
// A 429 waits out retry_after, network errors and 5xx back off, a refusal for good (403, 400) is recorded and
// never holds up the chat's later items.
import { NetworkError, TelegramApiError, TimeoutError } from "node-telegram-bot-api";
import { countPendingFor, findById, pendingItems, progressOf, reschedule, saveProgress, type AntrianRow, type Progress } from "../db/antrian-kirim-repo.js";
import type { Db } from "../db/database.js";
import { planSteps, type Payload, type Step } from "../domain/relay/relay-plan.js";
import type { Logger } from "../logger.js";
import { isDeferredReply } from "./deferred-reply.js";
import type { BulkGate } from "./pacer.js";
import type { Gateway } from "./telegram-gateway.js";
import { describeError } from "./describe-error.js";

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
  delivered(item: AntrianRow, progress: Progress): Promise<void>;
  rejected(item: AntrianRow, reason: string, blocked: boolean): Promise<void>;
}

export interface OutboxDeps {
  db: Db;
  gateway: Gateway;
  outcomes: () => DeliveryOutcomes;
  /** Announcements pass here first, so they use only part of the global sending budget. */
  bulkGate: BulkGate;
  log: Logger;
  pollMs?: number;
}

const BATCH = 500;
const MAX_BACKOFF_MS = 5 * 60_000;
/** After a lane stopped on an item that must wait, look again soon rather than spinning. */
const MIN_RETRY_SCAN_MS = 50;

export function startOutboxWorker(deps: OutboxDeps): OutboxWorker {
  const { db, log } = deps;
  const busyChats = new Map<number, Promise<void>>();
  const backlog = new Set<number>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let scanning: Promise<void> = Promise.resolve();
  let rescan = false;

  /** Starts a lane for every chat whose first pending item is due; returns when the next waiting item falls due. */
  async function scan(): Promise<number> {
    let items: AntrianRow[];
    try {
      items = await pendingItems(db, BATCH);
    } catch (err) {
      log.warn("antrian kirim tidak terbaca; dicoba lagi", { error: describeError(err) });
      return Infinity;
    }
    const byChat = new Map<number, AntrianRow[]>();
    for (const item of items) byChat.set(item.id_chat_tujuan, [...(byChat.get(item.id_chat_tujuan) ?? []), item]);
    // The backlog lives in memory: after a restart, answers deferred before it must still go ahead of later ones.
    for (const item of items) if (isDeferredReply(item)) backlog.add(item.id_chat_tujuan);
    let nextDue = Infinity;
    for (const [chatId, chatItems] of byChat) {
      if (busyChats.has(chatId) || stopped) continue;
      if (chatItems[0]!.berikutnya > Date.now()) {
        nextDue = Math.min(nextDue, chatItems[0]!.berikutnya);
        continue;
      }
      const lane = runLane(chatItems).then(async (delivered) => {
        if (backlog.has(chatId) && (await countPendingFor(db, chatId).catch(() => 1)) === 0) backlog.delete(chatId);
        busyChats.delete(chatId);
        if (delivered > 0) wake();
        else schedule(MIN_RETRY_SCAN_MS);
      });
      busyChats.set(chatId, lane.then(() => undefined));
    }
    return nextDue;
  }

  /** Sends a chat's items in order; stops at the first item that is not due or must wait. Returns how many went out. */
  async function runLane(items: AntrianRow[]): Promise<number> {
    let delivered = 0;
    for (const listed of items) {
      // The listed copy may be stale: an album may have grown (and its due time moved) since the scan read it.
      const item = await findById(db, listed.id).catch(() => undefined);
      if (stopped || !item || item.status !== "menunggu" || item.berikutnya > Date.now()) return delivered;
      if (!(await deliver(item))) return delivered;
      delivered++;
    }
    return delivered;
  }

  /** Returns true when the lane may go on to the chat's next item. */
  async function deliver(item: AntrianRow): Promise<boolean> {
    const payload = JSON.parse(item.muatan) as Payload;
    const steps = planSteps(payload);
    const progress = progressOf(item);
    if (item.id_pengumuman !== null) {
      await deps.bulkGate.acquire();
      // Shutting down: what is still waiting for its turn stays queued for the next start.
      if (stopped) return false;
    }
    while (progress.steps < steps.length) {
      let ids: number[];
      try {
        ids = await send(item.id_chat_tujuan, payload, steps[progress.steps]!);
      } catch (err) {
        return handleFailure(item, err);
      }
      progress.steps++;
      progress.ids.push(...ids);
      if (progress.steps < steps.length) await persist(item, "kemajuan", () => saveProgress(db, item.id, progress));
    }
    await persist(item, "pengiriman", () => deps.outcomes().delivered(item, progress));
    return true;
  }

  /**
   * Telegram has the message; now the database must know, or it would be sent again. While the database is
   * away the lane keeps this chat's queue waiting and retries the write, rather than resending.
   */
  async function persist(item: AntrianRow, what: string, write: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await write();
        return;
      } catch (err) {
        if (stopped) {
          // Shutting down with the write still failing: the item stays queued and its unrecorded part is sent
          // again after the restart; a duplicate is the price of losing nothing.
          log.error(`${what} antrian tidak tercatat saat berhenti; pesan bisa terkirim ulang`, { item: item.id, error: describeError(err) });
          return;
        }
        const wait = Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));
        log.warn(`${what} antrian gagal dicatat; mencoba lagi`, { item: item.id, attempt, waitMs: wait, error: describeError(err) });
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  async function handleFailure(item: AntrianRow, err: unknown): Promise<boolean> {
    if (err instanceof TelegramApiError && err.errorCode !== 429 && err.errorCode < 500) {
      const blocked = err.errorCode === 403;
      log.warn("pesan antrian ditolak Telegram", { item: item.id, chat: item.id_chat_tujuan, error: describeError(err) });
      await deps.outcomes().rejected(item, describeError(err), blocked).catch((e: unknown) => log.error("gagal mencatat penolakan", { item: item.id, error: describeError(e) }));
      return true;
    }
    const attempt = item.percobaan + 1;
    const wait =
      err instanceof TelegramApiError && err.retryAfter !== undefined
        ? err.retryAfter * 1000
        : Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempt - 1, 12));
    const transient = err instanceof TelegramApiError || err instanceof NetworkError || err instanceof TimeoutError;
    log.warn(transient ? "pengiriman antrian tertunda; dicoba lagi" : "pengiriman antrian gagal; dicoba lagi", {
      item: item.id,
      chat: item.id_chat_tujuan,
      attempt,
      waitMs: wait,
      error: describeError(err),
    });
    await reschedule(db, item.id, attempt, Date.now() + wait, describeError(err)).catch((e: unknown) =>
      log.warn("jadwal ulang antrian tidak tersimpan", { item: item.id, error: describeError(e) }),
    );
    return false;
  }

  async function send(chatId: number, payload: Payload, step: Step): Promise<number[]> {
    const reply = (id: number | undefined) => (id === undefined ? {} : { reply_parameters: { message_id: id, allow_sending_without_reply: true } });
    switch (step.method) {
      case "sendMessage": {
        const m = await deps.gateway.sendMessage({
          chat_id: chatId,
          text: step.text,
          ...(step.html ? { parse_mode: "HTML" } : {}),
          link_preview_options: { is_disabled: true },
          ...reply(step.replyTo),
          ...(step.buttons ? { reply_markup: step.buttons } : {}),
        });
        return [m.message_id];
      }
      case "copyMessage": {
        const from = payload.type === "notice" ? chatId : payload.fromChatId;
        const m = await deps.gateway.copyMessage({
          chat_id: chatId,
          from_chat_id: from,
          message_id: step.messageId,
          ...(step.caption !== undefined ? { caption: step.caption, parse_mode: "HTML" } : {}),
          ...reply(step.replyTo),
        });
        return [m.message_id];
      }
      case "copyMessages": {
        const from = payload.type === "notice" ? chatId : payload.fromChatId;
        const ids = await deps.gateway.copyMessages({ chat_id: chatId, from_chat_id: from, message_ids: step.messageIds });
        return ids.map((m) => m.message_id);
      }
    }
  }

  function schedule(ms: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(wake, Math.max(0, ms));
  }

  function wake(): void {
    if (stopped) return;
    // One scan at a time; a wake during a scan asks for one more right after it.
    rescan = true;
    scanning = scanning.then(async () => {
      if (!rescan || stopped) return;
      rescan = false;
      const nextDue = await scan();
      schedule(Math.min(deps.pollMs ?? 1000, nextDue - Date.now()));
    });
  }

  wake();

  return {
    wake,
    backlog,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await scanning;
      await Promise.all(busyChats.values());
    },
    async idle() {
      for (;;) {
        await scanning;
        await Promise.all(busyChats.values());
        const pending = await pendingItems(db, BATCH);
        if (pending.every((p) => p.berikutnya > Date.now()) && busyChats.size === 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
