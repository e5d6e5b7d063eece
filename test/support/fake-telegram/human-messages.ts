// The messages people post in the fake's chats, shaped as Telegram delivers them: in forum topics, topic service
// messages, and edits. A test asking for what no person could do (a topic that is gone, someone else's message) throws.
import type { Chat, Message, User } from "node-telegram-bot-api";
import { buildMessage, textFields, type MessageFields } from "../updates.js";
import type { MethodContext } from "./method-context.js";
import { topicFields, topicOf } from "./topic-placement.js";
import { GENERAL_TOPIC_ID, TOPIC_ICON_COLORS } from "./topic-store.js";
import type { TopicInfo } from "./types.js";

/** Who an anonymous group admin's messages come from: Telegram's stand-in bot, with the group as sender_chat. */
export const GROUP_ANONYMOUS_BOT: User = { id: 1087968824, is_bot: true, first_name: "Group", username: "GroupAnonymousBot" };

/** The chat as a message shows it: a forum says so, whatever Chat object the test holds. */
function asShown(ctx: MethodContext, chat: Chat): Chat {
  const known = ctx.chats.has(chat.id) ? ctx.chats.find(chat.id) : undefined;
  return known?.is_forum === true ? { ...chat, is_forum: true } : chat;
}

function liveTopic(ctx: MethodContext, chat: Chat, threadId: number, helper: string): TopicInfo {
  if (chat.is_forum !== true) throw new Error(`${helper}: chat ${chat.id} is not a forum; call makeForum first`);
  const topic = ctx.topics.live(chat.id, threadId);
  if (!topic) throw new Error(`${helper}: chat ${chat.id} has no topic ${threadId} (never opened, or deleted)`);
  return topic;
}

/** A sender's fields: a person as `from`, or an anonymous admin as the group itself. */
function senderFields(chat: Chat, by: User | undefined): { from: User; extra: MessageFields } {
  return by ? { from: by, extra: {} } : { from: GROUP_ANONYMOUS_BOT, extra: { sender_chat: chat } };
}

/**
 * A message by `from`. In a forum it goes into topic `threadId`, or without one into the topic of the message it
 * replies to, else into General; outside topics the fields are kept as given.
 */
export function humanMessage(ctx: MethodContext, chat: Chat, from: User, content: MessageFields, threadId: number | undefined): Message {
  const shown = asShown(ctx, chat);
  if (threadId !== undefined && shown.is_forum !== true) throw new Error(`groupMessage: chat ${chat.id} is not a forum; call makeForum first`);
  const reply = content.reply_to_message;
  const replyTopic = reply ? (topicOf(reply) ?? GENERAL_TOPIC_ID) : undefined;
  const topic = threadId ?? replyTopic ?? GENERAL_TOPIC_ID;
  if (reply && replyTopic !== topic) throw new Error(`groupMessage: message ${reply.message_id} is not in topic ${topic}; no one can reply to it there`);
  const meta = { message_id: ctx.chats.nextMessageId(chat.id) };
  if (topic === GENERAL_TOPIC_ID) return buildMessage(shown, from, content, meta);
  liveTopic(ctx, shown, topic, "groupMessage");
  const { reply_to_message: _given, ...rest } = content;
  return buildMessage(shown, from, { ...rest, ...topicFields(ctx.chats, chat.id, topic, reply) }, meta);
}

/** Someone opens a topic; it is theirs. Without `by` an anonymous admin does. */
export function topicOpened(ctx: MethodContext, chat: Chat, name: string, by: User | undefined, iconColor = TOPIC_ICON_COLORS[0] ?? 0): Message {
  const shown = asShown(ctx, chat);
  if (shown.is_forum !== true) throw new Error(`staffCreatesTopic: chat ${chat.id} is not a forum; call makeForum first`);
  const threadId = ctx.chats.nextMessageId(chat.id);
  const { from, extra } = senderFields(shown, by);
  ctx.topics.add(chat.id, { threadId, name, iconColor, closed: false, deleted: false, createdBy: from.id });
  const fields = { ...extra, ...topicFields(ctx.chats, chat.id, threadId, undefined), forum_topic_created: { name, icon_color: iconColor } };
  return buildMessage(shown, from, fields, { message_id: threadId });
}

/** Someone closes or reopens a topic (General too), which posts its service message there. */
export function topicClosedOrReopened(ctx: MethodContext, chat: Chat, threadId: number, closed: boolean, by: User | undefined): Message {
  const shown = asShown(ctx, chat);
  const helper = closed ? "staffClosesTopic" : "staffReopensTopic";
  const topic = liveTopic(ctx, shown, threadId, helper);
  if (topic.closed === closed) throw new Error(`${helper}: topic ${threadId} is already ${closed ? "closed" : "open"}`);
  topic.closed = closed;
  const { from, extra } = senderFields(shown, by);
  const service = closed ? { forum_topic_closed: {} } : { forum_topic_reopened: {} };
  const fields = { ...extra, ...topicFields(ctx.chats, chat.id, threadId, undefined), ...service };
  return buildMessage(shown, from, fields, { message_id: ctx.chats.nextMessageId(chat.id) });
}

const CAPTIONED = ["photo", "video", "document", "audio", "animation", "voice"] as const;

/** The message `from` wrote, as it reads after they edit its text (or, for a file, its caption) to `newText`. */
export function editedMessage(ctx: MethodContext, chatId: number, from: User, messageId: number, newText: string, helper: string): Message {
  const message = ctx.chats.get(chatId, messageId);
  if (!message) throw new Error(`${helper}: chat ${chatId} holds no message ${messageId}`);
  if (message.from?.id !== from.id) throw new Error(`${helper}: message ${messageId} is by ${message.from?.id ?? "nobody"}, not ${from.id}`);
  const { entities: _entities, caption_entities: _captionEntities, ...rest } = message;
  let edited: Message;
  if (message.text !== undefined) {
    if (newText === message.text) throw new Error(`${helper}: the text is unchanged; Telegram sends no edit`);
    edited = { ...rest, ...textFields(newText) };
  } else if (CAPTIONED.some((kind) => message[kind] !== undefined)) {
    if (newText === (message.caption ?? "")) throw new Error(`${helper}: the caption is unchanged; Telegram sends no edit`);
    const { caption: _caption, ...uncaptioned } = rest;
    edited = newText === "" ? uncaptioned : { ...uncaptioned, caption: newText };
  } else {
    throw new Error(`${helper}: message ${messageId} has no text or caption to edit`);
  }
  return { ...edited, edit_date: ctx.nowSec() };
}
