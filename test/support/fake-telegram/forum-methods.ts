// The forum topic methods: create, rename, close, reopen and delete topics, each posting its service message as Telegram does.
// Refusals follow the Bot API server and TDLib (ForumTopicManager): their wording, their order, and the creator exemption.
import type { Chat, ForumTopic, Message } from "node-telegram-bot-api";
import type { MessageFields } from "../updates.js";
import { badRequest } from "./api-error.js";
import type { MethodContext, MethodHandler } from "./method-context.js";
import { optionalInt, optionalString, type Params } from "./params.js";
import { topicFields } from "./topic-placement.js";
import { GENERAL_TOPIC_ID, TOPIC_ICON_COLORS } from "./topic-store.js";
import type { TopicInfo } from "./types.js";

const MAX_NAME_LENGTH = 128;

function forumChat(ctx: MethodContext, params: Params): Chat {
  const chat = ctx.chats.writable(params.chat_id);
  if (chat.is_forum !== true) throw badRequest("the chat is not a forum");
  return chat;
}

/** Telegram trims a name and cuts it to 128 characters rather than refusing a long one. */
function cleanName(raw: string): string {
  return [...raw.trim()].slice(0, MAX_NAME_LENGTH).join("").trim();
}

function mayManageTopics(ctx: MethodContext, chat: Chat): boolean {
  return ctx.botRights.get(chat.id)?.can_manage_topics === true;
}

/** The topic named by message_thread_id; one that is gone, or never was, is refused as the server refuses it. */
function existingTopic(ctx: MethodContext, chat: Chat, params: Params): TopicInfo {
  const threadId = optionalInt(params, "message_thread_id") ?? 0;
  if (threadId <= 0) throw badRequest("invalid forum topic identifier specified");
  const topic = ctx.topics.live(chat.id, threadId);
  if (!topic) throw badRequest("TOPIC_ID_INVALID");
  return topic;
}

/** The bot may change a topic it opened without any right; others (General included) need `allowed`. */
function checkRight(ctx: MethodContext, topic: TopicInfo, allowed: boolean, refusal: string): void {
  if (topic.createdBy !== ctx.bot.id && !allowed) throw badRequest(refusal);
}

/** A service message from the bot in the topic (General: none of the topic fields). */
function postService(ctx: MethodContext, chat: Chat, threadId: number, service: MessageFields): Message {
  const message: Message = {
    message_id: ctx.chats.nextMessageId(chat.id),
    from: ctx.bot,
    date: ctx.nowSec(),
    chat,
    ...topicFields(ctx.chats, chat.id, threadId, undefined),
    ...service,
  };
  ctx.chats.put(message);
  return message;
}

const createForumTopic: MethodHandler = (ctx, { params }): ForumTopic => {
  const chat = forumChat(ctx, params);
  if (!mayManageTopics(ctx, chat)) throw badRequest("not enough rights to create a topic");
  const name = cleanName(optionalString(params, "name") ?? "");
  if (name === "") throw badRequest("name must be non-empty");
  const icon_color = optionalInt(params, "icon_color") ?? TOPIC_ICON_COLORS[0] ?? 0;
  if (!TOPIC_ICON_COLORS.includes(icon_color)) throw badRequest("invalid icon color specified");
  const icon_custom_emoji_id = optionalString(params, "icon_custom_emoji_id") || undefined;
  const icon = { icon_color, ...(icon_custom_emoji_id ? { icon_custom_emoji_id } : {}) };

  // A topic's id is the id of the message that opens it.
  const threadId = ctx.chats.nextMessageId(chat.id);
  postService(ctx, chat, threadId, { forum_topic_created: { name, ...icon } });
  ctx.topics.add(chat.id, {
    threadId,
    name,
    iconColor: icon_color,
    ...(icon_custom_emoji_id ? { iconCustomEmojiId: icon_custom_emoji_id } : {}),
    closed: false,
    deleted: false,
    createdBy: ctx.bot.id,
  });
  return { message_thread_id: threadId, name, ...icon };
};

const editForumTopic: MethodHandler = (ctx, { params }) => {
  const chat = forumChat(ctx, params);
  const topic = existingTopic(ctx, chat, params);
  checkRight(ctx, topic, mayManageTopics(ctx, chat), "not enough rights to edit the topic");
  const rawName = optionalString(params, "name") ?? "";
  const name = cleanName(rawName);
  if (rawName !== "" && name === "") throw badRequest("name must be non-empty");
  const emoji = optionalString(params, "icon_custom_emoji_id");
  // Neither given: TDLib answers true without asking the server.
  if (name === "" && emoji === undefined) return true;
  if (emoji !== undefined && topic.threadId === GENERAL_TOPIC_ID) throw badRequest("GENERAL_MODIFY_ICON_FORBIDDEN");
  const renamed = name !== "" && name !== topic.name;
  const reiconed = emoji !== undefined && emoji !== (topic.iconCustomEmojiId ?? "");
  if (!renamed && !reiconed) throw badRequest("TOPIC_NOT_MODIFIED");

  if (renamed) topic.name = name;
  if (reiconed) {
    if (emoji === "") delete topic.iconCustomEmojiId;
    else topic.iconCustomEmojiId = emoji;
  }
  const edited = { ...(renamed ? { name } : {}), ...(reiconed ? { icon_custom_emoji_id: emoji } : {}) };
  postService(ctx, chat, topic.threadId, { forum_topic_edited: edited });
  return true;
};

/** closeForumTopic and reopenForumTopic: asking for the state a topic is already in is "not modified". */
function setClosed(closed: boolean): MethodHandler {
  return (ctx, { params }) => {
    const chat = forumChat(ctx, params);
    const topic = existingTopic(ctx, chat, params);
    checkRight(ctx, topic, mayManageTopics(ctx, chat), "not enough rights to close or open the topic");
    if (topic.closed === closed) throw badRequest("TOPIC_NOT_MODIFIED");
    topic.closed = closed;
    postService(ctx, chat, topic.threadId, closed ? { forum_topic_closed: {} } : { forum_topic_reopened: {} });
    return true;
  };
}

const deleteForumTopic: MethodHandler = (ctx, { params }) => {
  const chat = forumChat(ctx, params);
  const topic = existingTopic(ctx, chat, params);
  if (topic.threadId === GENERAL_TOPIC_ID) throw badRequest("TOPIC_ID_INVALID");
  checkRight(ctx, topic, ctx.botRights.get(chat.id)?.can_delete_messages === true, "not enough rights to delete the topic");
  deleteTopic(ctx, chat.id, topic);
  return true;
};

/** A topic is deleted with every message in it; Telegram tells the bot nothing. */
export function deleteTopic(ctx: MethodContext, chatId: number, topic: TopicInfo): void {
  topic.deleted = true;
  for (const message of ctx.chats.messagesIn(chatId)) {
    if (message.is_topic_message && message.message_thread_id === topic.threadId) ctx.chats.delete(chatId, message.message_id);
  }
}

export const FORUM_METHODS: Record<string, MethodHandler> = {
  createForumTopic,
  editForumTopic,
  closeForumTopic: setClosed(true),
  reopenForumTopic: setClosed(false),
  deleteForumTopic,
};
