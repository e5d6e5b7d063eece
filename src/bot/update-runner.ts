// The long-poll pump: takes updates from getUpdates, stores them in the durable inbox before confirming them,
// and hands them to the per-chat sequencer. Updates left unfinished by a crash are handled again at start.
// New updates are handled while their rows are written, so the write is not on every answer's path: an update
// is marked done only once its row is there, and the batch is confirmed (the next offset) only after the write.
import type { Api, Update } from "node-telegram-bot-api";
import type { Db } from "../db/database.js";
import { acceptUpdates, highestStoredUpdate, markUpdatesDone, pruneUpdates, unfinishedUpdates } from "../db/update-masuk-repo.js";
import { WriteBatch } from "../db/write-batch.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../monitoring/metrics.js";
import { ChatSequencer } from "./chat-sequencer.js";
import { backoffMs, sleep } from "../retry.js";
import { describeError } from "./describe-error.js";
import { classifyFailure, floodWaitMs } from "./telegram-failure.js";
import { chatKeyOf, redactedJson } from "./update-info.js";

export interface RunnerOptions {
  api: Api;
  db: Db;
  log: Logger;
  metrics: Pick<Metrics, "polled">;
  handle: (update: Update) => Promise<void>;
  pollTimeoutSec?: number;
  allowedUpdates?: string[];
  maxConcurrent?: number;
  /** How many chats have updates being handled, whenever that changes. */
  onBusyChats?: (chats: number) => void;
}

export interface Runner {
  /** Stops polling, lets in-flight updates finish. */
  stop(): Promise<void>;
  /** Settles when the pump ends (after stop, or on a fatal Telegram error). */
  done: Promise<void>;
  /** Resolves after the first successful getUpdates. */
  firstPoll: Promise<void>;
  /** Date.now() of the last successful getUpdates; before the first, of the runner's start. */
  lastPollAt(): number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const STORED = Promise.resolve(true);
const MAX_BACKOFF_MS = 60_000;

export function startUpdateRunner(opts: RunnerOptions): Runner {
  const { api, db, log } = opts;
  const controller = new AbortController();
  const sequencer = new ChatSequencer(opts.maxConcurrent ?? 256, opts.onBusyChats);
  let markFirstPoll: () => void = () => undefined;
  const firstPoll = new Promise<void>((resolve) => (markFirstPoll = resolve));
  let lastPollAt = Date.now();
  // Many updates finish at a busy moment: their marks go in one statement.
  const doneMarks = new WriteBatch<number>((ids) => markUpdatesDone(db, ids, Date.now()));

  /** `stored` settles true once the update's inbox row exists, false when it could not be written. */
  function dispatch(update: Update, stored: Promise<boolean>): void {
    void sequencer.enqueue(chatKeyOf(update), async () => {
      await opts.handle(update);
      if (!(await stored)) return;
      await doneMarks.add([update.update_id]).catch((err: unknown) =>
        log.warn("gagal menandai update selesai; akan diproses ulang setelah restart", { updateId: update.update_id, error: String(err) }),
      );
    });
  }

  /** Updates above this id cannot be in the inbox yet: Telegram numbers them in increasing order. */
  let highestStored = Infinity;

  async function resumeUnfinished(): Promise<void> {
    highestStored = await highestStoredUpdate(db);
    const rows = await unfinishedUpdates(db);
    if (rows.length > 0) log.info("memproses ulang update yang terputus", { count: rows.length });
    for (const row of rows) dispatch(JSON.parse(row.data) as Update, STORED);
    await pruneUpdates(db, Date.now() - DAY_MS);
  }

  async function pump(): Promise<void> {
    await resumeUnfinished().catch((err: unknown) => log.warn("kotak masuk update tidak terbaca", { error: String(err) }));
    let offset: number | undefined;
    let failures = 0;
    const signal = controller.signal;
    while (!signal.aborted) {
      let updates: Update[];
      try {
        updates = await api.getUpdates({ offset, timeout: opts.pollTimeoutSec ?? 30, allowed_updates: opts.allowedUpdates }, signal);
        if (failures > 0) log.info("Telegram terjangkau lagi", { afterFailures: failures });
        failures = 0;
        lastPollAt = Date.now();
        opts.metrics.polled("ok");
        markFirstPoll();
      } catch (err) {
        if (signal.aborted) break;
        const failure = classifyFailure(err);
        opts.metrics.polled(failure.kind);
        if (failure.kind === "auth") throw new Error("Telegram menolak BOT_TOKEN (401/404): periksa token dari @BotFather");
        failures++;
        const wait = floodWaitMs(err) ?? backoffMs(failures, { maxMs: MAX_BACKOFF_MS });
        log.warn("getUpdates gagal; mencoba lagi", { attempt: failures, waitMs: wait, error: describeError(err) });
        await sleep(wait, signal);
        continue;
      }
      if (updates.length === 0) continue;
      if (updates[0]!.update_id <= highestStored) {
        // Telegram may be redelivering: only what the inbox does not hold as handled is dispatched.
        const fresh = await store(updates, true);
        const stored = Promise.resolve(fresh !== undefined);
        for (const update of updates) if (!fresh || fresh.has(update.update_id)) dispatch(update, stored);
      } else {
        const stored = store(updates, false).then((fresh) => fresh !== undefined);
        for (const update of updates) dispatch(update, stored);
        await stored;
      }
      offset = updates.at(-1)!.update_id + 1;
    }
  }

  /** Writes the batch to the inbox; undefined when the database would not take it. */
  async function store(updates: Update[], mayBeStored: boolean): Promise<Set<number> | undefined> {
    try {
      const fresh = await acceptUpdates(
        db,
        updates.map((u) => ({ update_id: u.update_id, kunci_chat: chatKeyOf(u), data: redactedJson(u) })),
        Date.now(),
        mayBeStored,
      );
      // Unknown (the inbox was unreadable at start) stays unknown: every batch is then checked.
      if (highestStored !== Infinity) highestStored = Math.max(highestStored, updates.at(-1)!.update_id);
      return fresh;
    } catch (err) {
      // Without the database the updates are still answered (handlers say "try again shortly" where they need it).
      log.warn("kotak masuk update tidak dapat ditulis; update diproses tanpa jaminan setelah restart", {
        count: updates.length,
        error: String(err),
      });
      return undefined;
    }
  }

  const done = pump().finally(() => markFirstPoll());

  return {
    done,
    firstPoll,
    lastPollAt: () => lastPollAt,
    async stop() {
      controller.abort();
      await done.catch(() => undefined);
      await sequencer.drain();
    },
  };
}
