// copyMessage(s) and forwardMessage(s): re-send a message the fake knows, keeping its kind and its album.
import type { Chat, Message, MessageId, MessageOrigin } from "node-telegram-bot-api";
import { newMediaGroupId, type MessageFields } from "../updates.js";
import { badRequest } from "./api-error.js";
import { captionFromParams } from "./formatted-text.js";
import type { MethodContext, MethodHandler } from "./method-context.js";
import { captionContent, checkPlacement, definedOnly, storeBotMessage } from "./outgoing-message.js";
import { optionalBool, requiredInt, requiredIntArray, type Params } from "./params.js";

/** The parts of a message that a copy carries; undefined for a message that cannot be copied (a service message). */
function copyableContent(m: Message): MessageFields | undefined {
  const { text, entities, photo, document, voice, video, audio, animation, sticker, video_note, location, venue, contact, dice, poll } = m;
  const content = definedOnly({
    text, entities, photo, document, voice, video, audio, animation, sticker, video_note, location, venue, contact, dice, poll,
  });
  if (Object.keys(content).length === 0) return undefined;
  const { caption, caption_entities, has_media_spoiler, show_caption_above_media } = m;
  return { ...content, ...definedOnly({ caption, caption_entities, has_media_spoiler, show_caption_above_media }) };
}

function withoutCaption(fields: MessageFields): MessageFields {
  const { caption: _caption, caption_entities: _entities, ...rest } = fields;
  return rest;
}

/** A source chat the fake never saw holds no message to copy, so it is reported as the missing message. */
function sourceChat(ctx: MethodContext, params: Params, notFound: string): Chat {
  try {
    return ctx.chats.find(params.from_chat_id);
  } catch {
    throw badRequest(notFound);
  }
}

function sourceMessage(ctx: MethodContext, params: Params, notFound: string): Message {
  const message = ctx.chats.get(sourceChat(ctx, params, notFound).id, requiredInt(params, "message_id"));
  if (!message) throw badRequest(notFound);
  return message;
}

function contentOrRefuse(message: Message): MessageFields {
  const content = copyableContent(message);
  if (!content) throw badRequest("message can't be copied");
  return content;
}

/** A copy may replace the caption of a media message; an empty caption removes it. Text messages ignore it. */
function withCaptionOverride(content: MessageFields, params: Params): MessageFields {
  if (params.caption === undefined || content.text !== undefined) return content;
  return { ...withoutCaption(content), ...captionContent(captionFromParams(params)) };
}

/** The Bot API checks the topic before the source; forwards and multi-copies take no reply or keyboard, only a topic. */
function topicOnly(ctx: MethodContext, chat: Chat, params: Params): Params {
  const placed = { message_thread_id: params.message_thread_id };
  checkPlacement(ctx, chat, placed);
  return placed;
}

const copyMessage: MethodHandler = (ctx, { params }): MessageId => {
  const chat = ctx.chats.writable(params.chat_id);
  topicOnly(ctx, chat, params);
  const source = sourceMessage(ctx, params, "message to copy not found");
  const content = withCaptionOverride(contentOrRefuse(source), params);
  return { message_id: storeBotMessage(ctx, chat, content, params).message_id };
};

function originOf(source: Message): MessageOrigin {
  if (source.chat.type === "channel") return { type: "channel", date: source.date, chat: source.chat, message_id: source.message_id };
  if (source.sender_chat) return { type: "chat", date: source.date, sender_chat: source.sender_chat };
  if (source.from) return { type: "user", date: source.date, sender_user: source.from };
  return { type: "hidden_user", date: source.date, sender_user_name: "Hidden User" };
}

function forwardedContent(source: Message): MessageFields {
  return { ...contentOrRefuse(source), forward_origin: source.forward_origin ?? originOf(source) };
}

const forwardMessage: MethodHandler = (ctx, { params }) => {
  const chat = ctx.chats.writable(params.chat_id);
  const placed = topicOnly(ctx, chat, params);
  const source = sourceMessage(ctx, params, "message to forward not found");
  return storeBotMessage(ctx, chat, forwardedContent(source), placed);
};

/**
 * copyMessages/forwardMessages: ids strictly increasing; missing or uncopyable messages are skipped, and
 * messages of one album land in one new album.
 */
function copyMany(forward: boolean): MethodHandler {
  return (ctx, { params }): MessageId[] => {
    const chat = ctx.chats.writable(params.chat_id);
    const placed = topicOnly(ctx, chat, params);
    const ids = requiredIntArray(params, "message_ids");
    if (ids.length > 100) throw badRequest("too many messages to copy");
    if (ids.some((id, i) => i > 0 && id <= (ids[i - 1] ?? id))) throw badRequest("message identifiers must be in strictly increasing order");
    const removeCaption = !forward && optionalBool(params, "remove_caption");
    const notFound = forward ? "messages to forward not found" : "message to copy not found";
    const fromChat = sourceChat(ctx, params, notFound);
    const sources = ids.flatMap((id) => {
      const message = ctx.chats.get(fromChat.id, id);
      return message && copyableContent(message) ? [message] : [];
    });
    if (sources.length === 0) throw badRequest(notFound);
    const albums = new Map<string, string>();
    return sources.map((source) => {
      let content = forward ? forwardedContent(source) : contentOrRefuse(source);
      if (removeCaption) content = withoutCaption(content);
      if (source.media_group_id !== undefined) {
        const media_group_id = albums.get(source.media_group_id) ?? newMediaGroupId();
        albums.set(source.media_group_id, media_group_id);
        content = { ...content, media_group_id };
      }
      return { message_id: storeBotMessage(ctx, chat, content, placed).message_id };
    });
  };
}

export const COPY_METHODS: Record<string, MethodHandler> = {
  copyMessage,
  copyMessages: copyMany(false),
  forwardMessage,
  forwardMessages: copyMany(true),
};
