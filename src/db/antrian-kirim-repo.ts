// The only module with SQL on `antrian_kirim`, the durable queue of outgoing messages. Rows in, rows out: what
// the columns mean (kinds, payloads, keys) is src/domain/outbox.ts's business.
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
  diblokir: boolean;
}

export interface NewAntrian {
  kunci: string;
  id_tiket: number | null;
  jenis: string;
  id_chat_tujuan: number;
  muatan: string;
  berikutnya: number;
  id_pengumuman: number | null;
}

const CHUNK = 500;

/** What a pending item is and where and when it goes; not its payload, read when its turn comes. */
export type PendingRow = Pick<AntrianRow, "id" | "jenis" | "id_tiket" | "id_chat_tujuan" | "berikutnya">;

/** MySQL hands BIGINT columns back as strings. */
function normalizePending<R extends PendingRow>(row: R): R {
  return {
    ...row,
    id: Number(row.id),
    id_tiket: row.id_tiket === null ? null : Number(row.id_tiket),
    id_chat_tujuan: Number(row.id_chat_tujuan),
    berikutnya: Number(row.berikutnya),
  };
}

function normalize(row: AntrianRow): AntrianRow {
  return {
    ...normalizePending(row),
    percobaan: Number(row.percobaan),
    id_pengumuman: row.id_pengumuman === null ? null : Number(row.id_pengumuman),
    diblokir: Boolean(row.diblokir),
  };
}

const fresh = (item: NewAntrian, now: number) => ({ ...item, status: "menunggu", percobaan: 0, dibuat: now, diblokir: false });

/** Idempotent by `kunci`: the same message enqueued twice (a redelivered update) is queued once. */
export async function insertItems(db: Db, items: NewAntrian[], now: number): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) {
    await db("antrian_kirim")
      .insert(items.slice(i, i + CHUNK).map((item) => fresh(item, now)))
      .onConflict("kunci")
      .ignore();
  }
}

/** How an announcement's deliveries stand, and how many failed because the employee blocked the bot. */
export async function announcementOutcome(db: Db, id: number): Promise<{ menunggu: number; terkirim: number; gagal: number; diblokir: number }> {
  const rows = await db("antrian_kirim")
    .where({ id_pengumuman: id })
    .groupBy("status", "diblokir")
    .select<{ status: string; diblokir: number | boolean; n: number | string }[]>("status", "diblokir", db.raw("count(*) as n"));
  const count = (match: (r: (typeof rows)[number]) => boolean) => rows.filter(match).reduce((sum, r) => sum + Number(r.n), 0);
  return {
    menunggu: count((r) => r.status === "menunggu"),
    terkirim: count((r) => r.status === "terkirim"),
    gagal: count((r) => r.status === "gagal"),
    diblokir: count((r) => r.status === "gagal" && Boolean(r.diblokir)),
  };
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

/** Replaces the payload whatever the item's state: an edited message's text, kept as the latest version. */
export async function replacePayload(db: Db, id: number, muatan: string): Promise<void> {
  await db("antrian_kirim").where({ id }).update({ muatan });
}

export async function pendingItems(db: Db, limit: number): Promise<PendingRow[]> {
  const rows = await db("antrian_kirim")
    .where({ status: "menunggu" })
    .orderBy("id")
    .limit(limit)
    .select<PendingRow[]>("id", "jenis", "id_tiket", "id_chat_tujuan", "berikutnya");
  return rows.map(normalizePending);
}

/** How many items wait, and when the oldest of them was queued (null when none waits). */
export async function pendingSummary(db: Db): Promise<{ count: number; oldest: number | null }> {
  const row = await db("antrian_kirim")
    .where({ status: "menunggu" })
    .first<{ n: number | string; oldest: number | string | null }>(db.raw("COUNT(*) AS n"), db.raw("MIN(dibuat) AS oldest"));
  return { count: Number(row?.n ?? 0), oldest: row?.oldest == null ? null : Number(row.oldest) };
}

export async function saveProgress(db: Db, id: number, hasil: string): Promise<void> {
  await db("antrian_kirim").where({ id }).update({ hasil });
}

export async function markSent(db: Db, id: number, hasil: string, now: number): Promise<void> {
  await db("antrian_kirim").where({ id }).update({ status: "terkirim", hasil, dikirim: now, galat: null });
}

export async function reschedule(db: Db, id: number, percobaan: number, berikutnya: number, galat: string): Promise<void> {
  await db("antrian_kirim").where({ id }).update({ percobaan, berikutnya, galat: galat.slice(0, 500) });
}

export async function markFailed(db: Db, id: number, galat: string, blocked: boolean, now: number): Promise<void> {
  await db("antrian_kirim").where({ id }).update({ status: "gagal", galat: galat.slice(0, 500), diblokir: blocked, dikirim: now });
}

/** Pending items to these chats are given up: nobody is to receive them any more (the account was unbound). */
export async function cancelPendingTo(db: Db, chatId: number, galat: string, now: number): Promise<number> {
  return db("antrian_kirim").where({ status: "menunggu", id_chat_tujuan: chatId }).update({ status: "gagal", galat: galat.slice(0, 500), dikirim: now });
}

export async function countPendingFor(db: Db, chatId: number): Promise<number> {
  const [row] = await db("antrian_kirim").where({ status: "menunggu", id_chat_tujuan: chatId }).count<{ n: number | string }[]>({ n: "*" });
  return Number(row?.n ?? 0);
}

// Personal data (UU 27/2022): retention and a person's access and erasure requests.

/** Deletes delivered and failed items created before `before`, with the copies of messages they carry. */
export async function deleteSettledBefore(db: Db, before: number): Promise<number> {
  return db("antrian_kirim").whereIn("status", ["terkirim", "gagal"]).where("dibuat", "<", before).delete();
}

function ofPerson(db: Db, chatIds: number[], ticketIds: number[]) {
  return db("antrian_kirim").where((q) => {
    if (chatIds.length > 0) q.whereIn("id_chat_tujuan", chatIds);
    if (ticketIds.length > 0) q.orWhereIn("id_tiket", ticketIds);
  });
}

/** Items to these chats or of these tickets, every column, oldest first. */
export async function outboxItemsOf(db: Db, chatIds: number[], ticketIds: number[]): Promise<AntrianRow[]> {
  if (chatIds.length === 0 && ticketIds.length === 0) return [];
  const rows = await ofPerson(db, chatIds, ticketIds).orderBy("id").select<AntrianRow[]>("*");
  return rows.map(normalize);
}

export async function deleteOutboxItemsOf(db: Db, chatIds: number[], ticketIds: number[]): Promise<number> {
  if (chatIds.length === 0 && ticketIds.length === 0) return 0;
  return ofPerson(db, chatIds, ticketIds).delete();
}
