// Demo data for trying the bot: four employees (passwords in the README), their allowance and leave.
// Safe to run again: rows are upserted by their keys and Telegram bindings are kept.
import type { Db } from "../src/db/database.js";
import { upsertCuti } from "../src/db/cuti-repo.js";
import { upsertPengguna } from "../src/db/pengguna-repo.js";
import { upsertTunkin } from "../src/db/tunkin-repo.js";
import { hashPassword } from "../src/domain/passwords.js";

export const DEMO_PASSWORD = "demo1234";

const EMPLOYEES = [
  { nip: "198501012010011001", nama: "Budi Santoso", jabatan: "Analis SDM Aparatur Ahli Muda", unit_kerja: "Biro Organisasi dan SDM", pangkat_golongan: "Penata Tk. I (III/d)", kelas: 9, tunkin: 5_079_000 },
  { nip: "199002022015032002", nama: "Siti Rahmawati", jabatan: "Pranata Komputer Ahli Pertama", unit_kerja: "Pusat Data dan Informasi", pangkat_golongan: "Penata Muda Tk. I (III/b)", kelas: 8, tunkin: 4_595_150 },
  { nip: "197912122005011004", nama: "Dewi Lestari", jabatan: "Kepala Bagian Kepegawaian", unit_kerja: "Biro Organisasi dan SDM", pangkat_golongan: "Pembina (IV/a)", kelas: 12, tunkin: 9_896_000, hak_pengguna: "admin" },
  { nip: "198703032012121003", nama: "Andi Wijaya", jabatan: "Analis Kebijakan Ahli Pertama", unit_kerja: "Direktorat Kebijakan", pangkat_golongan: "Penata Muda (III/a)", kelas: 8, tunkin: 4_595_150, status: "nonaktif" },
];

/** The last `count` months before `now`, newest first, as YYYY-MM. */
function lastMonths(now: Date, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i - 1, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  });
}

export async function seedDemo(db: Db, now = new Date()): Promise<void> {
  const password = await hashPassword(DEMO_PASSWORD);
  await upsertPengguna(
    db,
    EMPLOYEES.map(({ kelas: _k, tunkin: _t, ...e }) => ({ ...e, password })),
    now.getTime(),
  );
  const months = lastMonths(now, 3);
  await upsertTunkin(
    db,
    EMPLOYEES.flatMap((e) =>
      months.map((periode, i) => ({
        nip: e.nip,
        periode,
        kelas_jabatan: e.kelas,
        nominal: e.tunkin,
        potongan: i === 1 ? Math.round(e.tunkin * 0.03) : 0,
        keterangan: i === 1 ? "Potongan keterlambatan 3%" : null,
      })),
    ),
  );
  const year = now.getUTCFullYear();
  await upsertCuti(
    db,
    EMPLOYEES.flatMap((e, i) => [
      { nip: e.nip, tahun: year, jenis_cuti: "Cuti Tahunan", hak_hari: 12, terpakai_hari: 3 + i },
      { nip: e.nip, tahun: year, jenis_cuti: "Cuti Sakit", hak_hari: 14, terpakai_hari: i % 2 },
    ]),
  );
}
