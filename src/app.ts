// The composition root: config → database → content → services → bot → polling; stop() shuts down in reverse.
import { Bot } from "node-telegram-bot-api";
import type { Config } from "./config.js";
import { ContentStore } from "./content/content-store.js";
import { isConnectionError, migrateToLatest, openDatabase } from "./db/database.js";
import { insertPesan, recentOutgoing } from "./db/pesan-repo.js";
import { schedulerOn, systemClock, type Clock } from "./domain/clock.js";
import { createAnnouncementService } from "./domain/announcements.js";
import { startDailyJob } from "./domain/daily-job.js";
import { applyRetention } from "./domain/retention.js";
import { createRelayService, type RelayService } from "./domain/relay/relay-service.js";
import type { Logger } from "./logger.js";
import { setUpBot } from "./bot/create-bot.js";
import { ANNOUNCEMENT_TEXTS, COMMANDS, RELAY_TEXTS } from "./bot/messages.js";
import { startOutboxWorker, type DeliveryOutcomes, type OutboxWorker } from "./bot/outbox-worker.js";
import { postNewNewsToStaff } from "./bot/news-to-staff.js";
import { BulkGate, Pacer, TELEGRAM_LIMITS, type PacerLimits } from "./bot/pacer.js";
import { classifyFailure, floodWaitMs, isTransient } from "./bot/telegram-failure.js";
import { telegramFetch } from "./bot/telegram-fetch.js";
import { createGateway } from "./bot/telegram-gateway.js";
import { describeError } from "./bot/describe-error.js";
import { retrying } from "./retry.js";
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
/** Telegram still counts what went out this long before a restart (the longest flood window, with room). */
const REMEMBERED_SENDS_MS = 65_000;

export async function startApp(config: Config, log: Logger, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  const stopping = new AbortController();

  const db = openDatabase(config.database);
  await retry(log, "database", stopping.signal, () => migrateToLatest(db), isConnectionError);
  const content = await ContentStore.open(config.contentDir, log);

  // No retries inside the client: a 429 must reach the pacer, and every other failure the one retry policy.
  const bot = new Bot(config.botToken, { apiRoot: config.telegramApiRoot, timeoutMs: 30_000, maxRetries: 0, fetch: telegramFetch() });
  const me = await retry(log, "Telegram (getMe)", stopping.signal, () => bot.api.getMe(), isTransient).catch((err: unknown) => {
    if (classifyFailure(err).kind === "auth") throw new Error("Telegram menolak BOT_TOKEN (401/404): salin ulang token dari @BotFather");
    throw err;
  });
  const pacer = new Pacer(options.limits ?? TELEGRAM_LIMITS);
  // Telegram's windows do not restart with us: what went out in the last minute still counts.
  const since = clock() - REMEMBERED_SENDS_MS;
  const sinceReal = Date.now() - REMEMBERED_SENDS_MS;
  await recentOutgoing(db, since).then(
    (sends) => pacer.seed(sends.map((s) => ({ chatId: s.chatId, at: sinceReal + (s.at - since), count: 1 }))),
    (err: unknown) => log.warn("riwayat kirim tidak terbaca; batas kirim dihitung dari awal", { error: describeError(err) }),
  );
  const gateway = createGateway({
    api: bot.api,
    pacer,
    botId: () => me.id,
    clock,
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
      if (item.announcementId !== null) await announcements.settled(item.announcementId);
    },
    async failed(item, reason, blocked) {
      await relay.failed(item, reason, blocked);
      if (item.announcementId !== null) await announcements.settled(item.announcementId);
    },
  };
  outbox = startOutboxWorker({ db, gateway, outcomes: () => outcomes, bulkGate: new BulkGate(BULK_PER_SEC), log, scheduler: schedulerOn(clock) });

  const deps = { config, db, log, content, clock, gateway, outbox, me: { id: me.id, username: me.username ?? "" } };
  setUpBot(bot, deps, relay, announcements);
  postNewNewsToStaff(content, gateway, config.staffGroupId, log);
  void retry(log, "Telegram (setMyCommands)", stopping.signal, () => bot.api.setMyCommands({ commands: COMMANDS }), isTransient).catch(
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
  const retention = startDailyJob("retensi data pribadi", (now) => applyRetention(db, now, config.retentionDays), { clock, log });
  log.info("Sinawai berjalan", { bot: me.username, staffGroupId: config.staffGroupId, database: config.database.client });

  return {
    outbox,
    runner,
    relay,
    async stop() {
      stopping.abort();
      await retention.stop();
      await runner.stop();
      await outbox.stop();
      content.close();
      await db.destroy();
      log.info("Sinawai berhenti");
    },
  };
}

/** Retries an outage with the one retry policy, logging each failure; a failure that will not pass is thrown at once. */
function retry<T>(log: Logger, what: string, signal: AbortSignal, work: () => Promise<T>, retryable: (err: unknown) => boolean): Promise<T> {
  return retrying(work, {
    signal,
    retryable,
    waitFor: floodWaitMs,
    onRetry: (err, attempt, waitMs) => log.warn(`${what} belum dapat dihubungi; mencoba lagi`, { attempt, waitMs, error: describeError(err) }),
  });
}
