// The only module with SQL on `cuti` (leave entitlement per employee, year and leave type).
import type { Db } from "./database.js";

export interface CutiRow {
  nip: string;
  tahun: number;
  jenis_cuti: string;
  hak_hari: number;
  terpakai_hari: number;
}

const CHUNK = 500;

export async function cutiForYear(db: Db, nip: string, tahun: number): Promise<CutiRow[]> {
  return db<CutiRow>("cuti")
    .where({ nip, tahun })
    .orderBy("jenis_cuti")
    .select("nip", "tahun", "jenis_cuti", "hak_hari", "terpakai_hari");
}

export async function existingCutiKeys(db: Db, nips: string[]): Promise<Set<string>> {
  const keys = new Set<string>();
  for (let i = 0; i < nips.length; i += CHUNK) {
    const rows = await db("cuti")
      .whereIn("nip", nips.slice(i, i + CHUNK))
      .select<{ nip: string; tahun: number; jenis_cuti: string }[]>("nip", "tahun", "jenis_cuti");
    for (const r of rows) keys.add(`${r.nip}|${r.tahun}|${r.jenis_cuti}`);
  }
  return keys;
}

export async function upsertCuti(db: Db, rows: CutiRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db("cuti")
      .insert(rows.slice(i, i + CHUNK))
      .onConflict(["nip", "tahun", "jenis_cuti"])
      .merge(["hak_hari", "terpakai_hari"]);
  }
}

/** Every year and leave type stored for the employee. */
export async function allCutiOf(db: Db, nip: string): Promise<CutiRow[]> {
  return db<CutiRow>("cuti").where({ nip }).orderBy(["tahun", "jenis_cuti"]).select("nip", "tahun", "jenis_cuti", "hak_hari", "terpakai_hari");
}
