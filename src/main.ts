// The process entry of `npm start`: loads .env and the configuration, starts the app, and stops it on SIGINT/SIGTERM.
import dotenv from "dotenv";
import { ConfigError, loadConfig } from "./config.js";
import { ContentError } from "./content/content-store.js";
import { formatProblem } from "./content/load-content.js";
import { createLogger } from "./logger.js";
import { startApp } from "./app.js";

dotenv.config({ quiet: true });

/**
 * The exit status after losing the leader lock (HOT_STANDBY): "try again later", for systemd's Restart=on-failure,
 * which starts the process again as a standby.
 */
const EXIT_LEADERSHIP_LOST = 75;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    for (const problem of err.problems) console.error(`Konfigurasi: ${problem}`);
    process.exit(1);
  }
  const log = createLogger(config.logLevel);
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("menghentikan bot", { signal });
    // Still starting or standing by (waiting for the database, Telegram or the leader lock): nothing is in flight yet.
    if (!app) process.exit(0);
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error("gagal berhenti dengan rapi", { error: String(err) });
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  try {
    app = await startApp(config, log);
    // No orderly stop: the instance already calls Telegram no more, and a standby may be taking over. Ending the
    // process as a crash would is the path the restart code is built and tested for: updates and the queue resume
    // from the database in whichever instance is active next, this one included once systemd restarts it.
    void app.leadershipLost.then((err) => {
      log.error("kunci pemimpin hilang: berhenti sekarang agar instance siaga mengambil alih", { error: err.message });
      process.exit(EXIT_LEADERSHIP_LOST);
    });
  } catch (err) {
    if (!(err instanceof ContentError)) throw err;
    for (const problem of err.problems) console.error(formatProblem(problem));
    console.error(`Konten di ${config.contentDir} tidak valid; perbaiki lalu jalankan ulang (cek dengan: npm run content:check).`);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  console.error("Sinawai gagal berjalan:", err instanceof Error ? err.message : err);
  console.error("Periksa pengaturan dengan: npm run doctor");
  process.exit(1);
});
