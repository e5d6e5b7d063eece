// The only module with SQL on `pengguna` (employees and their Telegram binding).
import type { Db } from "./database.js";

export interface PenggunaRow {
  id: number;
  nip: string;
  nama: string;
  password: string | null;
  id_telegram: number | null;
  status: string;
  hak_pengguna: string;
  jabatan: string | null;
  unit_kerja: string | null;
  pangkat_golongan: string | null;
  terdaftar_pada: number | null;
  dibuat: number;
  diubah: number;
}

/** The columns an HR export sets; `password` is a hash. Undefined keeps the stored value, null clears it. */
export interface PenggunaData {
  nip: string;
  nama: string;
  password?: string;
  jabatan?: string | null;
  unit_kerja?: string | null;
  pangkat_golongan?: string | null;
  hak_pengguna?: string;
  status?: string;
}

const TABLE = "pengguna";
const CHUNK = 500;

function normalize(row: PenggunaRow | undefined): PenggunaRow | undefined {
  if (!row) return undefined;
  return { ...row, id_telegram: row.id_telegram === null ? null : Number(row.id_telegram) };
}

export async function findByTelegramId(db: Db, telegramId: number): Promise<PenggunaRow | undefined> {
  return normalize(await db<PenggunaRow>(TABLE).where({ id_telegram: telegramId }).first());
}

export async function findByNip(db: Db, nip: string): Promise<PenggunaRow | undefined> {
  return normalize(await db<PenggunaRow>(TABLE).where({ nip }).first());
}

/** Binds only if the employee is still unbound, so two accounts racing for one NIP cannot both win. */
export async function bindTelegram(db: Db, nip: string, telegramId: number, now: number): Promise<boolean> {
  const changed = await db(TABLE)
    .where({ nip })
    .whereNull("id_telegram")
    .update({ id_telegram: telegramId, terdaftar_pada: now, diubah: now });
  return changed === 1;
}

export async function unbindTelegram(db: Db, nip: string, now: number): Promise<number | null | undefined> {
  return db.transaction(async (trx) => {
    const row = await findByNip(trx, nip);
    if (!row) return undefined;
    await trx(TABLE).where({ nip }).update({ id_telegram: null, terdaftar_pada: null, diubah: now });
    return row.id_telegram;
  });
}

export async function existingNips(db: Db, nips: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < nips.length; i += CHUNK) {
    const rows = await db(TABLE).whereIn("nip", nips.slice(i, i + CHUNK)).select<{ nip: string }[]>("nip");
    for (const r of rows) found.add(r.nip);
  }
  return found;
}

/**
 * Inserts new employees and updates existing ones by NIP. A field left undefined keeps its stored value (a new
 * employee gets the column default), null clears it; the Telegram binding is never touched.
 */
export async function upsertPengguna(db: Db, rows: PenggunaData[], now: number): Promise<void> {
  // Rows that set the same fields share one statement: a bulk insert needs the same columns in every row.
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const record = Object.fromEntries(Object.entries({ ...row, dibuat: now, diubah: now }).filter(([, v]) => v !== undefined));
    const signature = Object.keys(record).join(",");
    groups.set(signature, [...(groups.get(signature) ?? []), record]);
  }
  for (const [signature, records] of groups) {
    const updatable = signature.split(",").filter((c) => c !== "nip" && c !== "dibuat");
    for (let i = 0; i < records.length; i += CHUNK) {
      await db(TABLE).insert(records.slice(i, i + CHUNK)).onConflict("nip").merge(updatable);
    }
  }
}

/** The private chats of every registered active employee: an announcement's recipients. */
export async function activeRegisteredChats(db: Db): Promise<number[]> {
  const rows = await db(TABLE).where({ status: "aktif" }).whereNotNull("id_telegram").orderBy("id").select<{ id_telegram: number | string }[]>("id_telegram");
  return rows.map((r) => Number(r.id_telegram));
}
