// Reads what an update is about (kind, chat, sender, command) in one place, for routing, logging and the message log.
import type { Chat, Message, Update, User } from "node-telegram-bot-api";
import { isDaftarCommand, redactDaftar } from "../domain/redact.js";

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
  if (info.chat) return `c${info.chat.id}`;
  if (info.from) return `c${info.from.id}`;
  return "lain";
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

/** A copy of the update that is safe to store and log: a /daftar password is replaced. */
function redactUpdate(update: Update): Update {
  if ("message" in update && isDaftarCommand(update.message.text)) {
    return { ...update, message: { ...update.message, text: redactDaftar(update.message.text!) } };
  }
  // An edit of a /daftar message carries the password too.
  if ("edited_message" in update && isDaftarCommand(update.edited_message.text)) {
    return { ...update, edited_message: { ...update.edited_message, text: redactDaftar(update.edited_message.text!) } };
  }
  return update;
}
