// `npm run erase -- NIP [--yes]`: after confirmation, erases what the bot stored about one employee's use of it
// (an erasure request under UU 27/2022) and says what it removed per table.
import "dotenv/config";
import { createInterface } from "node:readline/promises";
import { migrateToLatest, openDatabase } from "../db/database.js";
import { findByNip } from "../db/pengguna-repo.js";
import { erasePersonalData, type ErasureResult } from "../domain/personal-data-erasure.js";
import { databaseConfigOrExit } from "./database-config.js";
import { confirmsErasure, parsePersonalDataArgs } from "./personal-data-args.js";
import { requestOrExit } from "./usage.js";

const USAGE = `Pemakaian: npm run erase -- NIP [--yes]
  --yes   tanpa pertanyaan konfirmasi (untuk skrip; tanpa terminal, --yes wajib)
Contoh:  npm run erase -- 198501012010011001   (NIP berspasi juga boleh: 19850101 201001 1 001)
Sebelum menghapus, buat salinannya bila diperlukan: npm run export -- NIP`;

const request = requestOrExit(parsePersonalDataArgs(process.argv.slice(2), { out: false, yes: true }), USAGE);
if (request.kind === "bad-nip") {
  console.error(request.problem);
  process.exit(1);
}
if (!request.yes && !process.stdin.isTTY) {
  console.error("Penghapusan perlu konfirmasi, tetapi tidak ada terminal untuk bertanya. Jalankan dari terminal, atau tambahkan --yes.");
  process.exit(1);
}

const db = openDatabase(databaseConfigOrExit(process.env));
try {
  await migrateToLatest(db);
  const employee = await findByNip(db, request.nip);
  if (!employee) {
    console.error(`NIP ${request.nip} tidak ada di data pegawai; tidak ada yang dihapus.`);
    process.exitCode = 1;
  } else if (!request.yes && !(await confirmed(`${employee.nama} (NIP ${request.nip})`, request.nip))) {
    console.log("Dibatalkan; tidak ada yang dihapus.");
    process.exitCode = 1;
  } else {
    const result = await erasePersonalData(db, request.nip, Date.now());
    if (result) printResult(result, request.nip);
  }
} catch (err) {
  console.error("Gagal menghapus data pribadi:", err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.destroy();
}

async function confirmed(who: string, nip: string): Promise<boolean> {
  console.log(
    `Yang akan dihapus tentang ${who}: pesannya ke dan dari bot (termasuk salinan di grup staf), antrean kirimannya, ` +
      "kotak masuk update, percobaan /daftar, dan ikatan akun Telegram-nya. Tiketnya tetap dihitung tanpa isi.",
  );
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return confirmsErasure(await prompt.question(`Ketik NIP-nya atau "ya" untuk menghapus: `), nip);
  } finally {
    prompt.close();
  }
}

function printResult(r: ErasureResult, nip: string): void {
  const rows = (n: number) => `${String(n).padStart(6)} baris dihapus`;
  console.log(`Data pribadi ${r.nama} (NIP ${nip}) dihapus:`);
  console.log(`  pesan             ${rows(r.deleted.pesan)}  (pesan masuk dan keluar, salinannya di grup staf)`);
  console.log(`  antrian_kirim     ${rows(r.deleted.antrian_kirim)}  (kiriman ke dan dari dia)`);
  console.log(`  update_masuk      ${rows(r.deleted.update_masuk)}`);
  console.log(`  tiket_pesan       ${rows(r.deleted.tiket_pesan)}`);
  console.log(`  percobaan_daftar  ${rows(r.deleted.percobaan_daftar)}`);
  console.log(`  topik             ${rows(r.deleted.topik)}  (topik grup staf dilupakan; topiknya sendiri tetap di Telegram sampai staf menghapusnya)`);
  console.log(`  tiket             ${String(r.ticketsKept).padStart(6)} disimpan tanpa id chat: waktu tanya, jawab dan tutup tetap dihitung laporan layanan`);
  console.log(`  pengguna          ikatan Telegram ${r.unbound ? "dilepas (id_telegram dan terdaftar_pada dikosongkan)" : "tidak ada"}`);
  if (r.ticketsOpen > 0) {
    console.log(`${r.ticketsOpen} tiketnya masih terbuka: tutup dari grup staf (balas /selesai); jawaban tidak akan sampai lagi.`);
  }
  console.log(
    "Data kepegawaian (pengguna, tunkin, cuti) TIDAK dihapus: itu arsip kepegawaian milik Biro OSDM yang dikelola lewat " +
      "npm run import, bukan data yang dikumpulkan bot.",
  );
  console.log("Pesan yang sudah ada di aplikasi Telegram (chat pribadinya dan grup staf) tidak terhapus oleh perintah ini.");
}
