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
  /** The employee's latest message in it. */
  aktivitas_pegawai: number | null;
  /** The latest answer delivered. */
  dijawab_terakhir: number | null;
}

export interface TiketWithAsker extends TiketRow {
  /** The staff member who took the ticket (/ambil), if anyone did. */
  nama_pengambil: string | null;
  nama: string;
  nip: string;
  unit_kerja: string | null;
  /** The Telegram account the employee is bound to now (null after an unbind): where answers go. */
  id_telegram: number | null;
}

const COLUMNS = [
  "tiket.id", "tiket.id_pengguna", "tiket.id_chat", "tiket.status", "tiket.ditanya", "tiket.dijawab_pertama", "tiket.ditutup",
  "tiket.aktivitas_pegawai", "tiket.dijawab_terakhir",
];
const ASKER_COLUMNS = [...COLUMNS, "tiket.nama_pengambil", "pengguna.nama", "pengguna.nip", "pengguna.unit_kerja", "pengguna.id_telegram"];

function normalize<T extends TiketRow>(row: T): T {
  return {
    ...row,
    ...("id_telegram" in row ? { id_telegram: row.id_telegram === null ? null : Number(row.id_telegram) } : {}),
    id_chat: Number(row.id_chat),
    ditanya: Number(row.ditanya),
    dijawab_pertama: row.dijawab_pertama === null ? null : Number(row.dijawab_pertama),
    ditutup: row.ditutup === null ? null : Number(row.ditutup),
    aktivitas_pegawai: row.aktivitas_pegawai === null ? null : Number(row.aktivitas_pegawai),
    dijawab_terakhir: row.dijawab_terakhir === null ? null : Number(row.dijawab_terakhir),
  };
}

export async function findOpenTicket(db: Db, chatId: number): Promise<TiketRow | undefined> {
  const row = await db("tiket").where({ id_chat: chatId, status: "terbuka" }).orderBy("id", "desc").first<TiketRow | undefined>(COLUMNS);
  return row && normalize(row);
}

/** The id of the employee's newest ticket, open or closed. */
export async function latestTicketIdOf(db: Db, pengguna: number): Promise<number | undefined> {
  const row = await db("tiket").where({ id_pengguna: pengguna }).orderBy("id", "desc").first<{ id: number } | undefined>("id");
  return row && Number(row.id);
}

/** The employee's newest ticket, open or closed: the one their topic's messages are about. */
export async function latestTicketOf(db: Db, pengguna: number): Promise<TiketWithAsker | undefined> {
  const id = await latestTicketIdOf(db, pengguna);
  return id === undefined ? undefined : ticketWithAsker(db, id);
}

export async function createTicket(db: Db, pengguna: number, chatId: number, now: number): Promise<number> {
  const [id] = await db("tiket").insert({ id_pengguna: pengguna, id_chat: chatId, status: "terbuka", ditanya: now, aktivitas_pegawai: now });
  return Number(id);
}

/** The employee wrote again in an open ticket: it is not quiet, whatever was answered before. */
export async function markEmployeeActive(db: Db, id: number, now: number): Promise<void> {
  await db("tiket").where({ id }).update({ aktivitas_pegawai: now });
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

/** Records who answered first and when (later answers leave that), and the time of the latest answer. */
export async function markAnswered(db: Db, id: number, staffId: number, staffName: string, now: number): Promise<void> {
  await db("tiket").where({ id }).whereNull("dijawab_pertama").update({ dijawab_pertama: now, dijawab_oleh: staffId, nama_penjawab: staffName });
  await db("tiket").where({ id }).update({ dijawab_terakhir: now });
}

/** A staff member as the desk records them: Telegram id and display name. */
export interface StaffMember {
  id: number;
  name: string;
}

/** Gives the ticket to `by`; returns who had it before (null: nobody), or undefined when there is no such ticket. */
export async function claimTicket(db: Db, id: number, by: StaffMember, now: number): Promise<{ previous: StaffMember | null } | undefined> {
  return db.transaction(async (trx) => {
    const row = await trx("tiket").where({ id }).first<{ diambil_oleh: number | null; nama_pengambil: string | null } | undefined>("diambil_oleh", "nama_pengambil");
    if (!row) return undefined;
    await trx("tiket").where({ id }).update({ diambil_oleh: by.id, nama_pengambil: by.name, diambil: now });
    return { previous: row.diambil_oleh === null ? null : { id: Number(row.diambil_oleh), name: row.nama_pengambil ?? "" } };
  });
}

/** Who closed a ticket: a staff member, its asker (by button or /selesai), the quiet-ticket rule, or a guide topic. */
export type ClosedBy =
  | { by: "staf"; staffId: number }
  | { by: "pegawai" }
  | { by: "otomatis" }
  /** A guide topic ("mutasi:0123456789") that answered it, as its asker said. */
  | { by: "panduan"; topic: string };

/** Returns false when the ticket was already closed. */
export async function closeTicket(db: Db, id: number, closer: ClosedBy, now: number): Promise<boolean> {
  const changed = await db("tiket")
    .where({ id, status: "terbuka" })
    .update({
      status: "selesai",
      ditutup: now,
      ditutup_cara: closer.by,
      ...(closer.by === "staf" ? { ditutup_oleh: closer.staffId } : {}),
      ...(closer.by === "panduan" ? { ditutup_topik: closer.topic } : {}),
    });
  return changed === 1;
}

/** Open tickets answered before `before` whose asker has not written since the last answer. */
export async function quietAnsweredTickets(db: Db, before: number): Promise<number[]> {
  const rows = await db("tiket")
    .where({ status: "terbuka" })
    .where("dijawab_terakhir", "<", before)
    .where((q) => q.whereNull("aktivitas_pegawai").orWhereRaw("?? <= ??", ["aktivitas_pegawai", "dijawab_terakhir"]))
    .select<{ id: number }[]>("id");
  return rows.map((r) => Number(r.id));
}

/** Open tickets still waiting for their first answer, with the answer-time reminders sent so far (0, 1 or 2). */
export async function unansweredTickets(db: Db): Promise<{ id: number; ditanya: number; pengingat: number }[]> {
  const rows = await db("tiket")
    .where({ status: "terbuka" })
    .whereNull("dijawab_pertama")
    .where("pengingat", "<", 2)
    .select<{ id: number; ditanya: number; pengingat: number }[]>("id", "ditanya", "pengingat");
  return rows.map((r) => ({ id: Number(r.id), ditanya: Number(r.ditanya), pengingat: Number(r.pengingat) }));
}

/** Records that reminder `step` went out; false when it (or a later one) already had: each step is sent once. */
export async function raiseReminder(db: Db, id: number, step: number): Promise<boolean> {
  return (await db("tiket").where({ id }).where("pengingat", "<", step).update({ pengingat: step })) === 1;
}

export interface Rating {
  status: TiketRow["status"];
  id_chat: number;
  nilai: number | null;
  komentar: string | null;
}

export async function ratingOf(db: Db, id: number): Promise<Rating | undefined> {
  const row = await db("tiket").where({ id }).first<Rating | undefined>("status", "id_chat", "nilai", "komentar");
  return row && { ...row, id_chat: Number(row.id_chat), nilai: row.nilai === null ? null : Number(row.nilai) };
}

/** The first rating of a closed ticket counts; false when it was rated already (or is not closed). */
export async function rateTicket(db: Db, id: number, score: number, now: number): Promise<boolean> {
  return (await db("tiket").where({ id, status: "selesai" }).whereNull("nilai").update({ nilai: score, dinilai: now })) === 1;
}

/** The chat's next message is this ticket's comment; any other ticket of the chat stops waiting for one. */
export async function awaitComment(db: Db, id: number, chatId: number, now: number): Promise<void> {
  await db("tiket").where({ id_chat: chatId }).whereNotNull("komentar_diminta").update({ komentar_diminta: null });
  await db("tiket").where({ id }).whereNull("komentar").update({ komentar_diminta: now });
}

/** The ticket of this chat waiting for a comment asked for after `since`, if any. */
export async function ticketAwaitingComment(db: Db, chatId: number, since: number): Promise<number | undefined> {
  const row = await db("tiket")
    .where({ id_chat: chatId })
    .whereNull("komentar")
    .where("komentar_diminta", ">=", since)
    .orderBy("komentar_diminta", "desc")
    .first<{ id: number } | undefined>("id");
  return row && Number(row.id);
}

/** Stores the comment once; false when the ticket was not waiting for one any more. */
export async function saveComment(db: Db, id: number, text: string): Promise<boolean> {
  return (await db("tiket").where({ id }).whereNull("komentar").whereNotNull("komentar_diminta").update({ komentar: text, komentar_diminta: null })) === 1;
}

export async function stopAwaitingComment(db: Db, chatId: number): Promise<boolean> {
  return (await db("tiket").where({ id_chat: chatId }).whereNotNull("komentar_diminta").update({ komentar_diminta: null })) > 0;
}

/** A person's tickets as stored, every column, oldest first. */
export async function ticketsOfEmployee(db: Db, pengguna: number): Promise<Record<string, unknown>[]> {
  return db("tiket").where({ id_pengguna: pengguna }).orderBy("id").select<Record<string, unknown>[]>("*");
}

/** Empties the comments (the employee's own words) of tickets closed before `before`; their ratings stay. */
export async function stripCommentsBefore(db: Db, before: number): Promise<number> {
  return db("tiket").where("ditutup", "<", before).whereNotNull("komentar").whereNot("komentar", "").update({ komentar: "" });
}

/** Stands in for the chat of an erased person's tickets: no Telegram chat has id 0. */
export const ERASED_CHAT = 0;

/**
 * Cuts a person's tickets loose from their Telegram chat and drops their comments (their own words); the times and
 * ratings the service report counts stay.
 */
export async function detachTicketsFromChat(db: Db, pengguna: number): Promise<number> {
  return db("tiket").where({ id_pengguna: pengguna }).update({ id_chat: ERASED_CHAT, komentar: null, komentar_diminta: null });
}
