// `npm run doctor`: checks everything the bot needs to run and prints one line per check, `✓ what is right` or
// `✗ what is wrong → how to fix it`; exits 1 when any check failed.
import dotenv from "dotenv";
import path from "node:path";
import { runDoctor } from "../ops/doctor.js";

const ENV_FILE = ".env";

const loaded = dotenv.config({ path: ENV_FILE, quiet: true });
const envFile = loaded.error === undefined ? path.resolve(ENV_FILE) : undefined;
const { lines, notChecked } = await runDoctor(process.env, envFile);
for (const line of lines) console.log(line.ok ? `✓ ${line.what}` : `✗ ${line.what} → ${line.fix}`);
if (notChecked.length > 0) console.log(`Belum diperiksa karena masalah di atas: ${notChecked.join(", ")}.`);
const failures = lines.filter((line) => !line.ok).length;
if (failures > 0) {
  console.log(`${failures} masalah perlu diperbaiki; jalankan npm run doctor lagi sesudahnya.`);
  process.exitCode = 1;
} else {
  console.log("Semua pemeriksaan lulus: bot siap dijalankan (npm start).");
}
