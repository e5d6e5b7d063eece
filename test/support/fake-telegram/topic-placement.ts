// Where a new message sits in a forum: the fields that put it in a topic, and the reply Telegram shows for it.
import type { Message } from "node-telegram-bot-api";
import type { MessageFields } from "../updates.js";
import type { ChatStore } from "./chat-store.js";
import { GENERAL_TOPIC_ID } from "./topic-store.js";

/** Telegram includes a replied message one level deep only. */
export function asReplied(message: Message): Message {
  const { reply_to_message: _nested, ...flat } = message;
  return flat;
}

/** The topic a message is in; undefined in General and in chats without topics. */
export function topicOf(message: Message): number | undefined {
  return message.is_topic_message ? message.message_thread_id : undefined;
}

/**
 * The fields of a new message in topic `threadId` (undefined or General: none but the reply). A topic message that
 * replies to nothing else shows reply_to_message pointing at its topic's forum_topic_created message, as the Bot API
 * sends every message in a topic.
 */
export function topicFields(chats: ChatStore, chatId: number, threadId: number | undefined, reply: Message | undefined): MessageFields {
  if (threadId === undefined || threadId === GENERAL_TOPIC_ID) return reply ? { reply_to_message: asReplied(reply) } : {};
  const opening = chats.get(chatId, threadId);
  const shown = reply ?? opening;
  return { message_thread_id: threadId, is_topic_message: true, ...(shown ? { reply_to_message: asReplied(shown) } : {}) };
}
