// The composition root: config → database → content → services → bot → polling; stop() shuts down in reverse.
import { Bot, TelegramApiError } from "node-telegram-bot-api";
import { isTelegramOutage } from "./bot/deferred-reply.js";
import type { Config } from "./config.js";
import { ContentStore } from "./content/content-store.js";
import { isConnectionError, migrateToLatest, openDatabase } from "./db/database.js";
import { insertPesan } from "./db/pesan-repo.js";
import { systemClock, type Clock } from "./domain/clock.js";
import { createAnnouncementService } from "./domain/announcements.js";
import { createRelayService, type RelayService } from "./domain/relay/relay-service.js";
import type { Logger } from "./logger.js";
import { setUpBot } from "./bot/create-bot.js";
import { ANNOUNCEMENT_TEXTS, COMMANDS, RELAY_TEXTS } from "./bot/messages.js";
import { startOutboxWorker, type DeliveryOutcomes, type OutboxWorker } from "./bot/outbox-worker.js";
import { postNewNewsToStaff } from "./bot/news-to-staff.js";
import { BulkGate, Pacer, TELEGRAM_LIMITS, type PacerLimits } from "./bot/pacer.js";
import { createGateway } from "./bot/telegram-gateway.js";
import { describeError } from "./bot/describe-error.js";
import { startUpdateRunner, type Runner } from "./bot/update-runner.js";

export interface AppOptions {
  clock?: Clock;
  pollTimeoutSec?: number;
  limits?: PacerLimits;
}

export interface App {
  outbox: OutboxWorker;
  runner: Runner;
  relay: RelayService;
  stop(): Promise<void>;
}

const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"];
/** Announcements take at most this much of the ~30/s global budget; interactive answers keep the rest. */
const BULK_PER_SEC = 20;

export async function startApp(config: Config, log: Logger, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  const stopping = new AbortController();

  const db = openDatabase(config.database);
  await retry(log, "database", stopping.signal, () => migrateToLatest(db), isConnectionError);
  const content = await ContentStore.open(config.contentDir, log);

  const bot = new Bot(config.botToken, { apiRoot: config.telegramApiRoot, timeoutMs: 30_000 });
  const me = await retry(log, "Telegram (getMe)", stopping.signal, () => bot.api.getMe(), isTelegramOutage).catch((err: unknown) => {
    if (err instanceof TelegramApiError && (err.errorCode === 401 || err.errorCode === 404)) {
      throw new Error("Telegram menolak BOT_TOKEN (401/404): salin ulang token dari @BotFather");
    }
    throw err;
  });
  const gateway = createGateway({
    api: bot.api,
    pacer: new Pacer(options.limits ?? TELEGRAM_LIMITS),
    botId: () => me.id,
    log,
    recordPesan: (rows) => insertPesan(db, rows),
  });

  let outbox: OutboxWorker | undefined;
  const relay = createRelayService({
    db,
    clock,
    staffGroupId: config.staffGroupId,
    showStaffName: config.showStaffName,
    texts: RELAY_TEXTS,
    onQueued: () => outbox?.wake(),
  });
  const announcements = createAnnouncementService({
    db,
    clock,
    staffGroupId: config.staffGroupId,
    texts: ANNOUNCEMENT_TEXTS,
    onQueued: () => outbox?.wake(),
  });
  const outcomes: DeliveryOutcomes = {
    async delivered(item, progress) {
      await relay.delivered(item, progress);
      if (item.id_pengumuman !== null) await announcements.settled(item.id_pengumuman);
    },
    async rejected(item, reason, blocked) {
      await relay.rejected(item, reason, blocked);
      if (item.id_pengumuman !== null) await announcements.settled(item.id_pengumuman);
    },
  };
  outbox = startOutboxWorker({ db, gateway, outcomes: () => outcomes, bulkGate: new BulkGate(BULK_PER_SEC), log });

  const deps = { config, db, log, content, clock, gateway, outbox, me: { id: me.id, username: me.username ?? "" } };
  setUpBot(bot, deps, relay, announcements);
  postNewNewsToStaff(content, gateway, config.staffGroupId, log);
  void retry(log, "Telegram (setMyCommands)", stopping.signal, () => bot.api.setMyCommands({ commands: COMMANDS }), isTelegramOutage).catch(
    (err: unknown) => log.warn("daftar perintah tidak terpasang", { error: describeError(err) }),
  );

  const runner = startUpdateRunner({
    api: bot.api,
    db,
    log,
    handle: (update) => bot.handleUpdate(update),
    pollTimeoutSec: options.pollTimeoutSec,
    allowedUpdates: ALLOWED_UPDATES,
  });
  runner.done.catch((err: unknown) => log.error("polling berhenti", { error: describeError(err) }));
  log.info("Sinawai berjalan", { bot: me.username, staffGroupId: config.staffGroupId, database: config.database.client });

  return {
    outbox,
    runner,
    relay,
    async stop() {
      stopping.abort();
      await runner.stop();
      await outbox.stop();
      content.close();
      await db.destroy();
      log.info("Sinawai berhenti");
    },
  };
}

/** Retries an outage with capped exponential backoff, logging each failure; a non-retryable error is thrown at once. */
async function retry<T>(log: Logger, what: string, signal: AbortSignal, work: () => Promise<T>, retryable: (err: unknown) => boolean): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (signal.aborted || !retryable(err)) throw err;
      const wait = Math.min(60_000, 500 * 2 ** Math.min(attempt, 7));
      log.warn(`${what} belum dapat dihubungi; mencoba lagi`, { attempt, waitMs: wait, error: describeError(err) });
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
