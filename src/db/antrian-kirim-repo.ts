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
  galat: string | null;
  id_pengumuman: number | null;
}

export interface NewAntrian {
  kunci: string;
  id_tiket: number | null;
  jenis: string;
  id_chat_tujuan: number;
  muatan: string;
  berikutnya: number;
  id_pengumuman?: number | null;
}

const CHUNK = 500;

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

/** Bulk form of `enqueue`, for announcements to every employee. */
export async function enqueueMany(db: Db, items: NewAntrian[], now: number): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) {
    await db("antrian_kirim")
      .insert(items.slice(i, i + CHUNK).map((item) => ({ ...item, status: "menunggu", percobaan: 0, dibuat: now })))
      .onConflict("kunci")
      .ignore();
  }
}

/** How an announcement's deliveries stand, and why the failed ones failed. */
export async function announcementOutcome(db: Db, id: number): Promise<{ menunggu: number; terkirim: number; gagal: number; diblokir: number }> {
  const rows = await db("antrian_kirim")
    .where({ id_pengumuman: id })
    .groupBy("status")
    .select<{ status: string; n: number | string }[]>("status", db.raw("count(*) as n"));
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  const [blocked] = await db("antrian_kirim")
    .where({ id_pengumuman: id, status: "gagal" })
    .where("galat", "like", "403%")
    .count<{ n: number | string }[]>({ n: "*" });
  return { menunggu: count("menunggu"), terkirim: count("terkirim"), gagal: count("gagal"), diblokir: Number(blocked?.n ?? 0) };
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

export async function countPendingFor(db: Db, chatId: number): Promise<number> {
  const [row] = await db("antrian_kirim").where({ status: "menunggu", id_chat_tujuan: chatId }).count<{ n: number | string }[]>({ n: "*" });
  return Number(row?.n ?? 0);
}
