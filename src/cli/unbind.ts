// `npm run unbind -- NIP`: releases an employee's Telegram binding, e.g. after they changed phones.
import "dotenv/config";
import { loadDatabaseConfig } from "../config.js";
import { migrateToLatest, openDatabase } from "../db/database.js";
import { nip as readNip } from "../domain/csv-import/cells.js";
import { releaseTelegram } from "../domain/unbind.js";

const USAGE = `Pemakaian: npm run unbind -- NIP
Contoh:  npm run unbind -- 198501012010011001   (NIP berspasi juga boleh: 19850101 201001 1 001)`;

// NIPs are often written in groups (19850101 201001 1 001), which the shell splits into several arguments.
const typed = process.argv.slice(2).join("").replace(/\s/g, "");
const nip = readNip(typed);
if (!nip.ok) {
  if (typed !== "") console.error(`NIP tidak sah: ${nip.reason}`);
  console.error(USAGE);
  process.exit(2);
}

const db = openDatabase(loadDatabaseConfig(process.env));
try {
  await migrateToLatest(db);
  const result = await releaseTelegram(db, nip.value, Date.now());
  if (result.kind === "unknown-nip") {
    console.error(`NIP ${nip.value} tidak ada di data pegawai; tidak ada yang diubah.`);
    process.exitCode = 1;
  } else if (result.kind === "not-bound") {
    console.log(`${result.employee.nama} (NIP ${nip.value}) belum terhubung ke akun Telegram mana pun; tidak ada yang dilepas.`);
  } else {
    console.log(
      `Ikatan Telegram ${result.employee.nama} (NIP ${nip.value}) dilepas (id Telegram sebelumnya: ${result.previousAccount}). ` +
        "Ia dapat /daftar lagi dari akun Telegram barunya." +
        (result.droppedMessages > 0 ? ` ${result.droppedMessages} pesan yang masih antre untuk akun lama dibatalkan.` : ""),
    );
  }
} catch (err) {
  console.error("Gagal melepas ikatan Telegram:", err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
