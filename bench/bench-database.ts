// A fresh database for one scenario group: an SQLite file in a new temporary folder, or a `sinawai_bench_<random>`
// database on the MySQL/MariaDB server; remove() deletes it again.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DatabaseConfig } from "../src/config.js";
import { openDatabase, type Db } from "../src/db/database.js";

export type DatabaseKind = { label: "sqlite" } | { label: "mysql"; serverUrl: string };

export interface BenchDatabase {
  config: DatabaseConfig;
  /** The variables that point the bot at this database, as its .env would. */
  env: Record<string, string>;
  remove(): Promise<void>;
}

export async function createDatabase(kind: DatabaseKind): Promise<BenchDatabase> {
  if (kind.label === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "sinawai-bench-"));
    const file = path.join(dir, "sinawai.sqlite");
    return {
      config: { client: "better-sqlite3", connection: file },
      // Set empty rather than left out, so a DATABASE_URL in the bench's own environment cannot reach the bot.
      env: { SQLITE_FILE: file, DATABASE_URL: "" },
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `sinawai_bench_${randomBytes(6).toString("hex")}`;
  await onServer(kind.serverUrl, `CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = new URL(kind.serverUrl);
  url.pathname = `/${name}`;
  return {
    config: { client: "mysql2", connection: url.toString() },
    env: { DATABASE_URL: url.toString() },
    remove: () => onServer(kind.serverUrl, `DROP DATABASE IF EXISTS ${name}`),
  };
}

/** Runs one statement on the server itself: the database named in the URL need not exist. */
async function onServer(serverUrl: string, statement: string): Promise<void> {
  const url = new URL(serverUrl);
  url.pathname = "/";
  const server: Db = openDatabase({ client: "mysql2", connection: url.toString() });
  try {
    await server.raw(statement);
  } finally {
    await server.destroy();
  }
}
