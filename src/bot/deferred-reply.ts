// When Telegram is unreachable or overloaded, an answer goes into the durable queue instead of being lost; the
// outbox worker delivers it, in order for that chat, once Telegram answers again.
import type { Db } from "../db/database.js";
import { enqueue, type NoticePayload } from "../domain/outbox.js";

let sequence = 0;

export async function deferReply(db: Db, now: number, chatId: number, notice: Omit<NoticePayload, "type">): Promise<void> {
  await enqueue(db, { key: { type: "deferred", chatId, at: now, seq: sequence++ }, kind: "tunda", ticketId: null, to: chatId, payload: { type: "notice", ...notice }, due: now }, now);
}
