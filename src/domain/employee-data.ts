// An employee's own HR data: personal record, allowance of the latest months, this year's leave.
import { cutiForYear } from "../db/cuti-repo.js";
import type { Db } from "../db/database.js";
import type { PenggunaRow } from "../db/pengguna-repo.js";
import { latestTunkin } from "../db/tunkin-repo.js";

export interface TunkinMonth {
  periode: string;
  kelasJabatan: number | null;
  nominal: number;
  potongan: number;
  diterima: number;
  keterangan: string | null;
}

export interface LeaveBalance {
  jenis: string;
  hak: number;
  terpakai: number;
  sisa: number;
}

export const TUNKIN_MONTHS = 3;

export async function tunkinOf(db: Db, pengguna: PenggunaRow): Promise<TunkinMonth[]> {
  const rows = await latestTunkin(db, pengguna.nip, TUNKIN_MONTHS);
  return rows.map((r) => ({
    periode: r.periode,
    kelasJabatan: r.kelas_jabatan,
    nominal: r.nominal,
    potongan: r.potongan,
    diterima: r.nominal - r.potongan,
    keterangan: r.keterangan,
  }));
}

export async function leaveOf(db: Db, pengguna: PenggunaRow, year: number): Promise<LeaveBalance[]> {
  const rows = await cutiForYear(db, pengguna.nip, year);
  return rows.map((r) => ({ jenis: r.jenis_cuti, hak: r.hak_hari, terpakai: r.terpakai_hari, sisa: r.hak_hari - r.terpakai_hari }));
}
