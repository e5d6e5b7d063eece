// The only module with SQL on `pesan`, the log of every message in and out.
import type { Knex } from "knex";
import type { Db } from "./database.js";

export interface PesanData {
  waktu: number;
  arah: "masuk" | "keluar";
  id_chat: number | null;
  id_pengirim: number | null;
  pengirim: string | null;
  isi_pesan: string | null;
  jenis: string;
  perintah: string | null;
  data: string;
  id_pesan: number | null;
  update_id: number | null;
}

/** Idempotent on update_id: a redelivered update is logged once. */
export async function insertPesan(db: Db, rows: PesanData[]): Promise<void> {
  if (rows.length === 0) return;
  await db("pesan").insert(rows).onConflict("update_id").ignore();
}

/** Files an incoming message under another kind once its handler knew what it was (e.g. a comment, not a question). */
export async function relabelIncoming(db: Db, updateId: number, jenis: string): Promise<void> {
  await db("pesan").where({ update_id: updateId, arah: "masuk" }).update({ jenis });
}

/** Messages the bot sent since `since`, one row per message: what Telegram's flood windows still count. */
export async function recentOutgoing(db: Db, since: number): Promise<{ chatId: number; at: number }[]> {
  const rows = await db("pesan")
    .where({ arah: "keluar" })
    .where("waktu", ">=", since)
    .whereNotNull("id_chat")
    .select<{ id_chat: number | string; waktu: number | string }[]>("id_chat", "waktu");
  return rows.map((r) => ({ chatId: Number(r.id_chat), at: Number(r.waktu) }));
}

export async function pesanForChat(db: Db, chatId: number): Promise<PesanData[]> {
  return db<PesanData>("pesan").where({ id_chat: chatId }).orderBy("id");
}

/** A row as stored, every column, for a person's copy of their data. */
export type StoredPesan = Record<string, unknown>;

const STRIP_BATCH = 1000;

/**
 * Empties the text, payload and sender name of rows logged before `before`; the columns the service report counts
 * (time, direction, chat, sender id, kind, command) stay. Walks back from `before` along the time index in short
 * batches, so the bot's own writes get the database between them, and a run cut off midway is finished by the next
 * one. Returns how many rows were emptied.
 */
export async function stripPesanBefore(db: Db, before: number): Promise<number> {
  let stripped = 0;
  for (let below = before; ; ) {
    const batch = await db("pesan").where("waktu", "<", below).orderBy("waktu", "desc").limit(STRIP_BATCH).select<{ waktu: number | string }[]>("waktu");
    if (batch.length === 0) return stripped;
    // A time range, not the batch's ids: rows sharing the batch's lowest time that did not fit in it are included.
    const lowest = Number(batch[batch.length - 1]!.waktu);
    stripped += await db("pesan")
      .where("waktu", ">=", lowest)
      .where("waktu", "<", below)
      .where((q) => q.whereNotNull("isi_pesan").orWhereNotNull("data").orWhereNotNull("pengirim"))
      .update({ isi_pesan: null, data: null, pengirim: null });
    below = lowest;
  }
}

/** A message in a chat, by Telegram's message id. */
export interface ChatMessage {
  chatId: number;
  messageId: number;
}

/** One person's rows: their accounts' private chats, what those accounts sent anywhere, and given messages elsewhere. */
export interface PesanSelection {
  accounts: number[];
  messages: ChatMessage[];
}

function selected(db: Db, selection: PesanSelection): Knex.QueryBuilder | undefined {
  const { accounts, messages } = selection;
  if (accounts.length === 0 && messages.length === 0) return undefined;
  const perChat = new Map<number, number[]>();
  for (const m of messages) perChat.set(m.chatId, [...(perChat.get(m.chatId) ?? []), m.messageId]);
  return db("pesan").where((q) => {
    if (accounts.length > 0) q.whereIn("id_chat", accounts).orWhereIn("id_pengirim", accounts);
    for (const [chatId, ids] of perChat) q.orWhere((m) => m.where("id_chat", chatId).whereIn("id_pesan", ids));
  });
}

/** Oldest first, every column. */
export async function pesanOf(db: Db, selection: PesanSelection): Promise<StoredPesan[]> {
  return (await selected(db, selection)?.orderBy("id").select<StoredPesan[]>("*")) ?? [];
}

export async function deletePesanOf(db: Db, selection: PesanSelection): Promise<number> {
  return (await selected(db, selection)?.delete()) ?? 0;
}
