// The one way the bot sends into chats: every outgoing message waits for the pacer, a 429 that gets through anyway
// is fed back to it, and each message Telegram accepted is logged in `pesan` (one row per message it created).
import type {
  Api,
  CopyMessageParams,
  CopyMessagesParams,
  EditMessageCaptionParams,
  EditMessageTextParams,
  Message,
  MessageId,
  SendDocumentParams,
  SendMessageParams,
} from "node-telegram-bot-api";
import type { PesanData } from "../db/pesan-repo.js";
import type { Clock } from "../domain/clock.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../monitoring/metrics.js";
import { describeError } from "./describe-error.js";
import type { Pacer } from "./pacer.js";
import { classifyFailure } from "./telegram-failure.js";

export interface SendOptions {
  /** For sends into the staff group: the ticket they belong to, which may take only its share of the group's window. */
  share?: string;
  /** From the durable queue: nobody is waiting on this very moment, so interactive answers go first. */
  queued?: boolean;
}

export interface Gateway {
  sendMessage(params: SendMessageParams, options?: SendOptions): Promise<Message>;
  sendDocument(params: SendDocumentParams): Promise<Message>;
  copyMessage(params: CopyMessageParams, options?: SendOptions): Promise<MessageId>;
  copyMessages(params: CopyMessagesParams, options?: SendOptions): Promise<MessageId[]>;
  editMessageText(params: EditMessageTextParams & { chat_id: number; message_id: number }): Promise<void>;
  editMessageCaption(params: EditMessageCaptionParams & { chat_id: number; message_id: number }): Promise<void>;
  /** Forum topics: each posts a service message, so each is paced and counted like a send. */
  createForumTopic(chatId: number, name: string): Promise<number>;
  editForumTopic(chatId: number, threadId: number, name: string): Promise<void>;
  reopenForumTopic(chatId: number, threadId: number): Promise<void>;
  /** When Telegram last accepted a send (0 before the first): tells an outage from one message that cannot pass. */
  lastSuccessAt(): number;
}

export interface GatewayDeps {
  api: Api;
  pacer: Pacer;
  botId: () => number;
  clock: Clock;
  log: Logger;
  metrics: Pick<Metrics, "sent">;
  recordPesan: (rows: PesanData[]) => Promise<void>;
}

/** A flood wait up to this long is waited out here; a longer one is the caller's (the outbox reschedules). */
const WAIT_OUT_FLOOD_MS = 60_000;
const FLOOD_TRIES = 3;

export function createGateway({ api, pacer, botId, clock, log, metrics, recordPesan }: GatewayDeps): Gateway {
  let lastSuccess = 0;

  /** Paces the call (counting `count` messages), and after a 429 tells the pacer and tries again in its turn. */
  async function paced<T>(method: string, chatId: number, count: number, options: SendOptions | undefined, call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const granted = await pacer.acquire(chatId, count, options);
      try {
        const result = await call().finally(() => granted.answered());
        lastSuccess = clock();
        metrics.sent(method, "ok");
        return result;
      } catch (err) {
        const failure = classifyFailure(err);
        metrics.sent(method, failure.kind);
        if (failure.kind !== "flood") throw err;
        pacer.floodWait(chatId, failure.retryAfterMs);
        log.warn("Telegram meminta bot menunggu (429)", { method, chatId, retryAfterMs: failure.retryAfterMs, attempt, error: describeError(err) });
        if (attempt >= FLOOD_TRIES || failure.retryAfterMs > WAIT_OUT_FLOOD_MS) throw err;
      }
    }
  }

  function record(chatId: number, kind: string, text: string | null, messageIds: (number | null)[], data: unknown): void {
    const json = JSON.stringify(data);
    const rows: PesanData[] = messageIds.map((messageId) => ({
      waktu: clock(),
      arah: "keluar",
      id_chat: chatId,
      id_pengirim: botId(),
      pengirim: "bot",
      isi_pesan: text,
      jenis: kind,
      perintah: null,
      data: json,
      id_pesan: messageId,
      update_id: null,
    }));
    // The message is already out; a failed log write must not turn a delivered answer into an error.
    recordPesan(rows).catch((err: unknown) => log.warn("gagal mencatat pesan keluar", { chatId, error: describeError(err) }));
  }

  return {
    lastSuccessAt: () => lastSuccess,
    async sendMessage(params, options) {
      const chatId = Number(params.chat_id);
      const message = await paced("sendMessage", chatId, 1, options, () => api.sendMessage(params));
      record(chatId, "teks", message.text ?? params.text, [message.message_id], message);
      return message;
    },
    async sendDocument(params) {
      const chatId = Number(params.chat_id);
      const message = await paced("sendDocument", chatId, 1, undefined, () => api.sendDocument(params));
      record(chatId, "dokumen", message.caption ?? null, [message.message_id], message);
      return message;
    },
    async copyMessage(params, options) {
      const chatId = Number(params.chat_id);
      const result = await paced("copyMessage", chatId, 1, options, () => api.copyMessage(params));
      record(chatId, "salinan", params.caption ?? null, [result.message_id], { ...params, result });
      return result;
    },
    async copyMessages(params, options) {
      const chatId = Number(params.chat_id);
      // An album counts as one message per item it creates, as Telegram counts it.
      const result = await paced("copyMessages", chatId, params.message_ids.length, options, () => api.copyMessages(params));
      record(chatId, "salinan", null, result.length > 0 ? result.map((m) => m.message_id) : [null], { ...params, result });
      return result;
    },
    async createForumTopic(chatId, name) {
      const topic = await paced("createForumTopic", chatId, 1, undefined, () => api.createForumTopic({ chat_id: chatId, name }));
      record(chatId, "topik", name, [null], topic);
      return topic.message_thread_id;
    },
    async editForumTopic(chatId, threadId, name) {
      await paced("editForumTopic", chatId, 1, undefined, () => api.editForumTopic({ chat_id: chatId, message_thread_id: threadId, name }));
      record(chatId, "topik", name, [null], { message_thread_id: threadId, name });
    },
    async reopenForumTopic(chatId, threadId) {
      await paced("reopenForumTopic", chatId, 1, undefined, () => api.reopenForumTopic({ chat_id: chatId, message_thread_id: threadId }));
      record(chatId, "topik", null, [null], { message_thread_id: threadId, reopened: true });
    },
    async editMessageText(params) {
      await paced("editMessageText", params.chat_id, 1, undefined, () => api.editMessageText(params));
      record(params.chat_id, "suntingan", params.text ?? null, [params.message_id], params);
    },
    async editMessageCaption(params) {
      await paced("editMessageCaption", params.chat_id, 1, undefined, () => api.editMessageCaption(params));
      record(params.chat_id, "suntingan", params.caption ?? null, [params.message_id], params);
    },
  };
}
