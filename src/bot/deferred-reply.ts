// When Telegram is unreachable or overloaded beyond the library's own retries, an answer goes into the durable
// queue instead of being lost; the outbox worker delivers it, in order for that chat, once Telegram answers again.
import { NetworkError, TelegramApiError, TimeoutError } from "node-telegram-bot-api";
import { enqueue } from "../db/antrian-kirim-repo.js";
import type { Db } from "../db/database.js";
import type { NoticePayload } from "../domain/relay/relay-plan.js";

/** Telegram is out or asks us to slow down, as opposed to refusing this message for good. */
export function isTelegramOutage(err: unknown): boolean {
  return (
    err instanceof NetworkError ||
    err instanceof TimeoutError ||
    (err instanceof TelegramApiError && (err.errorCode === 429 || err.errorCode >= 500))
  );
}

let sequence = 0;
const KEY_PREFIX = "tunda:";

/** A queued item that is an answer deferred during an outage (not a relayed message or an announcement). */
export function isDeferredReply(item: { kunci: string }): boolean {
  return item.kunci.startsWith(KEY_PREFIX);
}

export async function deferReply(db: Db, now: number, chatId: number, notice: Omit<NoticePayload, "type">): Promise<void> {
  const payload: NoticePayload = { type: "notice", ...notice };
  await enqueue(
    db,
    { kunci: `${KEY_PREFIX}${chatId}:${now}:${sequence++}`, id_tiket: null, jenis: "info", id_chat_tujuan: chatId, muatan: JSON.stringify(payload), berikutnya: now },
    now,
  );
}
