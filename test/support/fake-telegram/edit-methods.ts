// The methods that change or remove messages already sent: edits of text, caption and keyboard, and deletes.
import type { InlineKeyboardMarkup, Message } from "node-telegram-bot-api";
import type { MessageFields } from "../updates.js";
import { badRequest } from "./api-error.js";
import { captionFromParams, textFromParams } from "./formatted-text.js";
import type { MethodContext, MethodHandler } from "./method-context.js";
import { captionContent, textContent } from "./outgoing-message.js";
import { inlineKeyboardOf, requiredInt, requiredIntArray, type Params } from "./params.js";

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

/** The bot's own message named by chat_id + message_id; inline messages are not modelled. */
function editableMessage(ctx: MethodContext, params: Params): Message {
  if (params.inline_message_id !== undefined) throw badRequest("MESSAGE_ID_INVALID");
  const chat = ctx.chats.writable(params.chat_id);
  const message = ctx.chats.get(chat.id, requiredInt(params, "message_id"));
  if (!message) throw badRequest("message to edit not found");
  if (message.from?.id !== ctx.bot.id) throw badRequest("message can't be edited");
  return message;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Replaces `keys` of the message with `fields` (absent fields are removed). An edit without reply_markup
 * removes the inline keyboard, as on Telegram; an edit that changes nothing is refused.
 */
function applyEdit(
  ctx: MethodContext,
  message: Message,
  keys: (keyof MessageFields)[],
  fields: MessageFields,
  markup: InlineKeyboardMarkup | undefined,
): Message {
  const unchanged = keys.every((k) => same(message[k], fields[k])) && same(message.reply_markup, markup);
  if (unchanged) throw badRequest(NOT_MODIFIED);
  const edited: Message = { ...message, edit_date: ctx.nowSec() };
  for (const key of [...keys, "reply_markup" as const]) delete edited[key];
  Object.assign(edited, fields, markup ? { reply_markup: markup } : {});
  ctx.chats.put(edited);
  return edited;
}

const editMessageText: MethodHandler = (ctx, { params }) => {
  const message = editableMessage(ctx, params);
  if (message.text === undefined) throw badRequest("there is no text in the message to edit");
  return applyEdit(ctx, message, ["text", "entities"], textContent(textFromParams(params)), inlineKeyboardOf(params));
};

const editMessageCaption: MethodHandler = (ctx, { params }) => {
  const message = editableMessage(ctx, params);
  if (message.text !== undefined) throw badRequest("there is no caption in the message to edit");
  // Without a caption parameter the caption is removed.
  const fields = captionContent(captionFromParams(params));
  return applyEdit(ctx, message, ["caption", "caption_entities"], fields, inlineKeyboardOf(params));
};

const editMessageReplyMarkup: MethodHandler = (ctx, { params }) => {
  const message = editableMessage(ctx, params);
  return applyEdit(ctx, message, [], {}, inlineKeyboardOf(params));
};

const deleteMessage: MethodHandler = (ctx, { params }) => {
  const chat = ctx.chats.find(params.chat_id);
  if (!ctx.chats.delete(chat.id, requiredInt(params, "message_id"))) throw badRequest("message to delete not found");
  return true;
};

/** Messages that cannot be found are skipped, as Telegram does. */
const deleteMessages: MethodHandler = (ctx, { params }) => {
  const chat = ctx.chats.find(params.chat_id);
  for (const id of requiredIntArray(params, "message_ids")) ctx.chats.delete(chat.id, id);
  return true;
};

export const EDIT_METHODS: Record<string, MethodHandler> = {
  editMessageText,
  editMessageCaption,
  editMessageReplyMarkup,
  deleteMessage,
  deleteMessages,
};
