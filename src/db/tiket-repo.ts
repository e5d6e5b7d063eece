// The only module with SQL on `tiket`: consultation tickets and their asked / first answered / closed times.
import type { Db } from "./database.js";

export interface TiketRow {
  id: number;
  id_pengguna: number;
  id_chat: number;
  status: "terbuka" | "selesai";
  ditanya: number;
  dijawab_pertama: number | null;
  ditutup: number | null;
}

export interface TiketWithAsker extends TiketRow {
  nama: string;
  nip: string;
  unit_kerja: string | null;
  /** The Telegram account the employee is bound to now (null after an unbind): where answers go. */
  id_telegram: number | null;
}

const COLUMNS = ["tiket.id", "tiket.id_pengguna", "tiket.id_chat", "tiket.status", "tiket.ditanya", "tiket.dijawab_pertama", "tiket.ditutup"];
const ASKER_COLUMNS = [...COLUMNS, "pengguna.nama", "pengguna.nip", "pengguna.unit_kerja", "pengguna.id_telegram"];

function normalize<T extends TiketRow>(row: T): T {
  return {
    ...row,
    ...("id_telegram" in row ? { id_telegram: row.id_telegram === null ? null : Number(row.id_telegram) } : {}),
    id_chat: Number(row.id_chat),
    ditanya: Number(row.ditanya),
    dijawab_pertama: row.dijawab_pertama === null ? null : Number(row.dijawab_pertama),
    ditutup: row.ditutup === null ? null : Number(row.ditutup),
  };
}

export async function findOpenTicket(db: Db, chatId: number): Promise<TiketRow | undefined> {
  const row = await db("tiket").where({ id_chat: chatId, status: "terbuka" }).orderBy("id", "desc").first<TiketRow | undefined>(COLUMNS);
  return row && normalize(row);
}

export async function createTicket(db: Db, pengguna: number, chatId: number, now: number): Promise<number> {
  const [id] = await db("tiket").insert({ id_pengguna: pengguna, id_chat: chatId, status: "terbuka", ditanya: now });
  return Number(id);
}

export async function ticketWithAsker(db: Db, id: number): Promise<TiketWithAsker | undefined> {
  const row = await db("tiket")
    .join("pengguna", "pengguna.id", "tiket.id_pengguna")
    .where("tiket.id", id)
    .first<TiketWithAsker | undefined>(ASKER_COLUMNS);
  return row && normalize(row);
}

export async function openTickets(db: Db, limit: number): Promise<{ rows: TiketWithAsker[]; total: number }> {
  const rows = await db("tiket")
    .join("pengguna", "pengguna.id", "tiket.id_pengguna")
    .where("tiket.status", "terbuka")
    .orderBy("tiket.ditanya", "asc")
    .limit(limit)
    .select<TiketWithAsker[]>(ASKER_COLUMNS);
  return { rows: rows.map(normalize), total: await countOpenTickets(db) };
}

export async function countOpenTickets(db: Db): Promise<number> {
  const count = await db("tiket").where({ status: "terbuka" }).count<{ n: number | string }[]>({ n: "*" });
  return Number(count[0]?.n ?? 0);
}

/** Records the first staff answer only; later answers leave the time of the first. */
export async function markAnswered(db: Db, id: number, staffId: number, staffName: string, now: number): Promise<void> {
  await db("tiket").where({ id }).whereNull("dijawab_pertama").update({ dijawab_pertama: now, dijawab_oleh: staffId, nama_penjawab: staffName });
}

/** Returns false when the ticket was already closed. */
export async function closeTicket(db: Db, id: number, staffId: number, now: number): Promise<boolean> {
  const changed = await db("tiket").where({ id, status: "terbuka" }).update({ status: "selesai", ditutup: now, ditutup_oleh: staffId });
  return changed === 1;
}

/** Closed by its asker from a guide topic ("mutasi:0123456789") that answered it; false when it was not open. */
export async function closeTicketByGuide(db: Db, id: number, topic: string, now: number): Promise<boolean> {
  const changed = await db("tiket").where({ id, status: "terbuka" }).update({ status: "selesai", ditutup: now, ditutup_topik: topic });
  return changed === 1;
}

/** A person's tickets as stored, every column, oldest first. */
export async function ticketsOfEmployee(db: Db, pengguna: number): Promise<Record<string, unknown>[]> {
  return db("tiket").where({ id_pengguna: pengguna }).orderBy("id").select<Record<string, unknown>[]>("*");
}

/** Stands in for the chat of an erased person's tickets: no Telegram chat has id 0. */
export const ERASED_CHAT = 0;

/** Cuts a person's tickets loose from their Telegram chat; the times the service report counts stay. */
export async function detachTicketsFromChat(db: Db, pengguna: number): Promise<number> {
  return db("tiket").where({ id_pengguna: pengguna }).whereNot("id_chat", ERASED_CHAT).update({ id_chat: ERASED_CHAT });
}
