// How a message the bot sends is put together: its id, sender, reply target, inline keyboard and file content.
import type { Chat, Message } from "node-telegram-bot-api";
import type { FileKind, MessageFields } from "../updates.js";
import { badRequest } from "./api-error.js";
import type { MediaContent } from "./file-registry.js";
import type { FormattedText } from "./formatted-text.js";
import type { MethodContext } from "./method-context.js";
import { inlineKeyboardOf, optionalBool, optionalInt, optionalRecord, type Params } from "./params.js";
import type { RecordedFile } from "./types.js";

/** Copies only the keys that hold a value, so stored messages deep-equal what Telegram would send. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] !== undefined) out[key] = value[key];
  }
  return out;
}

export function textContent(formatted: FormattedText): MessageFields {
  return formatted.entities.length > 0 ? { text: formatted.text, entities: formatted.entities } : { text: formatted.text };
}

export function captionContent(formatted: FormattedText | undefined): MessageFields {
  if (formatted === undefined) return {};
  return formatted.entities.length > 0
    ? { caption: formatted.text, caption_entities: formatted.entities }
    : { caption: formatted.text };
}

/** The message being replied to, from reply_parameters or the older reply_to_message_id. */
function replyTarget(ctx: MethodContext, chat: Chat, params: Params): Message | undefined {
  const parameters = optionalRecord(params, "reply_parameters", "can't parse reply parameters JSON object");
  const messageId = parameters
    ? typeof parameters.message_id === "number" ? parameters.message_id : undefined
    : optionalInt(params, "reply_to_message_id");
  if (messageId === undefined) return undefined;
  const allowWithout = parameters ? parameters.allow_sending_without_reply === true : optionalBool(params, "allow_sending_without_reply");
  const replyChat = parameters?.chat_id === undefined ? chat : ctx.chats.find(parameters.chat_id);
  const target = ctx.chats.get(replyChat.id, messageId);
  if (!target) {
    if (allowWithout) return undefined;
    throw badRequest("message to be replied not found");
  }
  // A reply to another chat's message shows as external_reply, which this fake does not model.
  if (replyChat.id !== chat.id) return undefined;
  // Telegram includes the replied message one level deep only.
  const { reply_to_message: _nested, ...flat } = target;
  return flat;
}

/**
 * Stores and returns a new bot message in `chat`. Reply target and keyboard come from `params`
 * (pass {} where the method has neither); everything is validated before anything is stored.
 */
export function storeBotMessage(ctx: MethodContext, chat: Chat, fields: MessageFields, params: Params): Message {
  const reply_to_message = replyTarget(ctx, chat, params);
  const reply_markup = inlineKeyboardOf(params);
  const message: Message = {
    message_id: ctx.chats.nextMessageId(chat.id),
    from: ctx.bot,
    date: ctx.nowSec(),
    chat,
    ...fields,
    ...(reply_to_message ? { reply_to_message } : {}),
    ...(reply_markup ? { reply_markup } : {}),
  };
  ctx.chats.put(message);
  return message;
}

/** Validates reply target and keyboard without storing, for methods that must check everything first. */
export function checkReplyAndMarkup(ctx: MethodContext, chat: Chat, params: Params): void {
  replyTarget(ctx, chat, params);
  inlineKeyboardOf(params);
}

const ATTACH = "attach://";
const HTTP_URL = /^https?:\/\/[^\s/]+/i;

/**
 * The file for a photo/document/… parameter: an upload under `field` (or named by attach://), a file_id
 * the fake knows, or an http(s) URL Telegram would fetch. Anything else is refused as Telegram refuses it.
 */
export function resolveMedia(ctx: MethodContext, kind: FileKind, value: unknown, files: RecordedFile[], field: string): MediaContent {
  const uploadName = typeof value === "string" && value.startsWith(ATTACH) ? value.slice(ATTACH.length) : value === undefined ? field : undefined;
  if (uploadName !== undefined) {
    const upload = files.find((f) => f.field === uploadName);
    if (upload) return ctx.files.issue(kind, { filename: upload.filename, contentType: upload.contentType, size: upload.size });
    if (value !== undefined) throw badRequest("wrong file identifier/HTTP URL specified");
    throw badRequest(`there is no ${kind} in the request`);
  }
  if (typeof value !== "string" || value === "") throw badRequest(`there is no ${kind} in the request`);
  if (HTTP_URL.test(value)) {
    const filename = new URL(value).pathname.split("/").pop() || "file";
    return ctx.files.issue(kind, { filename, contentType: "application/octet-stream", size: 1024 });
  }
  return ctx.files.resolve(kind, value);
}
