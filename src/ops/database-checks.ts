// The database part of npm run doctor: reachable, migrated, and on MySQL who holds the leader lock; it reads only,
// so it creates no SQLite file and applies no migration.
import { existsSync } from "node:fs";
import type { DatabaseConfig } from "../config.js";
import { migrationStatus, openDatabase, type MigrationStatus } from "../db/database.js";
import { leaderLockHolder } from "../db/leader-lock-holder.js";
import { fail, pass, type CheckLine, type Checked } from "./check.js";

/** How each way of failing to reach the database is fixed, by the driver's error code. */
const FIXES: Record<string, string> = {
  ECONNREFUSED: "jalankan server MySQL/MariaDB (systemctl status mariadb), atau perbaiki host dan port di DATABASE_URL",
  ENOTFOUND: "nama host di DATABASE_URL tidak dikenal: perbaiki host-nya",
  EAI_AGAIN: "nama host di DATABASE_URL belum dapat dicari (DNS): periksa jaringan server atau pakai alamat IP",
  ETIMEDOUT: "server database tidak menjawab: periksa jaringan dan firewall ke host dan port di DATABASE_URL",
  EHOSTUNREACH: "host database tidak terjangkau: periksa jaringan dan host di DATABASE_URL",
  ER_ACCESS_DENIED_ERROR: "user atau password di DATABASE_URL ditolak server: perbaiki, atau buat user itu dengan GRANT",
  ER_DBACCESS_DENIED_ERROR: "user di DATABASE_URL tidak punya hak atas database itu: GRANT ALL ON nama_db.* TO user",
  ER_BAD_DB_ERROR: "database itu belum ada: CREATE DATABASE nama_db CHARACTER SET utf8mb4, atau perbaiki namanya di DATABASE_URL",
  SQLITE_NOTADB: "berkas itu bukan database SQLite: perbaiki SQLITE_FILE, atau pulihkan berkasnya dari cadangan",
  SQLITE_CANTOPEN: "berkas tidak dapat dibuka: periksa hak akses berkas dan foldernya untuk pengguna yang menjalankan bot",
};
const OTHER_FIX = "periksa DATABASE_URL atau SQLITE_FILE di .env, dan log server database";

export async function checkDatabase(config: DatabaseConfig): Promise<Checked> {
  const name = databaseName(config);
  const lock = "kunci siaga (HOT_STANDBY)";
  if (config.client === "better-sqlite3" && !existsSync(config.connection)) {
    return {
      lines: [fail(`${name} belum ada`, "jalankan npm run migrate untuk membuatnya (npm start juga membuatnya)")],
      notChecked: [],
    };
  }
  const db = openDatabase(config);
  try {
    let status: MigrationStatus;
    try {
      status = await migrationStatus(db);
    } catch (err) {
      return { lines: [unusable(name, err)], notChecked: config.client === "mysql2" ? [lock] : [] };
    }
    const lines = [migrated(name, status)];
    if (config.client === "better-sqlite3") {
      lines.push(pass(`${lock}: tidak diperiksa, karena SQLite hanya untuk satu bot tanpa cadangan siaga`));
      return { lines, notChecked: [] };
    }
    try {
      const holder = await leaderLockHolder(db);
      const by = holder.host === undefined ? "" : ` dari ${holder.host}`;
      lines.push(
        pass(
          holder.connectionId === undefined
            ? `${lock} "${holder.lock}": bebas, tidak ada instance HOT_STANDBY yang sedang aktif`
            : `${lock} "${holder.lock}": dipegang koneksi ${holder.connectionId}${by}, instance yang sedang aktif`,
        ),
      );
    } catch (err) {
      lines.push(unusable(name, err));
    }
    return { lines, notChecked: [] };
  } finally {
    await db.destroy();
  }
}

function migrated(name: string, status: MigrationStatus): CheckLine {
  if (status.unknown.length > 0) {
    return fail(
      `${name} sudah dimigrasikan oleh versi Sinawai yang lebih baru (${status.unknown.join(", ")})`,
      "jalankan versi bot yang sama dengan yang terakhir memakai database ini, atau pulihkan database dari cadangan",
    );
  }
  if (status.pending.length > 0) {
    return fail(
      `${name}: ${status.pending.length} migrasi belum diterapkan: ${status.pending.join(", ")}`,
      "jalankan npm run migrate (npm start juga menerapkannya saat mulai)",
    );
  }
  return pass(`${name}: terhubung, skema terbaru (${status.applied.length} migrasi)`);
}

function unusable(name: string, err: unknown): CheckLine {
  const code = errorCode(err);
  const reason = err instanceof Error ? err.message : String(err);
  return fail(`${name} tidak dapat dipakai: ${reason}`, (code !== undefined ? FIXES[code] : undefined) ?? OTHER_FIX);
}

/** How the admin knows the database, without its password. */
function databaseName(config: DatabaseConfig): string {
  if (config.client === "better-sqlite3") return `database SQLite ${config.connection}`;
  const url = new URL(config.connection);
  const user = url.username === "" ? "" : `${decodeURIComponent(url.username)}@`;
  return `database MySQL ${user}${url.host}${decodeURIComponent(url.pathname)}`;
}

function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}
