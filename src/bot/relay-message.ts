// Reads a Telegram message as something the relay can carry: which kind of media, its text or caption, its album.
import type { Message } from "node-telegram-bot-api";
import type { RelayMessage } from "../domain/relay/relay-service.js";

const CAPTIONABLE = ["photo", "document", "video", "audio", "voice", "animation"] as const;
const BARE = ["sticker", "video_note", "location", "venue", "contact", "dice", "poll"] as const;

/** undefined for what cannot be relayed (service messages, games, payments…). */
export function relayMessageOf(message: Message): RelayMessage | undefined {
  const base = { chatId: message.chat.id, messageId: message.message_id, ...(message.media_group_id ? { mediaGroupId: message.media_group_id } : {}) };
  if (message.text !== undefined) return { ...base, media: "text", body: message.text };
  if (CAPTIONABLE.some((k) => k in message)) return { ...base, media: "captionable", body: message.caption ?? null };
  if (BARE.some((k) => k in message)) return { ...base, media: "bare", body: null };
  return undefined;
}

export function displayName(user: { first_name: string; last_name?: string } | undefined): string {
  return user ? [user.first_name, user.last_name].filter(Boolean).join(" ") : "-";
}
