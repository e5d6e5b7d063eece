// Parses the process environment once, at start, into a typed Config; reports every problem at once.
import { z } from "zod";

export interface DatabaseConfig {
  client: "mysql2" | "better-sqlite3";
  /** A mysql:// URL, or the path of the SQLite file. */
  connection: string;
}

/** Where the monitoring HTTP listener listens (host without IPv6 brackets). */
export interface HttpAddress {
  host: string;
  port: number;
}

export interface Config {
  botToken: string;
  staffGroupId: number;
  database: DatabaseConfig;
  telegramApiRoot: string;
  contentDir: string;
  logLevel: "error" | "warn" | "info" | "debug";
  showStaffName: boolean;
  /** Days after which message texts and queue payloads are emptied (UU 27/2022: keep personal data no longer than needed). */
  retentionDays: number;
  /** The /healthz and /metrics listener; undefined when HTTP_ADDR is empty (off). */
  httpAddr: HttpAddress | undefined;
  /** Two instances on one MySQL database, one active and one waiting for the leader lock. */
  hotStandby: boolean;
  /** The first-answer target, in service hours; reminders go to the staff at 75% of it and when it has passed. */
  answerTargetHours: number;
  /** An answered ticket closes by itself after this many days without a word from the employee. */
  autoCloseDays: number;
}

export const DEFAULT_SQLITE_FILE = "data/sinawai.sqlite";

const databaseUrl = z
  .string()
  .trim()
  .refine((v) => /^mysql:\/\/[^/]+\/[^/?]+/.test(v), {
    message: "harus berbentuk mysql://user:pass@host:3306/nama_db (kosongkan untuk memakai SQLite di data/)",
  });

const yesNo = z
  .enum(["true", "false", "1", "0", "ya", "tidak"], { error: "harus true atau false" })
  .default("false")
  .transform((v) => v === "true" || v === "1" || v === "ya");

/** host:port, the host a name, an IPv4 address or an IPv6 one in brackets. */
const HTTP_ADDR_PATTERN = /^(\[[0-9A-Fa-f:.]+\]|[^\s:[\]]+):(\d{1,5})$/;

const schema = z.object({
  BOT_TOKEN: z
    .string({ error: "wajib diisi: token dari @BotFather, contoh 123456789:AAH..." })
    .trim()
    .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "bukan token bot yang sah: salin token dari @BotFather, contoh 123456789:AAH..."),
  STAFF_GROUP_ID: z
    .string({ error: "wajib diisi: chat id grup staf OSDM (angka negatif, contoh -1001234567890)" })
    .trim()
    .regex(/^-\d+$/, "harus angka negatif (id grup), contoh -1001234567890; lihat README bagian 'Mencari id grup'")
    .transform(Number),
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), databaseUrl.optional()),
  SQLITE_FILE: z.string().trim().min(1).default(DEFAULT_SQLITE_FILE),
  TELEGRAM_API_ROOT: z
    .string()
    .trim()
    .url("harus URL, contoh https://api.telegram.org")
    .refine(isSecureApiRoot, {
      message:
        "harus diawali https:// (token bot dan pesan pegawai tidak boleh lewat jaringan tanpa enkripsi); " +
        "http:// hanya boleh ke komputer ini sendiri (localhost, 127.0.0.1, ::1)",
    })
    .default("https://api.telegram.org"),
  CONTENT_DIR: z.string().trim().min(1).default("content"),
  LOG_LEVEL: z.enum(["error", "warn", "info", "debug"], { error: "harus salah satu dari error, warn, info, debug" }).default("info"),
  SHOW_STAFF_NAME: yesNo,
  RETENTION_DAYS: z
    .string()
    .trim()
    .regex(/^0*[1-9]\d{0,5}$/, "harus bilangan bulat positif (jumlah hari), contoh 365")
    .default("365")
    .transform(Number),
  HTTP_ADDR: z
    .string()
    .trim()
    .refine((v) => v === "" || isHttpAddress(v), {
      message: "harus berbentuk host:port dengan port 1-65535, contoh 127.0.0.1:9464 (kosongkan untuk mematikan /healthz dan /metrics)",
    })
    .default("127.0.0.1:9464")
    .transform(toHttpAddress),
  HOT_STANDBY: yesNo,
  TARGET_JAWAB_JAM: z
    .string()
    .trim()
    .refine((v) => /^\d{1,4}([.,]\d{1,2})?$/.test(v) && Number(v.replace(",", ".")) > 0, "harus jumlah jam kerja lebih dari 0, contoh 8 atau 4,5")
    .default("8")
    .transform((v) => Number(v.replace(",", "."))),
  TUTUP_OTOMATIS_HARI: z
    .string()
    .trim()
    .regex(/^0*[1-9]\d{0,2}$/, "harus bilangan bulat positif (jumlah hari), contoh 3")
    .default("3")
    .transform(Number),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Konfigurasi tidak valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** The database part alone: the migrate, seed and import commands need no bot token. */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv): DatabaseConfig {
  const parsed = schema.pick({ DATABASE_URL: true, SQLITE_FILE: true }).safeParse(env);
  if (!parsed.success) throw new ConfigError(describe(parsed.error));
  return toDatabase(parsed.data.DATABASE_URL, parsed.data.SQLITE_FILE);
}

/** What the report command needs: no bot token, but the bot's answer target, to judge first answers against it. */
export interface ReportConfig {
  database: DatabaseConfig;
  contentDir: string;
  answerTargetHours: number;
}

export function loadReportConfig(env: NodeJS.ProcessEnv): ReportConfig {
  const parsed = schema.pick({ DATABASE_URL: true, SQLITE_FILE: true, CONTENT_DIR: true, TARGET_JAWAB_JAM: true }).safeParse(env);
  if (!parsed.success) throw new ConfigError(describe(parsed.error));
  const e = parsed.data;
  return { database: toDatabase(e.DATABASE_URL, e.SQLITE_FILE), contentDir: e.CONTENT_DIR, answerTargetHours: e.TARGET_JAWAB_JAM };
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  const problems = [...(parsed.success ? [] : describe(parsed.error)), ...standbyProblems(env)];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    botToken: e.BOT_TOKEN,
    staffGroupId: e.STAFF_GROUP_ID,
    database: toDatabase(e.DATABASE_URL, e.SQLITE_FILE),
    telegramApiRoot: e.TELEGRAM_API_ROOT,
    contentDir: e.CONTENT_DIR,
    logLevel: e.LOG_LEVEL,
    showStaffName: e.SHOW_STAFF_NAME,
    retentionDays: e.RETENTION_DAYS,
    httpAddr: e.HTTP_ADDR,
    hotStandby: e.HOT_STANDBY,
    answerTargetHours: e.TARGET_JAWAB_JAM,
    autoCloseDays: e.TUTUP_OTOMATIS_HARI,
  };
}

/** A standby waits for a MySQL named lock; one SQLite file cannot be shared by two instances at all. */
function standbyProblems(env: NodeJS.ProcessEnv): string[] {
  const parsed = schema.pick({ HOT_STANDBY: true, DATABASE_URL: true }).safeParse(env);
  if (!parsed.success || !parsed.data.HOT_STANDBY || parsed.data.DATABASE_URL) return [];
  return [
    "HOT_STANDBY hanya untuk MySQL/MariaDB: isi DATABASE_URL, atau set HOT_STANDBY=false, karena satu berkas SQLite hanya boleh " +
      "dipakai satu bot (atur di file .env atau environment)",
  ];
}

function isHttpAddress(value: string): boolean {
  const match = HTTP_ADDR_PATTERN.exec(value);
  const port = Number(match?.[2]);
  return match !== null && port >= 1 && port <= 65535;
}

function toHttpAddress(value: string): HttpAddress | undefined {
  const match = HTTP_ADDR_PATTERN.exec(value);
  if (!match) return undefined;
  return { host: match[1]!.replace(/^\[|\]$/g, ""), port: Number(match[2]) };
}

/** https://, or http:// to this machine only (a local Bot API server, the tests' fake): nothing else travels in clear. */
function isSecureApiRoot(root: string): boolean {
  // Not a URL at all: the url check above already says so, once.
  if (!URL.canParse(root)) return true;
  const url = new URL(root);
  if (url.protocol === "https:") return true;
  if (url.protocol !== "http:") return false;
  const host = url.hostname.toLowerCase();
  // URL writes every IPv4 form in dotted decimal (127.1 → 127.0.0.1) and IPv6 in brackets.
  return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function toDatabase(url: string | undefined, sqliteFile: string): DatabaseConfig {
  return url ? { client: "mysql2", connection: url } : { client: "better-sqlite3", connection: sqliteFile };
}

function describe(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".")} ${issue.message} (atur di file .env atau environment)`);
}
