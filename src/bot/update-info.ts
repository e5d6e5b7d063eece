// Reads what an update is about (kind, chat, sender, command) in one place, for routing, logging and the message log.
import type { Chat, Message, Update, User } from "node-telegram-bot-api";
import { redactDaftar } from "../domain/redact.js";

export interface UpdateInfo {
  kind: string;
  chat?: Chat;
  from?: User;
  message?: Message;
  command?: string;
  text?: string;
}


export function describeUpdate(update: Update): UpdateInfo {
  const kind = Object.keys(update).find((k) => k !== "update_id") ?? "unknown";
  if ("message" in update) return { kind, ...fromMessage(update.message) };
  if ("edited_message" in update) return { kind, ...fromMessage(update.edited_message) };
  if ("channel_post" in update) return { kind, chat: update.channel_post.chat };
  if ("callback_query" in update) {
    const q = update.callback_query;
    const chat = q.message && "chat" in q.message ? q.message.chat : undefined;
    return { kind, from: q.from, chat, text: q.data };
  }
  if ("my_chat_member" in update) return { kind, chat: update.my_chat_member.chat, from: update.my_chat_member.from };
  if ("chat_member" in update) return { kind, chat: update.chat_member.chat, from: update.chat_member.from };
  return { kind };
}

function fromMessage(message: Message): Omit<UpdateInfo, "kind"> {
  const text = message.text ?? message.caption;
  const command = message.text?.match(/^\/([A-Za-z0-9_]+)(@\w+)?/)?.[1]?.toLowerCase();
  return { chat: message.chat, from: message.from, message, text, command };
}

/** Serializes sequential handling: updates of one chat run in order, different chats run side by side. */
export function chatKeyOf(update: Update): string {
  const info = describeUpdate(update);
  if (info.chat) return chatKey(info.chat.id);
  if (info.from) return chatKey(info.from.id);
  return "lain";
}

/** The key of one chat's updates, in the sequencer and in the inbox (`update_masuk.kunci_chat`). */
export function chatKey(chatId: number): string {
  return `c${chatId}`;
}

const serialized = new WeakMap<Update, string>();

/**
 * The update as JSON, password redacted: what the inbox, the `pesan` log and an error's log line store. Made once
 * per update (the runner and the middleware hold the same object) instead of once per place that stores it.
 */
export function redactedJson(update: Update): string {
  let json = serialized.get(update);
  if (json === undefined) {
    json = JSON.stringify(redactUpdate(update));
    serialized.set(update, json);
  }
  return json;
}

/**
 * A copy of the update that is safe to store and log: a /daftar password is replaced, in a text or a caption. An
 * edit, a channel post or a business message can carry one as well as a message.
 */
function redactUpdate(update: Update): Update {
  if ("message" in update) return { ...update, message: redactMessage(update.message) };
  if ("edited_message" in update) return { ...update, edited_message: redactMessage(update.edited_message) };
  if ("channel_post" in update) return { ...update, channel_post: redactMessage(update.channel_post) };
  if ("edited_channel_post" in update) return { ...update, edited_channel_post: redactMessage(update.edited_channel_post) };
  if ("business_message" in update) return { ...update, business_message: redactMessage(update.business_message) };
  if ("edited_business_message" in update) return { ...update, edited_business_message: redactMessage(update.edited_business_message) };
  return update;
}

/** The message, and the message it replies to (which quotes its text), with their texts and captions redacted. */
function redactMessage(message: Message): Message {
  const redacted = { ...message };
  if (message.text !== undefined) redacted.text = redactDaftar(message.text);
  if (message.caption !== undefined) redacted.caption = redactDaftar(message.caption);
  if (message.reply_to_message) redacted.reply_to_message = redactMessage(message.reply_to_message);
  return redacted;
}
