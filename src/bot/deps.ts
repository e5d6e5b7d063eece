// What the bot's features need, handed in by the composition root, and small helpers shared by the handlers.
import type { Context, InlineKeyboardMarkup, Message } from "node-telegram-bot-api";
import type { Config } from "../config.js";
import type { ContentStore } from "../content/content-store.js";
import type { Db } from "../db/database.js";
import { findByTelegramId, type PenggunaRow } from "../db/pengguna-repo.js";
import type { PesanData } from "../db/pesan-repo.js";
import type { Clock } from "../domain/clock.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../monitoring/metrics.js";
import type { Buttons } from "../domain/outbox.js";
import { deferReply } from "./deferred-reply.js";
import type { OutboxWorker } from "./outbox-worker.js";
import type { Gateway } from "./telegram-gateway.js";
import { describeError } from "./describe-error.js";
import { classifyFailure } from "./telegram-failure.js";

export interface BotDeps {
  config: Pick<Config, "staffGroupId" | "showStaffName">;
  db: Db;
  log: Logger;
  content: ContentStore;
  clock: Clock;
  gateway: Gateway;
  /** The durable queue: answers deferred during an outage go there, and their chat's later answers follow them. */
  outbox: Pick<OutboxWorker, "wake" | "backlog">;
  /** Writes rows to the message log (`pesan`). */
  recordPesan: (rows: PesanData[]) => Promise<void>;
  me: { id: number; username: string };
  metrics: Pick<Metrics, "updateHandled" | "registration">;
}

/** The employee bound to the sender, looked up once per update and only by the features that need it. */
export async function currentUser(deps: BotDeps, ctx: Context): Promise<PenggunaRow | undefined> {
  if (!("pengguna" in ctx.state)) {
    ctx.state.pengguna = ctx.from ? await findByTelegramId(deps.db, ctx.from.id) : undefined;
  }
  return ctx.state.pengguna as PenggunaRow | undefined;
}

/**
 * Sends an HTML message to the update's chat through the paced, logged gateway. If Telegram is out beyond the
 * library's retries, the message waits in the durable queue instead of being lost.
 */
export function reply(deps: BotDeps, ctx: Context, text: string, replyMarkup?: InlineKeyboardMarkup): Promise<unknown> {
  const chatId = ctx.chatId;
  if (chatId === undefined) throw new Error(`update ${ctx.update.update_id} has no chat to answer`);
  return sendOrDefer(deps, chatId, text, replyMarkup);
}

/** Answers a group message as a reply to it, so staff see what the bot is answering. */
export function replyToMessage(deps: BotDeps, message: Message, text: string, replyMarkup?: InlineKeyboardMarkup): Promise<unknown> {
  return sendOrDefer(deps, message.chat.id, text, replyMarkup, message.message_id);
}

async function sendOrDefer(deps: BotDeps, chatId: number, text: string, replyMarkup?: InlineKeyboardMarkup, replyTo?: number): Promise<unknown> {
  const defer = async () => {
    await deferReply(deps.db, deps.clock(), chatId, { text, replyTo, ...(replyMarkup ? { buttons: replyMarkup as Buttons } : {}) });
    deps.outbox.backlog.add(chatId);
    deps.outbox.wake();
  };
  if (deps.outbox.backlog.has(chatId)) return defer();
  try {
    return await deps.gateway.sendMessage({
      chat_id: chatId,
      text,
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(replyTo === undefined ? {} : { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }),
      ...(replyMarkup ? { reply_markup: replyMarkup } : {}),
    });
  } catch (err) {
    const failure = classifyFailure(err);
    // Blocked or gone: nobody is there to read an answer, now or later.
    if (failure.kind === "refused") return void deps.log.info("chat tidak menerima pesan bot", { chatId, error: describeError(err) });
    if (failure.kind !== "outage" && failure.kind !== "flood") throw err;
    deps.log.warn("Telegram tidak menjawab; balasan masuk antrian", { chatId, error: describeError(err) });
    return defer();
  }
}

/** The chat an update happened in; every update the features handle has one. */
export function chatOf(ctx: Context): number {
  const chatId = ctx.chatId;
  if (chatId === undefined) throw new Error(`update ${ctx.update.update_id} has no chat`);
  return chatId;
}

export function isPrivate(ctx: Context): boolean {
  return ctx.chat?.type === "private";
}
