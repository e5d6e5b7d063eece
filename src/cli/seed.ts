// `npm run seed`: loads the demo data into the configured database (migrating it first).
import "dotenv/config";
import { loadDatabaseConfig } from "../config.js";
import { migrateToLatest, openDatabase } from "../db/database.js";
import { DEMO_PASSWORD, seedDemo } from "../../seeds/demo.js";

const db = openDatabase(loadDatabaseConfig(process.env));
try {
  await migrateToLatest(db);
  await seedDemo(db);
  console.log(`Data demo dimuat: 4 pegawai (password ${DEMO_PASSWORD}), tunjangan 3 bulan terakhir, cuti tahun ini.`);
} catch (err) {
  console.error("Gagal memuat data demo:", err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
