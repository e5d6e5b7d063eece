// The one way the bot sends into chats: every outgoing message is paced under Telegram's limits and logged in `pesan`.
import type {
  Api,
  CopyMessageParams,
  CopyMessagesParams,
  EditMessageTextParams,
  Message,
  MessageId,
  SendDocumentParams,
  SendMessageParams,
} from "node-telegram-bot-api";
import type { PesanData } from "../db/pesan-repo.js";
import type { Logger } from "../logger.js";
import type { Pacer } from "./pacer.js";

export interface Gateway {
  sendMessage(params: SendMessageParams): Promise<Message>;
  sendDocument(params: SendDocumentParams): Promise<Message>;
  copyMessage(params: CopyMessageParams): Promise<MessageId>;
  copyMessages(params: CopyMessagesParams): Promise<MessageId[]>;
  editMessageText(params: EditMessageTextParams & { chat_id: number; message_id: number }): Promise<void>;
}

export interface GatewayDeps {
  api: Api;
  pacer: Pacer;
  botId: () => number;
  log: Logger;
  recordPesan: (rows: PesanData[]) => Promise<void>;
}

export function createGateway({ api, pacer, botId, log, recordPesan }: GatewayDeps): Gateway {
  function record(chatId: number, kind: string, text: string | null, messageId: number | null, data: unknown): void {
    const row: PesanData = {
      waktu: Date.now(),
      arah: "keluar",
      id_chat: chatId,
      id_pengirim: botId(),
      pengirim: "bot",
      isi_pesan: text,
      jenis: kind,
      perintah: null,
      data: JSON.stringify(data),
      id_pesan: messageId,
      update_id: null,
    };
    // The message is already out; a failed log write must not turn a delivered answer into an error.
    recordPesan([row]).catch((err: unknown) => log.warn("gagal mencatat pesan keluar", { chatId, error: String(err) }));
  }

  return {
    async sendMessage(params) {
      const chatId = Number(params.chat_id);
      await pacer.acquire(chatId);
      const message = await api.sendMessage(params);
      record(chatId, "teks", message.text ?? params.text, message.message_id, message);
      return message;
    },
    async sendDocument(params) {
      const chatId = Number(params.chat_id);
      await pacer.acquire(chatId);
      const message = await api.sendDocument(params);
      record(chatId, "dokumen", message.caption ?? null, message.message_id, message);
      return message;
    },
    async copyMessage(params) {
      const chatId = Number(params.chat_id);
      await pacer.acquire(chatId);
      const result = await api.copyMessage(params);
      record(chatId, "salinan", params.caption ?? null, result.message_id, { ...params, result });
      return result;
    },
    async copyMessages(params) {
      const chatId = Number(params.chat_id);
      await pacer.acquire(chatId);
      const result = await api.copyMessages(params);
      record(chatId, "salinan", null, result[0]?.message_id ?? null, { ...params, result });
      return result;
    },
    async editMessageText(params) {
      await pacer.acquire(params.chat_id);
      await api.editMessageText(params);
      record(params.chat_id, "suntingan", params.text ?? null, params.message_id, params);
    },
  };
}
