// Fresh, migrated test databases: an SQLite file per call, and a MariaDB/MySQL database per call when configured.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DatabaseConfig } from "../../src/config.js";
import { migrateToLatest, openDatabase, type Db } from "../../src/db/database.js";

export interface TestDatabase {
  name: "sqlite" | "mysql";
  open(): Promise<Db>;
}

/** What `close` must do after destroying each open database: delete its file, or drop it on the server. */
const cleanups = new WeakMap<Db, () => Promise<void>>();
/** How to reach each open database from another connection (the bot under test opens its own). */
const configs = new WeakMap<Db, DatabaseConfig>();

export function configOf(db: Db): DatabaseConfig {
  const config = configs.get(db);
  if (!config) throw new Error("configOf: this database was not opened by testDatabases()");
  return config;
}

/**
 * SQLite always; MySQL when TEST_MYSQL_URL is set (e.g. mysql://root@127.0.0.1:3306/test). REQUIRE_MYSQL=1 makes
 * a missing URL an error, so CI cannot go green having silently skipped MySQL.
 */
export function testDatabases(): TestDatabase[] {
  const url = process.env.TEST_MYSQL_URL?.trim();
  if (!url && process.env.REQUIRE_MYSQL === "1") {
    throw new Error("REQUIRE_MYSQL=1 but TEST_MYSQL_URL is not set: the MySQL tests would be skipped");
  }
  const sqlite: TestDatabase = { name: "sqlite", open: openSqlite };
  return url ? [sqlite, { name: "mysql", open: () => openMysql(url) }] : [sqlite];
}

/** Destroys a database from `open()` and removes it for good. */
export async function close(db: Db): Promise<void> {
  await db.destroy();
  await cleanups.get(db)?.();
}

async function openSqlite(): Promise<Db> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sinawai-test-"));
  const config: DatabaseConfig = { client: "better-sqlite3", connection: path.join(dir, "test.sqlite") };
  const db = openDatabase(config);
  configs.set(db, config);
  cleanups.set(db, async () => rmSync(dir, { recursive: true, force: true }));
  return migrated(db);
}

async function openMysql(url: string): Promise<Db> {
  const name = `sinawai_test_${randomBytes(6).toString("hex")}`;
  await onServer(url, (server) => server.raw(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const config: DatabaseConfig = { client: "mysql2", connection: dbUrl.toString() };
  const db = openDatabase(config);
  configs.set(db, config);
  cleanups.set(db, () => onServer(url, (server) => server.raw(`DROP DATABASE IF EXISTS ${name}`)));
  return migrated(db);
}

async function migrated(db: Db): Promise<Db> {
  try {
    await migrateToLatest(db);
    return db;
  } catch (err) {
    await close(db);
    throw err;
  }
}

/** Runs one statement over a connection to the server itself, not to any database (TEST_MYSQL_URL's may not exist). */
async function onServer(url: string, statement: (server: Db) => PromiseLike<unknown>): Promise<void> {
  const serverUrl = new URL(url);
  serverUrl.pathname = "/";
  const server = openDatabase({ client: "mysql2", connection: serverUrl.toString() });
  try {
    await statement(server);
  } finally {
    await server.destroy();
  }
}
