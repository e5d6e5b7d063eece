// The only module with SQL on `tiket_pesan`: which relayed message (chat, message id) belongs to which ticket.
import type { Db } from "./database.js";

export async function ticketOfMessage(db: Db, chatId: number, messageId: number): Promise<number | undefined> {
  const row = await db("tiket_pesan").where({ id_chat: chatId, id_pesan: messageId }).first<{ id_tiket: number } | undefined>("id_tiket");
  return row ? Number(row.id_tiket) : undefined;
}

export async function linkMessages(db: Db, ticketId: number, chatId: number, messageIds: number[], arah: "tanya" | "jawab", now: number): Promise<void> {
  if (messageIds.length === 0) return;
  await db("tiket_pesan")
    .insert(messageIds.map((id_pesan) => ({ id_tiket: ticketId, id_chat: chatId, id_pesan, arah, waktu: now })))
    .onConflict(["id_chat", "id_pesan"])
    .ignore();
}

export async function linksOfTickets(db: Db, ticketIds: number[]): Promise<Record<string, unknown>[]> {
  if (ticketIds.length === 0) return [];
  return db("tiket_pesan").whereIn("id_tiket", ticketIds).orderBy("id").select<Record<string, unknown>[]>("*");
}

export async function deleteLinksOfTickets(db: Db, ticketIds: number[]): Promise<number> {
  if (ticketIds.length === 0) return 0;
  return db("tiket_pesan").whereIn("id_tiket", ticketIds).delete();
}

/** The ticket's first message in `chatId` (its question's header in the staff group), to reply a note to. */
export async function firstMessageOfTicket(db: Db, ticketId: number, chatId: number): Promise<number | undefined> {
  const row = await db("tiket_pesan").where({ id_tiket: ticketId, id_chat: chatId }).orderBy("id_pesan").first<{ id_pesan: number } | undefined>("id_pesan");
  return row ? Number(row.id_pesan) : undefined;
}
