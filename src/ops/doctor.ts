// npm run doctor's story: the configuration first, then what it points at (database, content, Telegram), each check
// that cannot run because an earlier one failed named rather than run.
import { ConfigError, loadConfig, loadDatabaseConfig, type Config, type DatabaseConfig } from "../config.js";
import { fail, pass, type Checked } from "./check.js";
import { checkContent } from "./content-checks.js";
import { checkDatabase } from "./database-checks.js";
import { checkTelegram } from "./telegram-checks.js";

/** Long enough for Telegram from a slow link, short enough that a dead network is told within seconds. */
const TELEGRAM_TIMEOUT_MS = 5_000;

/** `envFile`: the .env read into `env`, if there was one, so the admin sees which file was meant. */
export async function runDoctor(env: NodeJS.ProcessEnv, envFile: string | undefined): Promise<Checked> {
  const source = envFile === undefined ? "environment; tidak ada berkas .env di folder ini" : `${envFile} dan environment`;
  let config: Config | undefined;
  let database: DatabaseConfig | undefined;
  const found: Checked = { lines: [], notChecked: [] };
  try {
    config = loadConfig(env);
    database = config.database;
    found.lines.push(pass(`konfigurasi lengkap dan sah (dari ${source})`));
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    found.lines.push(...err.problems.map((problem) => fail(`konfigurasi: ${problem}`, `lihat contoh di .env.example (dibaca dari ${source})`)));
    database = databaseOf(env);
  }
  const add = (more: Checked) => {
    found.lines.push(...more.lines);
    found.notChecked.push(...more.notChecked);
  };
  if (database) add(await checkDatabase(database));
  else found.notChecked.push("database");
  if (!config) {
    found.notChecked.push("konten", "dokumen", "Telegram", "grup staf");
    return found;
  }
  add(await checkContent(config.contentDir));
  add(await checkTelegram(config, TELEGRAM_TIMEOUT_MS));
  return found;
}

/** The database settings may be right while another setting is wrong; their own problems are already listed. */
function databaseOf(env: NodeJS.ProcessEnv): DatabaseConfig | undefined {
  try {
    return loadDatabaseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return undefined;
    throw err;
  }
}
