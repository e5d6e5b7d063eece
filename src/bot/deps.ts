// What the bot's features need, handed in by the composition root, and small helpers shared by the handlers.
import type { Context, InlineKeyboardMarkup, Message } from "node-telegram-bot-api";
import type { Config } from "../config.js";
import type { ContentStore } from "../content/content-store.js";
import type { Db } from "../db/database.js";
import { findByTelegramId, type PenggunaRow } from "../db/pengguna-repo.js";
import type { Clock } from "../domain/clock.js";
import type { Logger } from "../logger.js";
import type { Gateway } from "./telegram-gateway.js";

export interface BotDeps {
  config: Pick<Config, "staffGroupId" | "showStaffName">;
  db: Db;
  log: Logger;
  content: ContentStore;
  clock: Clock;
  gateway: Gateway;
  me: { id: number; username: string };
}

/** The employee bound to the sender, looked up once per update and only by the features that need it. */
export async function currentUser(deps: BotDeps, ctx: Context): Promise<PenggunaRow | undefined> {
  if (!("pengguna" in ctx.state)) {
    ctx.state.pengguna = ctx.from ? await findByTelegramId(deps.db, ctx.from.id) : undefined;
  }
  return ctx.state.pengguna as PenggunaRow | undefined;
}

/** Sends an HTML message to the update's chat through the paced, logged gateway. */
export function reply(deps: BotDeps, ctx: Context, text: string, replyMarkup?: InlineKeyboardMarkup): Promise<unknown> {
  const chatId = ctx.chatId;
  if (chatId === undefined) throw new Error(`update ${ctx.update.update_id} has no chat to answer`);
  return deps.gateway.sendMessage({
    chat_id: chatId,
    text,
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    ...(replyMarkup ? { reply_markup: replyMarkup } : {}),
  });
}

export function isPrivate(ctx: Context): boolean {
  return ctx.chat?.type === "private";
}

/** Answers a group message as a reply to it, so staff see what the bot is answering. */
export function replyToMessage(deps: BotDeps, message: Message, text: string, replyMarkup?: InlineKeyboardMarkup): Promise<unknown> {
  return deps.gateway.sendMessage({
    chat_id: message.chat.id,
    text,
    parse_mode: "HTML",
    reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true },
    ...(replyMarkup ? { reply_markup: replyMarkup } : {}),
  });
}
