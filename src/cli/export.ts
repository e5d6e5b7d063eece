// `npm run export -- NIP [--out FILE]`: writes everything stored about one employee as one JSON file only its
// owner can read (an access request under UU 27/2022), and says how many items of each kind it holds.
import "dotenv/config";
import { closeSync, fchmodSync, mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { migrateToLatest, openDatabase } from "../db/database.js";
import { EXPORT_PARTS, exportCounts, exportPersonalData, type ExportPart } from "../domain/personal-data-export.js";
import { wibDate } from "../report/period.js";
import { databaseConfigOrExit } from "./database-config.js";
import { parsePersonalDataArgs } from "./personal-data-args.js";
import { requestOrExit } from "./usage.js";

const USAGE = `Pemakaian: npm run export -- NIP [--out BERKAS.json]
  --out   berkas yang ditulis; bawaan: ekspor-NIP-TANGGAL.json
Contoh:  npm run export -- 198501012010011001   (NIP berspasi juga boleh: 19850101 201001 1 001)`;

const LABELS: Record<ExportPart, string> = {
  pengguna: "data pegawai (tanpa hash password)",
  tunkin: "tunjangan kinerja per bulan",
  cuti: "hak dan pemakaian cuti",
  tiket: "tiket konsultasi",
  tiket_pesan: "tautan pesan ke tiket",
  blokir: "pemblokiran oleh staf (siapa dan kapan)",
  topik: "topik grup staf (mode topik)",
  pesan: "pesan masuk dan keluar",
  antrian_kirim: "antrean kiriman",
  update_masuk: "kotak masuk update",
  percobaan_daftar: "percobaan /daftar yang gagal",
};

const request = requestOrExit(parsePersonalDataArgs(process.argv.slice(2), { out: true, yes: false }), USAGE);
if (request.kind === "bad-nip") {
  console.error(request.problem);
  process.exit(1);
}

const db = openDatabase(databaseConfigOrExit(process.env));
try {
  await migrateToLatest(db);
  const now = Date.now();
  const data = await exportPersonalData(db, request.nip, now);
  if (!data) {
    console.error(`NIP ${request.nip} tidak ada di data pegawai; tidak ada yang diekspor.`);
    process.exitCode = 1;
  } else {
    const out = path.resolve(request.out ?? `ekspor-${request.nip}-${wibDate(now)}.json`);
    writePrivateFile(out, `${JSON.stringify(data, null, 2)}\n`);
    const counts = exportCounts(data);
    console.log(`Data pribadi ${String(data.pengguna.nama)} (NIP ${request.nip}) ditulis ke ${out}`);
    console.log("Berkas hanya dapat dibaca pemiliknya (mode 0600). Serahkan lewat saluran yang aman, lalu hapus salinan ini.");
    for (const part of EXPORT_PARTS) console.log(`  ${part.padEnd(17)} ${String(counts[part]).padStart(6)}  ${LABELS[part]}`);
  }
} catch (err) {
  console.error("Gagal mengekspor data pribadi:", err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.destroy();
}

/** Readable by its owner only (a folder made for it too), even when a file of that name existed with wider permissions. */
function writePrivateFile(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const fd = openSync(file, "w", 0o600);
  try {
    // The mode of openSync applies only to a file it creates.
    fchmodSync(fd, 0o600);
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}
