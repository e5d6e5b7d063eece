// `npm run migrate`: brings the configured database to the latest schema (the bot also does this at start).
import "dotenv/config";
import { loadDatabaseConfig } from "../config.js";
import { migrateToLatest, openDatabase } from "../db/database.js";

const config = loadDatabaseConfig(process.env);
const db = openDatabase(config);
try {
  const applied = await migrateToLatest(db);
  console.log(applied.length ? `Migrasi diterapkan: ${applied.join(", ")}` : "Skema basis data sudah terbaru.");
} catch (err) {
  console.error(`Migrasi gagal (${config.client}):`, err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
