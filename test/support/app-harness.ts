// Runs the whole bot (startApp, the same code path as `npm start`) against the fake Bot API and a fresh database,
// with helpers to create employees and to read what the bot logged.
import path from "node:path";
import type { Chat, User } from "node-telegram-bot-api";
import winston from "winston";
import Transport from "winston-transport";
import { startApp, type App, type AppOptions } from "../../src/app.js";
import type { Config, DatabaseConfig } from "../../src/config.js";
import type { Db } from "../../src/db/database.js";
import { bindTelegram, upsertPengguna, type PenggunaData } from "../../src/db/pengguna-repo.js";
import { hashPassword } from "../../src/domain/passwords.js";
import type { Logger } from "../../src/logger.js";
import { FakeTelegram } from "./fake-telegram.js";
import type { FakeTelegramOptions } from "./fake-telegram/types.js";
import { close, configOf, type TestDatabase } from "./test-db.js";
import { makeGroup, makeUser, privateChatOf } from "./updates.js";

export const SHIPPED_CONTENT = path.resolve("content");
export const STAFF_GROUP: Chat = makeGroup(-1001234567890, "OSDM Layanan");

/** Keeps every log line of a test in memory, as the operator would read it. */
class MemoryTransport extends Transport {
  readonly lines: string[] = [];
  override log(info: Record<string, unknown>, callback: () => void): void {
    const { level, message, ...meta } = info;
    this.lines.push(`${String(level)} ${String(message)} ${JSON.stringify(meta)}`);
    callback();
  }
}

export function memoryLogger(): { log: Logger; lines: string[] } {
  const transport = new MemoryTransport();
  const log = winston.createLogger({ level: "debug", transports: [transport] });
  return { log, lines: transport.lines };
}

export interface HarnessOptions {
  database: DatabaseConfig;
  db: Db;
  contentDir?: string;
  fake?: FakeTelegramOptions;
  app?: AppOptions;
  showStaffName?: boolean;
  /** Serve /healthz and /metrics (port 0: any free port, read it from `app.httpPort`); off by default. */
  httpAddr?: Config["httpAddr"];
  answerTargetHours?: number;
  autoCloseDays?: number;
  /** Sets the fake up before the bot starts (e.g. makes the staff group a forum). */
  prepare?: (fake: FakeTelegram) => void;
}

export interface Harness {
  fake: FakeTelegram;
  app: App;
  db: Db;
  logLines: string[];
  config: Config;
  /** A registered, active employee with a Telegram account. */
  employee(id: number, data?: Partial<PenggunaData> & { password?: string }): Promise<User>;
  /** Stops the app only (the fake keeps running), as a crash-free restart would. */
  stopApp(): Promise<void>;
  startAppAgain(): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const fake = await FakeTelegram.start(opts.fake);
  fake.knowChat(STAFF_GROUP);
  opts.prepare?.(fake);
  const { log, lines } = memoryLogger();
  const config: Config = {
    botToken: fake.token,
    staffGroupId: STAFF_GROUP.id,
    database: opts.database,
    telegramApiRoot: fake.apiRoot,
    contentDir: opts.contentDir ?? SHIPPED_CONTENT,
    logLevel: "debug",
    showStaffName: opts.showStaffName ?? false,
    retentionDays: 365,
    httpAddr: opts.httpAddr,
    hotStandby: false,
    answerTargetHours: opts.answerTargetHours ?? 8,
    autoCloseDays: opts.autoCloseDays ?? 3,
  };
  const appOptions: AppOptions = { pollTimeoutSec: 1, ...opts.app };
  let app = await startApp(config, log, appOptions);
  let running = true;

  const harness: Harness = {
    fake,
    get app() {
      return app;
    },
    db: opts.db,
    logLines: lines,
    config,
    async employee(id, data = {}) {
      const nip = data.nip ?? `19850101201001${String(id).padStart(4, "0").slice(-4)}`;
      const user = makeUser(id, { first_name: data.nama?.split(" ")[0] ?? `Pegawai${id}` });
      await upsertPengguna(
        opts.db,
        [
          {
            nip,
            nama: data.nama ?? `Pegawai ${id}`,
            password: await hashPassword(data.password ?? "rahasia"),
            jabatan: data.jabatan ?? "Analis SDM Aparatur",
            unit_kerja: data.unit_kerja ?? "Biro OSDM",
            pangkat_golongan: data.pangkat_golongan ?? "Penata (III/c)",
            status: data.status ?? "aktif",
            hak_pengguna: data.hak_pengguna ?? "pegawai",
          },
        ],
        Date.now(),
      );
      await bindTelegram(opts.db, nip, id, Date.now());
      // A bound employee has written to the bot before (/daftar), so Telegram knows their chat.
      fake.knowChat(privateChatOf(user));
      return user;
    },
    async stopApp() {
      if (running) await app.stop();
      running = false;
    },
    async startAppAgain() {
      app = await startApp(config, log, appOptions);
      running = true;
    },
    async stop() {
      await harness.stopApp();
      await fake.stop();
    },
  };
  return harness;
}

/** The staff group turned into a forum, with the bot an admin that may manage its topics: forum mode. */
export function forumStaffGroup(fake: FakeTelegram): void {
  fake.makeForum(STAFF_GROUP.id);
  fake.makeBotAdmin(STAFF_GROUP.id, { can_manage_topics: true, can_delete_messages: true });
}

/**
 * Gives every test of the enclosing `describe` a fresh database and a running bot, handed to `use`, and tears
 * both down after it. `options` is read per test, so it may name a folder made in an earlier `beforeEach`.
 */
export function eachTestWithBot(
  database: TestDatabase,
  use: (h: Harness, db: Db) => void,
  options: () => Omit<HarnessOptions, "database" | "db"> = () => ({}),
): void {
  let current: { h: Harness; db: Db } | undefined;
  beforeEach(async () => {
    const db = await database.open();
    const h = await startHarness({ ...options(), database: configOf(db), db });
    current = { h, db };
    use(h, db);
  });
  afterEach(async () => {
    if (!current) return;
    await current.h.stop();
    await close(current.db);
    current = undefined;
  });
}
