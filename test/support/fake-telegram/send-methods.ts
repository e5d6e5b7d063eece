// The methods that send new messages: sendMessage, the single-file senders and sendMediaGroup.
import type { Message } from "node-telegram-bot-api";
import { newMediaGroupId, type FileKind, type MessageFields } from "../updates.js";
import { badRequest } from "./api-error.js";
import { contentFields, type MediaContent } from "./file-registry.js";
import { captionFromParams, textFromParams } from "./formatted-text.js";
import type { MethodContext, MethodHandler, MethodRequest } from "./method-context.js";
import { captionContent, checkPlacement, resolveMedia, storeBotMessage, textContent } from "./outgoing-message.js";
import { isRecord, type Params } from "./params.js";

function caption(params: Params): MessageFields {
  return captionContent(captionFromParams(params));
}

const sendMessage: MethodHandler = (ctx, { params }) => {
  const chat = ctx.chats.writable(params.chat_id);
  return storeBotMessage(ctx, chat, textContent(textFromParams(params)), params);
};

/** sendPhoto, sendDocument, …: one file under the parameter named after its kind, plus a caption. */
function sendFile(kind: FileKind): MethodHandler {
  return (ctx, { params, files }) => {
    const chat = ctx.chats.writable(params.chat_id);
    const captionFields = caption(params);
    checkPlacement(ctx, chat, params);
    // The file is issued last so a refused request leaves no file_id behind.
    const media = resolveMedia(ctx, kind, params[kind], files, kind);
    return storeBotMessage(ctx, chat, { ...contentFields(media), ...captionFields }, params);
  };
}

const MEDIA_GROUP_KINDS = new Set<string>(["photo", "video", "document", "audio"]);

function isGroupKind(kind: unknown): kind is "photo" | "video" | "document" | "audio" {
  return typeof kind === "string" && MEDIA_GROUP_KINDS.has(kind);
}

/** Documents and audio form albums only of their own kind; photos and videos mix. */
function checkAlbumMix(kinds: string[]): void {
  const families = new Set(kinds.map((k) => (k === "video" ? "photo" : k)));
  if (families.size > 1) throw badRequest("documents and audio can be grouped only with documents and audio of the same kind");
}

function albumItems(ctx: MethodContext, { params, files }: MethodRequest): { media: MediaContent; caption: MessageFields }[] {
  const items = params.media;
  if (items === undefined) throw badRequest('parameter "media" is required');
  if (!Array.isArray(items) || !items.every(isRecord)) throw badRequest("can't parse media JSON object");
  if (items.length < 2 || items.length > 10) throw badRequest("media group must include 2-10 items");
  const kinds = items.map((item) => item.type);
  if (!kinds.every(isGroupKind)) throw badRequest("can't parse InputMedia: media type is not supported in a media group");
  checkAlbumMix(kinds);
  const captions = items.map((item) => caption(item));
  return kinds.map((kind, i) => ({ media: resolveMedia(ctx, kind, items[i]?.media, files, "media"), caption: captions[i] ?? {} }));
}

const sendMediaGroup: MethodHandler = (ctx, req) => {
  const chat = ctx.chats.writable(req.params.chat_id);
  checkPlacement(ctx, chat, req.params);
  const items = albumItems(ctx, req);
  const media_group_id = newMediaGroupId();
  // An album carries no keyboard; every message of it replies to the same message.
  const { reply_markup: _ignored, ...replyParams } = req.params;
  const messages: Message[] = items.map(({ media, caption: captionFields }) =>
    storeBotMessage(ctx, chat, { ...contentFields(media), ...captionFields, media_group_id }, replyParams),
  );
  return messages;
};

export const SEND_METHODS: Record<string, MethodHandler> = {
  sendMessage,
  sendPhoto: sendFile("photo"),
  sendDocument: sendFile("document"),
  sendVoice: sendFile("voice"),
  sendVideo: sendFile("video"),
  sendAudio: sendFile("audio"),
  sendAnimation: sendFile("animation"),
  sendMediaGroup,
};
