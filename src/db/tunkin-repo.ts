// The only module with SQL on `tunkin` (performance allowance per employee per month).
import type { Db } from "./database.js";

export interface TunkinRow {
  nip: string;
  periode: string;
  kelas_jabatan: number | null;
  nominal: number;
  potongan: number;
  keterangan: string | null;
}

const CHUNK = 500;

/** MySQL may hand BIGINT amounts over as strings (supportBigNumbers); callers get numbers. */
const withNumbers = (r: TunkinRow): TunkinRow => ({ ...r, nominal: Number(r.nominal), potongan: Number(r.potongan) });

export async function latestTunkin(db: Db, nip: string, months: number): Promise<TunkinRow[]> {
  const rows = await db<TunkinRow>("tunkin")
    .where({ nip })
    .orderBy("periode", "desc")
    .limit(months)
    .select("nip", "periode", "kelas_jabatan", "nominal", "potongan", "keterangan");
  return rows.map(withNumbers);
}

export async function existingTunkinKeys(db: Db, nips: string[]): Promise<Set<string>> {
  const keys = new Set<string>();
  for (let i = 0; i < nips.length; i += CHUNK) {
    const rows = await db("tunkin").whereIn("nip", nips.slice(i, i + CHUNK)).select<{ nip: string; periode: string }[]>("nip", "periode");
    for (const r of rows) keys.add(`${r.nip}|${r.periode}`);
  }
  return keys;
}

export async function upsertTunkin(db: Db, rows: TunkinRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db("tunkin")
      .insert(rows.slice(i, i + CHUNK))
      .onConflict(["nip", "periode"])
      .merge(["kelas_jabatan", "nominal", "potongan", "keterangan"]);
  }
}

/** Every month stored for the employee, oldest first. */
export async function allTunkinOf(db: Db, nip: string): Promise<TunkinRow[]> {
  const rows = await db<TunkinRow>("tunkin").where({ nip }).orderBy("periode").select("nip", "periode", "kelas_jabatan", "nominal", "potongan", "keterangan");
  return rows.map(withNumbers);
}
