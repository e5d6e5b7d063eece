// How a message the bot sends is put together: its id, sender, topic, reply target, inline keyboard and file content.
import type { Chat, Message } from "node-telegram-bot-api";
import type { FileKind, MessageFields } from "../updates.js";
import { badRequest } from "./api-error.js";
import type { MediaContent } from "./file-registry.js";
import type { FormattedText } from "./formatted-text.js";
import type { MethodContext } from "./method-context.js";
import { inlineKeyboardOf, optionalBool, optionalInt, optionalRecord, type Params } from "./params.js";
import { topicFields, topicOf } from "./topic-placement.js";
import { GENERAL_TOPIC_ID } from "./topic-store.js";
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

const THREAD_NOT_FOUND = "message thread not found";

/**
 * The topic named by message_thread_id, checked as the Bot API checks it before anything else: outside forums it is
 * ignored, in a private chat (bot topics are not modelled) and for General or a missing topic it is "not found".
 */
function requestedTopic(ctx: MethodContext, chat: Chat, params: Params): number | undefined {
  const threadId = optionalInt(params, "message_thread_id");
  if (threadId === undefined || threadId <= 0) return undefined;
  if (chat.type === "private") throw badRequest(THREAD_NOT_FOUND);
  if (chat.is_forum !== true) return undefined;
  if (threadId === GENERAL_TOPIC_ID || !ctx.topics.live(chat.id, threadId)) throw badRequest(THREAD_NOT_FOUND);
  return threadId;
}

/** The message being replied to, from reply_parameters or the older reply_to_message_id, in whatever chat it is. */
function replyTarget(ctx: MethodContext, chat: Chat, params: Params): Message | undefined {
  const parameters = optionalRecord(params, "reply_parameters", "can't parse reply parameters JSON object");
  const messageId = parameters
    ? typeof parameters.message_id === "number" ? parameters.message_id : undefined
    : optionalInt(params, "reply_to_message_id");
  if (messageId === undefined) return undefined;
  const allowWithout = parameters ? parameters.allow_sending_without_reply === true : optionalBool(params, "allow_sending_without_reply");
  const replyChat = parameters?.chat_id === undefined ? chat : ctx.chats.find(parameters.chat_id);
  const target = ctx.chats.get(replyChat.id, messageId);
  if (!target && !allowWithout) throw badRequest("message to be replied not found");
  return target;
}

/** Telegram lets the topic's creator, and admins who may manage topics, still write in a closed topic. */
function checkOpen(ctx: MethodContext, chat: Chat, threadId: number | undefined): void {
  if (chat.is_forum !== true) return;
  const topic = ctx.topics.get(chat.id, threadId ?? GENERAL_TOPIC_ID);
  if (!topic?.closed) return;
  if (topic.createdBy === ctx.bot.id || ctx.botRights.get(chat.id)?.can_manage_topics === true) return;
  throw badRequest("TOPIC_CLOSED");
}

/**
 * The topic and reply of a new bot message. Without message_thread_id a reply goes into the replied message's topic,
 * as on Telegram. A reply to another chat's or another topic's message shows as external_reply, which this fake does
 * not model: such a message shows only its topic.
 */
function placement(ctx: MethodContext, chat: Chat, params: Params): MessageFields {
  const requested = requestedTopic(ctx, chat, params);
  const target = replyTarget(ctx, chat, params);
  const sameChat = target?.chat.id === chat.id ? target : undefined;
  const threadId = requested ?? (sameChat ? topicOf(sameChat) : undefined);
  checkOpen(ctx, chat, threadId);
  const reply = sameChat && topicOf(sameChat) === threadId ? sameChat : undefined;
  return topicFields(ctx.chats, chat.id, threadId, reply);
}

/**
 * Stores and returns a new bot message in `chat`. Topic, reply target and keyboard come from `params`
 * (pass {} where the method has none); everything is validated before anything is stored.
 */
export function storeBotMessage(ctx: MethodContext, chat: Chat, fields: MessageFields, params: Params): Message {
  const placed = placement(ctx, chat, params);
  const reply_markup = inlineKeyboardOf(params);
  const message: Message = {
    message_id: ctx.chats.nextMessageId(chat.id),
    from: ctx.bot,
    date: ctx.nowSec(),
    chat,
    ...fields,
    ...placed,
    ...(reply_markup ? { reply_markup } : {}),
  };
  ctx.chats.put(message);
  return message;
}

/** Validates topic, reply target and keyboard without storing, for methods that must check everything first. */
export function checkPlacement(ctx: MethodContext, chat: Chat, params: Params): void {
  placement(ctx, chat, params);
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
