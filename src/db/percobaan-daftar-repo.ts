// The only module with SQL on `percobaan_daftar`: failed /daftar tries, per Telegram account and per NIP.
import type { Db } from "./database.js";

export async function recordFailedTry(db: Db, keys: string[], now: number): Promise<void> {
  await db("percobaan_daftar").insert(keys.map((kunci) => ({ kunci, waktu: now })));
}

export async function countFailedTries(db: Db, key: string, since: number): Promise<{ count: number; oldest: number | null }> {
  const row = await db("percobaan_daftar")
    .where({ kunci: key })
    .where("waktu", ">=", since)
    .select(db.raw("count(*) as n"), db.raw("min(waktu) as oldest"))
    .first<{ n: number | string; oldest: number | string | null }>();
  return { count: Number(row?.n ?? 0), oldest: row?.oldest == null ? null : Number(row.oldest) };
}

export async function pruneFailedTries(db: Db, before: number): Promise<void> {
  await db("percobaan_daftar").where("waktu", "<", before).delete();
}
