// One scenario group: a fresh database, the fake Bot API, and Sinawai in a child process started as `npm start` starts
// it (package.json's start script, configured by environment); afterwards the bot and the fake stop and the database is dropped.
import type { FakeTelegram } from "../test/support/fake-telegram.js";
import { migrateToLatest, openDatabase, type Db } from "../src/db/database.js";
import { createDatabase, type BenchDatabase, type DatabaseKind } from "./bench-database.js";
import { startCommand } from "../test/support/start-command.js";
import { startBot, type BotProcess } from "./bot-process.js";
import type { Network } from "./options.js";
import { BOT_TOKEN, STAFF_GROUP, startTelegram, timeToFirstPoll } from "./telegram.js";

export interface SinawaiGroup {
  readonly fake: FakeTelegram;
  readonly bot: BotProcess;
  /** The bench's own connection, for writing rows once the tables exist. */
  db(): Db;
  /** Creates the tables, for a group that fills the database before the bot starts. */
  migrate(): Promise<void>;
  /** Starts the bot and waits for its first getUpdates; returns the ms from spawning to that. */
  startBot(): Promise<number>;
  /** Stops the bot as systemd would (SIGTERM), e.g. to start it again: a restart. */
  stopBot(): Promise<void>;
}

export interface GroupReport {
  /** The highest VmHWM (MB) of the group's bot processes, each read just before it was stopped. */
  peakRssMb: number | undefined;
  /** What the bot printed (LOG_LEVEL=warn: warnings and errors only). */
  output: string;
}

export async function inSinawaiGroup(kind: DatabaseKind, network: Network, work: (group: SinawaiGroup) => Promise<void>): Promise<GroupReport> {
  const database = await createDatabase(kind);
  const fake = await startTelegram(network);
  let db: Db | undefined;
  let bot: BotProcess | undefined;
  const peaks: number[] = [];
  const stopBot = async () => {
    const peak = await bot?.stop();
    if (peak !== undefined) peaks.push(peak);
  };
  const group: SinawaiGroup = {
    fake,
    get bot() {
      if (!bot) throw new Error("the bot has not been started");
      return bot;
    },
    db: () => (db ??= openDatabase(database.config)),
    migrate: async () => void (await migrateToLatest(group.db())),
    async startBot() {
      const { env, args } = startCommand();
      bot = startBot(args, { ...env, ...sinawaiEnv(fake, database) });
      return timeToFirstPoll(fake, bot);
    },
    stopBot,
  };
  try {
    await work(group);
    await stopBot();
    return { peakRssMb: peaks.length > 0 ? Math.max(...peaks) : undefined, output: bot?.output() ?? "" };
  } finally {
    await bot?.stop();
    await fake.stop();
    await db?.destroy();
    await database.remove();
  }
}

function sinawaiEnv(fake: FakeTelegram, database: BenchDatabase): Record<string, string> {
  return {
    BOT_TOKEN,
    STAFF_GROUP_ID: String(STAFF_GROUP.id),
    TELEGRAM_API_ROOT: fake.apiRoot,
    CONTENT_DIR: "content",
    LOG_LEVEL: "warn",
    SHOW_STAFF_NAME: "false",
    // No monitoring listener: a bot left over from an aborted run, or a test's, may hold its default port.
    HTTP_ADDR: "",
    ...database.env,
  };
}
