// The only module with SQL on `antrian_kirim`, the durable queue of outgoing relay messages.
import type { Db } from "./database.js";

export interface AntrianRow {
  id: number;
  kunci: string;
  id_tiket: number | null;
  jenis: string;
  id_chat_tujuan: number;
  muatan: string;
  status: "menunggu" | "terkirim" | "gagal";
  percobaan: number;
  berikutnya: number;
  hasil: string | null;
}

export interface NewAntrian {
  kunci: string;
  id_tiket: number | null;
  jenis: string;
  id_chat_tujuan: number;
  muatan: string;
  berikutnya: number;
}

function normalize(row: AntrianRow): AntrianRow {
  return { ...row, id: Number(row.id), id_chat_tujuan: Number(row.id_chat_tujuan), berikutnya: Number(row.berikutnya) };
}

/** Idempotent by `kunci`: the same message enqueued twice (a redelivered update) is queued once. Returns true if new. */
export async function enqueue(db: Db, item: NewAntrian, now: number): Promise<boolean> {
  const existing = await findByKey(db, item.kunci);
  if (existing) return false;
  await db("antrian_kirim").insert({ ...item, status: "menunggu", percobaan: 0, dibuat: now }).onConflict("kunci").ignore();
  return true;
}

export async function findByKey(db: Db, kunci: string): Promise<AntrianRow | undefined> {
  const row = await db("antrian_kirim").where({ kunci }).first<AntrianRow | undefined>();
  return row && normalize(row);
}

export async function findById(db: Db, id: number): Promise<AntrianRow | undefined> {
  const row = await db("antrian_kirim").where({ id }).first<AntrianRow | undefined>();
  return row && normalize(row);
}

export async function updatePending(db: Db, id: number, muatan: string, berikutnya: number): Promise<void> {
  await db("antrian_kirim").where({ id, status: "menunggu" }).update({ muatan, berikutnya });
}

export async function pendingItems(db: Db, limit: number): Promise<AntrianRow[]> {
  const rows = await db("antrian_kirim").where({ status: "menunggu" }).orderBy("id").limit(limit).select<AntrianRow[]>();
  return rows.map(normalize);
}

/** How far a multi-step item got: steps done and the message ids they produced. */
export interface Progress {
  steps: number;
  ids: number[];
}

export function progressOf(row: AntrianRow): Progress {
  return row.hasil ? (JSON.parse(row.hasil) as Progress) : { steps: 0, ids: [] };
}

export async function saveProgress(db: Db, id: number, hasil: Progress): Promise<void> {
  await db("antrian_kirim").where({ id }).update({ hasil: JSON.stringify(hasil) });
}

export async function markSent(db: Db, id: number, hasil: Progress, now: number): Promise<void> {
  await db("antrian_kirim").where({ id }).update({ status: "terkirim", hasil: JSON.stringify(hasil), dikirim: now, galat: null });
}

export async function reschedule(db: Db, id: number, percobaan: number, berikutnya: number, galat: string): Promise<void> {
  await db("antrian_kirim").where({ id }).update({ percobaan, berikutnya, galat: galat.slice(0, 500) });
}

export async function markFailed(db: Db, id: number, galat: string, now: number): Promise<void> {
  await db("antrian_kirim").where({ id }).update({ status: "gagal", galat: galat.slice(0, 500), dikirim: now });
}

export async function countByStatus(db: Db, status: AntrianRow["status"]): Promise<number> {
  const [row] = await db("antrian_kirim").where({ status }).count<{ n: number | string }[]>({ n: "*" });
  return Number(row?.n ?? 0);
}
