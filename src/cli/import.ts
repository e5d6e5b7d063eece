// `npm run import -- <pegawai|tunkin|cuti> FILE.csv|FILE.xlsx`: reads the file, runs the import and prints its outcome.
import "dotenv/config";
import { readFile } from "node:fs/promises";
import { loadDatabaseConfig } from "../config.js";
import { migrateToLatest, openDatabase } from "../db/database.js";
import { ACCEPTED_FILES, formatOf } from "../domain/csv-import/file-format.js";
import { importFile, isImportKind, type ImportProgress } from "../domain/csv-import/import-service.js";
import { placeOf } from "../domain/csv-import/table.js";

const USAGE = `Pemakaian: npm run import -- <jenis> BERKAS.csv|BERKAS.xlsx
  jenis: pegawai, tunkin atau cuti
  berkas: ${ACCEPTED_FILES}; dari .xlsx dibaca lembar pertama
Contoh:  npm run import -- pegawai pegawai-2024.xlsx
Kolom tiap jenis dijelaskan di README, bagian "Impor data dari CSV dan Excel".`;

const STAGES: Record<ImportProgress["stage"], string> = {
  hash: "Mengamankan password",
  write: "Menyimpan baris",
};

const [kind, file, ...rest] = process.argv.slice(2);
if (!isImportKind(kind) || file === undefined || rest.length > 0) {
  if (kind !== undefined && !isImportKind(kind)) console.error(`Jenis impor tidak dikenal: ${kind}`);
  console.error(USAGE);
  process.exit(2);
}
const format = formatOf(file);
if (format === undefined) {
  console.error(`Jenis berkas tidak diterima: ${file}; yang diterima: ${ACCEPTED_FILES}\n${USAGE}`);
  process.exit(2);
}
const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
  console.error(`Berkas tidak dapat dibaca: ${file} (${err.code ?? err.message})\n${USAGE}`);
  process.exit(2);
});

const db = openDatabase(loadDatabaseConfig(process.env));
try {
  await migrateToLatest(db);
  const result = await importFile(db, kind, bytes, {
    format,
    onProgress: (p) => console.error(`${STAGES[p.stage]}: ${p.done}/${p.total}`),
  });
  // FILE:LINE: is the form editors and terminals turn into a link to the line; FILE:SHEET!ROW the one Excel users read.
  const at = (line: number) => placeOf(file, result.sheet, line);
  for (const w of result.warnings) console.error(`${at(w.line)}: peringatan: ${w.message}`);
  if (result.ok) {
    console.log(`Selesai: ${result.inserted} ditambahkan, ${result.updated} diperbarui.`);
  } else {
    for (const p of result.problems) console.error(`${at(p.line)}: ${p.message}`);
    console.error(
      `Berkas ditolak karena ${result.problems.length} masalah di atas; tidak ada data yang disimpan. ` +
        "Perbaiki lalu impor ulang seluruh berkas.",
    );
    process.exitCode = 1;
  }
} catch (err) {
  console.error("Impor gagal, tidak ada data yang disimpan:", err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
