// `npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD [--out FILE.html]`: writes the service report of a period
// (dates in WIB, both included) as one self-contained HTML file, first answers judged against TARGET_JAWAB_JAM.
import "dotenv/config";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, loadReportConfig, type ReportConfig } from "../config.js";
import { formatProblem, loadContent } from "../content/load-content.js";
import { migrateToLatest, openDatabase } from "../db/database.js";
import { HOUR_MS } from "../db/report-queries.js";
import { parseReportArgs } from "../report/report-args.js";
import { formatPeriod } from "../report/report-format.js";
import { buildServiceReport } from "../report/service-report.js";
import { requestOrExit } from "./usage.js";

const USAGE = `Pemakaian: npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD [--out BERKAS.html]
  --from  tanggal pertama periode (WIB), ikut dihitung
  --to    tanggal terakhir periode (WIB), ikut dihitung
  --out   berkas HTML yang ditulis; bawaan: laporan-DARI_SAMPAI.html
Contoh:  npm run report -- --from 2026-11-01 --to 2026-11-30`;

const request = requestOrExit(parseReportArgs(process.argv.slice(2)), USAGE);

const config = reportConfig();
const loaded = await loadContent(config.contentDir);
if (!loaded.ok) {
  console.error(`Folder konten "${config.contentDir}" tidak valid, jadi judul topik dan jam layanan tidak dapat dibaca:\n${loaded.problems.map(formatProblem).join("\n")}`);
  process.exit(1);
}

const db = openDatabase(config.database);
try {
  await migrateToLatest(db);
  const target = { hours: loaded.content.serviceHours, targetMs: config.answerTargetHours * HOUR_MS };
  const html = await buildServiceReport(db, request.period, Date.now(), loaded.content, target);
  const out = path.resolve(request.out);
  // The report names staff and counts employees' questions: a new file, and a folder made for it, are the
  // owner's alone. A file that already exists keeps the mode its owner gave it.
  mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 });
  writeFileSync(out, html, { mode: 0o600 });
  console.log(`Laporan periode ${formatPeriod(request.period)} ditulis ke ${out}`);
} catch (err) {
  console.error("Gagal membuat laporan:", err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.destroy();
}

/** A configuration problem is the admin's to fix: said plainly, without a stack trace. */
function reportConfig(): ReportConfig {
  try {
    return loadReportConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
