// Creates the knex instance for MySQL/MariaDB or the embedded SQLite file, and runs the migrations.
import fs from "node:fs";
import path from "node:path";
import knexFactory, { type Knex } from "knex";
import type { DatabaseConfig } from "../config.js";
import { migrationSource } from "./migrations/index.js";

export type Db = Knex;

const MIGRATIONS_TABLE = "knex_migrations";

export function knexConfig(db: DatabaseConfig): Knex.Config {
  const migrations = { migrationSource, tableName: MIGRATIONS_TABLE };
  // A failed statement's error shows the SQL with placeholders, not the values bound to it (an employee's message,
  // a password hash): database errors end up in the log.
  const compileSqlOnError = false;
  if (db.client === "mysql2") {
    return {
      client: "mysql2",
      connection: {
        uri: db.connection,
        charset: "utf8mb4",
        // Times are stored as epoch milliseconds; UTC keeps any DATETIME the server adds unshifted.
        timezone: "Z",
        supportBigNumbers: true,
      } as unknown as Knex.MySql2ConnectionConfig,
      pool: { min: 0, max: 10 },
      migrations,
      compileSqlOnError,
    };
  }
  return {
    client: "better-sqlite3",
    connection: { filename: db.connection },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: { pragma(s: string): unknown }, done: (err: Error | null, conn: unknown) => void) {
        // WAL lets the report and import commands read while the bot writes; busy_timeout waits instead of failing.
        conn.pragma("journal_mode = WAL");
        conn.pragma("busy_timeout = 5000");
        conn.pragma("foreign_keys = ON");
        conn.pragma("synchronous = NORMAL");
        done(null, conn);
      },
    },
    migrations,
    compileSqlOnError,
  };
}

export function openDatabase(db: DatabaseConfig): Db {
  if (db.client === "better-sqlite3" && db.connection !== ":memory:") createOwnerOnly(path.resolve(db.connection));
  return knexFactory(knexConfig(db));
}

/**
 * The SQLite file holds employees' personal data, so a new one and any folder made for it are the owner's alone
 * (0600, 0700), not the 0644/0755 the usual umask leaves. SQLite would create the file 0644 itself; creating it
 * empty first is enough, since SQLite takes an empty file as an empty database and gives its -wal, -shm and
 * -journal files the main file's mode. An existing file or folder keeps the mode its admin gave it (a backup
 * group allowed to read, say).
 */
function createOwnerOnly(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.closeSync(fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
}

export async function migrateToLatest(knex: Db): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest()) as [number, string[]];
  return applied;
}

export interface MigrationStatus {
  applied: string[];
  /** Known to this code, not yet applied: the next start (or npm run migrate) applies them. */
  pending: string[];
  /** Recorded in the database, unknown to this code: a newer version ran here, and knex refuses to migrate. */
  unknown: string[];
}

/** Reads which migrations ran without changing anything: knex's own migrate.list() creates its table first. */
export async function migrationStatus(knex: Db): Promise<MigrationStatus> {
  const known = await migrationSource.getMigrations([]);
  const applied = (await knex.schema.hasTable(MIGRATIONS_TABLE))
    ? (await knex(MIGRATIONS_TABLE).orderBy("id").select<{ name: string }[]>("name")).map((row) => row.name)
    : [];
  return {
    applied,
    pending: known.filter((name) => !applied.includes(name)),
    unknown: applied.filter((name) => !known.includes(name)),
  };
}

/**
 * Calls `listener` for every query that failed, and every connection that could not be opened: knex reports the
 * first ('query-error'), but a query that never got a connection fails without it, so its pool (tarn) is asked too.
 */
export function onDatabaseError(knex: Db, listener: (err: unknown) => void): void {
  knex.on("query-error", (err: unknown) => listener(err));
  const pool = (knex.client as { pool?: { on(event: "createFail", handler: (eventId: number, err: Error) => void): void } }).pool;
  pool?.on("createFail", (_eventId, err) => listener(err));
}

/** MySQL chose this transaction as a deadlock's victim and rolled it back: running it again is safe. */
export function isDeadlock(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === "ER_LOCK_DEADLOCK";
}

/** True for errors that mean "the database is not reachable right now", worth a retry. */
export function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (
    typeof code === "string" &&
    ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "PROTOCOL_CONNECTION_LOST", "ER_CON_COUNT_ERROR", "SQLITE_BUSY", "ENOTFOUND", "EHOSTUNREACH"].includes(code)
  ) || (err instanceof Error && err.name === "KnexTimeoutError");
}
