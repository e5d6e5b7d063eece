// The composition root: config → database → monitoring → content → leadership → services → bot → polling; stop()
// shuts down in reverse.
import { Bot } from "node-telegram-bot-api";
import type { Config } from "./config.js";
import { ContentStore } from "./content/content-store.js";
import { isConnectionError, migrateToLatest, onDatabaseError, openDatabase, type Db } from "./db/database.js";
import { pendingSummary } from "./db/antrian-kirim-repo.js";
import { openLeaderLock } from "./db/leader-lock.js";
import { lockSqliteFile } from "./db/sqlite-instance-lock.js";
import { countOpenTickets } from "./db/tiket-repo.js";
import { insertPesan, recentOutgoing, type PesanData } from "./db/pesan-repo.js";
import { WriteBatch } from "./db/write-batch.js";
import { schedulerOn, systemClock, type Clock } from "./domain/clock.js";
import { createAnnouncementService } from "./domain/announcements.js";
import { startRepeatingJob } from "./domain/repeating-job.js";
import { applyRetention } from "./domain/retention.js";
import { createRelayService, type RelayService } from "./domain/relay/relay-service.js";
import { createGuideService } from "./domain/guides.js";
import { liveGuideIndex } from "./content/search/live-index.js";
import type { Logger } from "./logger.js";
import { checkHealth, HEALTH_LIMITS } from "./monitoring/health.js";
import { startHttpListener } from "./monitoring/http-listener.js";
import { createMetrics, type Role } from "./monitoring/metrics.js";
import { setUpBot } from "./bot/create-bot.js";
import { ANNOUNCEMENT_TEXTS, CLOSING_TEXTS, COMMANDS, PROMISE_TEXTS, relayTexts, TOPIC_TEXTS } from "./bot/messages.js";
import { deskModeOf } from "./bot/forum/forum-mode.js";
import { createTopicKeeper } from "./bot/forum/topic-keeper.js";
import { answerButtons, ratingButtons } from "./bot/features/ticket-closing.js";
import { createTicketClosing } from "./domain/relay/ticket-closing.js";
import { createAnswerPromise } from "./domain/relay/answer-promise.js";
import { createStaffDesk } from "./domain/relay/staff-desk.js";
import { startOutboxWorker, type DeliveryOutcomes, type OutboxWorker } from "./bot/outbox-worker.js";
import { postNewNewsToStaff } from "./bot/news-to-staff.js";
import { BulkGate, Pacer, TELEGRAM_LIMITS, type PacerLimits } from "./bot/pacer.js";
import { classifyFailure, floodWaitMs, isTransient } from "./bot/telegram-failure.js";
import { telegramFetch } from "./bot/telegram-fetch.js";
import { createGateway } from "./bot/telegram-gateway.js";
import { describeError } from "./bot/describe-error.js";
import { fencedFetch } from "./bot/fenced-fetch.js";
import { retrying } from "./retry.js";
import { startUpdateRunner, type Runner } from "./bot/update-runner.js";

export interface AppOptions {
  clock?: Clock;
  pollTimeoutSec?: number;
  limits?: PacerLimits;
  /** /healthz turns 503 once getUpdates has not succeeded for this long; default 90 s. */
  pollStaleMs?: number;
  /** How often answer-time reminders and quiet tickets are looked at; default a minute. */
  ticketCheckMs?: number;
}

export interface App {
  outbox: OutboxWorker;
  runner: Runner;
  relay: RelayService;
  db: Db;
  /** The port /healthz and /metrics listen on; undefined when HTTP_ADDR is off. */
  httpPort: number | undefined;
  /**
   * Settles when this active instance has lost the leader lock (HOT_STANDBY): it has stopped calling Telegram at
   * that moment, and the process should end (a standby may already be taking over). Never settles otherwise.
   */
  leadershipLost: Promise<Error>;
  stop(): Promise<void>;
}

const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"];
/** Announcements take at most this much of the ~30/s global budget; interactive answers keep the rest. */
const BULK_PER_SEC = 20;
/** Telegram still counts what went out this long before a restart (the longest flood window, with room). */
const REMEMBERED_SENDS_MS = 65_000;
const HOUR_MS = 3_600_000;

export async function startApp(config: Config, log: Logger, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  const stopping = new AbortController();
  const startedAt = Date.now();

  const db = openDatabase(config.database);
  // One bot per SQLite file: a second one stops here, before it reads or writes anything in it.
  const sqliteFile = config.database.client === "better-sqlite3" && config.database.connection !== ":memory:" ? config.database.connection : undefined;
  const instanceLock =
    sqliteFile === undefined
      ? undefined
      : await lockSqliteFile(sqliteFile).catch(async (err: unknown) => {
          await db.destroy();
          throw err;
        });
  await retry(log, "database", stopping.signal, () => migrateToLatest(db), isConnectionError);

  let role: Role = "starting";
  /** The last successful getUpdates; until polling starts, the start of this instance (a grace period, not a failure). */
  let lastPollAt = () => startedAt;
  const metrics = createMetrics(async () => {
    const [pending, openTickets] = await Promise.all([pendingSummary(db), countOpenTickets(db)]);
    return { outboxPending: pending.count, oldestPendingMs: pending.oldest === null ? 0 : clock() - pending.oldest, openTickets };
  });
  onDatabaseError(db, () => metrics.databaseError());
  const becomes = (next: Role) => {
    role = next;
    metrics.role(next);
  };
  const leader = config.hotStandby ? openLeaderLock(config.database.connection, log) : undefined;
  const healthProbe = {
    role: () => role,
    databaseAnswers: async () => void (await db.raw("SELECT 1")),
    lastPollAt: () => lastPollAt(),
    lastLockContactAt: () => leader?.lastContactAt() ?? 0,
  };
  const healthLimits = { ...HEALTH_LIMITS, pollStaleMs: options.pollStaleMs ?? HEALTH_LIMITS.pollStaleMs };
  const http = config.httpAddr && (await startHttpListener(config.httpAddr, { health: () => checkHealth(healthProbe, healthLimits), metrics: () => metrics.scrape() }, log));
  const content = await ContentStore.open(config.contentDir, log);

  // The standby waits here, with everything above ready, so that taking over is quick. It never calls Telegram:
  // the fence below lets a request leave only while this instance holds the lock.
  if (leader) {
    becomes("standby");
    log.info("siaga: menunggu giliran menjadi instance aktif");
    await leader.acquire(stopping.signal);
    log.info("instance ini sekarang aktif (memegang kunci pemimpin)");
  }
  const mayAct = () => leader?.held() ?? true;

  // No retries inside the client: a 429 must reach the pacer, and every other failure the one retry policy.
  const bot = new Bot(config.botToken, { apiRoot: config.telegramApiRoot, timeoutMs: 30_000, maxRetries: 0, fetch: telegramFetch(fencedFetch(globalThis.fetch, mayAct)) });
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
  // Every message in and out is logged; at a busy moment the rows of many go in one insert.
  const pesanLog = new WriteBatch<PesanData>((rows) => insertPesan(db, rows));
  const recordPesan = (rows: PesanData[]) => pesanLog.add(rows);
  const gateway = createGateway({
    api: bot.api,
    pacer,
    botId: () => me.id,
    clock,
    log,
    metrics,
    recordPesan,
  });

  const mode = await deskModeOf(bot.api, gateway, config.staffGroupId, me.id, log);
  const topics = mode === "forum" ? createTopicKeeper({ db, gateway, clock, log, staffGroupId: config.staffGroupId, texts: TOPIC_TEXTS }) : undefined;

  let outbox: OutboxWorker | undefined;
  const relay = createRelayService({
    db,
    clock,
    staffGroupId: config.staffGroupId,
    showStaffName: config.showStaffName,
    texts: relayTexts(mode === "forum"),
    answerButtons,
    onQueued: () => outbox?.wake(),
  });
  const closing = createTicketClosing({ db, clock, staffGroupId: config.staffGroupId, texts: CLOSING_TEXTS, ratingButtons, onQueued: () => outbox?.wake() });
  const promise = createAnswerPromise({
    db,
    clock,
    staffGroupId: config.staffGroupId,
    texts: PROMISE_TEXTS,
    hours: () => content.current().serviceHours,
    targetMs: config.answerTargetHours * HOUR_MS,
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
      // A question, an answer or a close changed the ticket's state: its topic's name follows.
      if (topics && item.ticketId !== null) void topics.sync(item.ticketId);
    },
    async failed(item, reason, blocked) {
      await relay.failed(item, reason, blocked);
      if (item.announcementId !== null) await announcements.settled(item.announcementId);
    },
  };
  outbox = startOutboxWorker({ db, gateway, outcomes: () => outcomes, bulkGate: new BulkGate(BULK_PER_SEC), log, scheduler: schedulerOn(clock), topics });

  const deps = { config, db, log, content, clock, gateway, outbox, recordPesan, me: { id: me.id, username: me.username ?? "" }, metrics };
  const guides = createGuideService({ db, clock, index: liveGuideIndex(content) });
  setUpBot(bot, deps, { relay, closing, promise, staff: createStaffDesk({ db, clock }), topics, announcements, guides });
  postNewNewsToStaff(content, gateway, config.staffGroupId, log);
  void retry(log, "Telegram (setMyCommands)", stopping.signal, () => bot.api.setMyCommands({ commands: COMMANDS }), isTransient).catch(
    (err: unknown) => log.warn("daftar perintah tidak terpasang", { error: describeError(err) }),
  );

  const runner = startUpdateRunner({
    api: bot.api,
    db,
    log,
    metrics,
    handle: (update) => bot.handleUpdate(update),
    // The chats being handled keep their answers' slots of the second from queued sends.
    onBusyChats: (chats) => pacer.expectAnswers(chats),
    pollTimeoutSec: options.pollTimeoutSec,
    allowedUpdates: ALLOWED_UPDATES,
  });
  lastPollAt = runner.lastPollAt;
  runner.done.catch((err: unknown) => log.error("polling berhenti", { error: describeError(err) }));
  const retention = startRepeatingJob("retensi data pribadi", (now) => applyRetention(db, now, config.retentionDays), { clock, log });
  const ticketCheck = startRepeatingJob(
    "pemeriksaan tiket",
    async (now) => ({ ...(await promise.remindDue(now)), ...(await closing.closeQuiet(now, config.autoCloseDays)) }),
    { clock, log, everyMs: options.ticketCheckMs ?? 60_000, firstDelayMs: options.ticketCheckMs ?? 60_000, retryMs: options.ticketCheckMs ?? 60_000 },
  );
  becomes("active");
  log.info("Sinawai berjalan", { bot: me.username, staffGroupId: config.staffGroupId, database: config.database.client, hotStandby: config.hotStandby });

  return {
    outbox,
    runner,
    relay,
    db,
    httpPort: http ? http.port : undefined,
    leadershipLost: leader?.lost ?? new Promise<Error>(() => undefined),
    async stop() {
      stopping.abort();
      await retention.stop();
      await ticketCheck.stop();
      await runner.stop();
      await outbox.stop();
      await pesanLog.drain();
      // Held until nothing sends any more: only then may the standby take over.
      await leader?.release();
      content.close();
      if (http) await http.close();
      await db.destroy();
      // Last, though taken after the database was opened: another bot may start on the file once this one closed it.
      await instanceLock?.release();
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
