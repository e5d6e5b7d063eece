// The only module that keeps a second bot off an SQLite file: an exclusive SQLite lock on a file beside it, held
// for the life of the process. The operating system frees it when the process ends, kill -9 and power loss included,
// so no stale lock is ever left to clean up (a pid file can name a pid that a later process reuses).
import knexFactory from "knex";
import type { Db } from "./database.js";

export interface InstanceLock {
  release(): Promise<void>;
}

export class InstanceLockedError extends Error {
  constructor(readonly file: string) {
    super(
      `database SQLite ${file} sedang dipakai Sinawai lain (proses lain memegang ${file}.lock). Satu berkas SQLite hanya ` +
        "untuk satu bot: hentikan bot yang lain dulu (systemctl status sinawai). Untuk dua instance dengan cadangan siaga, " +
        "pakai MySQL/MariaDB (DATABASE_URL) dengan HOT_STANDBY=true.",
    );
    this.name = "InstanceLockedError";
  }
}

/** Takes the lock beside `file`, or throws InstanceLockedError at once when another process holds it. */
export async function lockSqliteFile(file: string): Promise<InstanceLock> {
  const lock: Db = knexFactory({
    client: "better-sqlite3",
    connection: { filename: `${file}.lock` },
    useNullAsDefault: true,
    // One connection, kept for the life of the process: the lock is its open transaction.
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: { pragma(s: string): unknown }, done: (err: Error | null, conn: unknown) => void) {
        // Fail at once instead of waiting for the other process (better-sqlite3 would wait 5 s, synchronously).
        conn.pragma("busy_timeout = 0");
        done(null, conn);
      },
    },
  });
  try {
    await lock.raw("BEGIN EXCLUSIVE");
  } catch (err) {
    await lock.destroy();
    if ((err as { code?: unknown }).code === "SQLITE_BUSY") throw new InstanceLockedError(file);
    throw err;
  }
  return { release: () => lock.destroy() };
}
