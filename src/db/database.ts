// Creates the knex instance for MySQL/MariaDB or the embedded SQLite file, and runs the migrations.
import fs from "node:fs";
import path from "node:path";
import knexFactory, { type Knex } from "knex";
import type { DatabaseConfig } from "../config.js";
import { migrationSource } from "./migrations/index.js";

export type Db = Knex;

export function knexConfig(db: DatabaseConfig): Knex.Config {
  const migrations = { migrationSource, tableName: "knex_migrations" };
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

/** True for errors that mean "the database is not reachable right now", worth a retry. */
export function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (
    typeof code === "string" &&
    ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "PROTOCOL_CONNECTION_LOST", "ER_CON_COUNT_ERROR", "SQLITE_BUSY", "ENOTFOUND", "EHOSTUNREACH"].includes(code)
  ) || (err instanceof Error && err.name === "KnexTimeoutError");
}
