// Factories for the users, chats and messages a test feeds to the bot, shaped the way Telegram delivers them.
import type {
  Animation,
  Audio,
  CallbackQuery,
  Chat,
  Document,
  Message,
  MessageEntity,
  PhotoSize,
  User,
  Video,
  Voice,
} from "node-telegram-bot-api";

/** Everything a message carries besides who, where and when. */
export type MessageFields = Partial<Omit<Message, "message_id" | "date" | "chat" | "from">>;

/** Where a message sits in its chat; defaults suit a test that does not care. */
export interface MessageMeta {
  message_id?: number;
  date?: number;
}

export interface UserNames {
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export type FileKind = "photo" | "document" | "voice" | "video" | "audio" | "animation";

export interface FileIds {
  file_id: string;
  file_unique_id: string;
}

export function makeUser(id: number, names: UserNames = {}): User {
  return {
    id,
    is_bot: false,
    first_name: names.first_name ?? `User${id}`,
    ...(names.last_name === undefined ? {} : { last_name: names.last_name }),
    ...(names.username === undefined ? {} : { username: names.username }),
    ...(names.language_code === undefined ? {} : { language_code: names.language_code }),
  };
}

/** A user's private chat with the bot has the user's id and names. */
export function privateChatOf(user: User): Chat {
  return {
    id: user.id,
    type: "private",
    first_name: user.first_name,
    ...(user.last_name === undefined ? {} : { last_name: user.last_name }),
    ...(user.username === undefined ? {} : { username: user.username }),
  };
}

/** Groups a bot works in today are supergroups, whose ids are negative (-100…). */
export function makeGroup(id: number, title: string): Chat {
  if (id >= 0) throw new Error(`makeGroup: a group id is negative, got ${id}`);
  return { id, type: "supergroup", title };
}

// Real file ids start with a kind-specific base64 prefix; keeping it makes logs look like production logs.
const FILE_ID_PREFIX: Record<FileKind, string> = {
  photo: "AgACAgUAAxkBAA",
  document: "BQACAgUAAxkBAA",
  voice: "AwACAgUAAxkBAA",
  video: "BAACAgUAAxkBAA",
  audio: "CQACAgUAAxkBAA",
  animation: "CgACAgUAAxkBAA",
};
let fileCounter = 0;

/** A file_id never handed out before in this process (uploads in the fake and files in factories share it). */
export function fakeFileIds(kind: FileKind): FileIds {
  fileCounter += 1;
  const serial = fileCounter.toString(36).padStart(5, "0");
  const noise = Math.random().toString(36).slice(2, 10);
  return {
    file_id: `${FILE_ID_PREFIX[kind]}${serial}${noise}`,
    file_unique_id: `AQAD${serial}${noise.slice(0, 4)}`,
  };
}

const COMMAND_AT_START = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,32})?/;

/** Telegram marks a leading "/command" as a bot_command entity; command routers rely on it. */
export function textFields(text: string): MessageFields {
  const command = COMMAND_AT_START.exec(text);
  if (!command) return { text };
  const entity: MessageEntity = { type: "bot_command", offset: 0, length: command[0].length };
  return { text, entities: [entity] };
}

export function photoSizes(opts: { width?: number; height?: number; file_size?: number } = {}): PhotoSize[] {
  const width = opts.width ?? 1280;
  const height = opts.height ?? 960;
  const thumbScale = 90 / Math.max(width, height);
  return [
    {
      ...fakeFileIds("photo"),
      width: Math.round(width * thumbScale),
      height: Math.round(height * thumbScale),
      file_size: Math.max(1, Math.round((opts.file_size ?? 120_000) / 40)),
    },
    { ...fakeFileIds("photo"), width, height, file_size: opts.file_size ?? 120_000 },
  ];
}

export interface CaptionOption {
  caption?: string;
}

function withCaption(fields: MessageFields, caption: string | undefined): MessageFields {
  return caption === undefined ? fields : { ...fields, caption };
}

export function photoFields(opts: CaptionOption & { width?: number; height?: number } = {}): MessageFields {
  return withCaption({ photo: photoSizes(opts) }, opts.caption);
}

export interface DocumentOptions extends CaptionOption {
  file_name?: string;
  mime_type?: string;
  file_size?: number;
}

export function documentFields(opts: DocumentOptions = {}): MessageFields {
  const document: Document = {
    ...fakeFileIds("document"),
    file_name: opts.file_name ?? "dokumen.pdf",
    mime_type: opts.mime_type ?? "application/pdf",
    file_size: opts.file_size ?? 48_213,
  };
  return withCaption({ document }, opts.caption);
}

export function voiceFields(opts: CaptionOption & { duration?: number } = {}): MessageFields {
  const voice: Voice = { ...fakeFileIds("voice"), duration: opts.duration ?? 4, mime_type: "audio/ogg", file_size: 9_120 };
  return withCaption({ voice }, opts.caption);
}

export function videoFields(opts: CaptionOption & { duration?: number; file_name?: string } = {}): MessageFields {
  const video: Video = {
    ...fakeFileIds("video"),
    width: 1280,
    height: 720,
    duration: opts.duration ?? 12,
    file_name: opts.file_name ?? "video.mp4",
    mime_type: "video/mp4",
    file_size: 1_843_200,
  };
  return withCaption({ video }, opts.caption);
}

export function audioFields(opts: CaptionOption & { duration?: number; file_name?: string } = {}): MessageFields {
  const audio: Audio = {
    ...fakeFileIds("audio"),
    duration: opts.duration ?? 180,
    file_name: opts.file_name ?? "audio.mp3",
    mime_type: "audio/mpeg",
    file_size: 2_880_000,
  };
  return withCaption({ audio }, opts.caption);
}

export function animationFields(opts: CaptionOption = {}): MessageFields {
  const animation: Animation = {
    ...fakeFileIds("animation"),
    width: 320,
    height: 240,
    duration: 3,
    file_name: "animation.mp4",
    mime_type: "video/mp4",
    file_size: 220_000,
  };
  return withCaption({ animation }, opts.caption);
}

// Used only when a test builds messages without the fake, which numbers messages per chat itself.
let looseMessageId = 1000;

export function buildMessage(chat: Chat, from: User | undefined, fields: MessageFields, meta: MessageMeta = {}): Message {
  return {
    message_id: meta.message_id ?? ++looseMessageId,
    ...(from === undefined ? {} : { from }),
    date: meta.date ?? Math.floor(Date.now() / 1000),
    chat,
    ...fields,
  };
}

export function textMessage(chat: Chat, from: User, text: string, meta?: MessageMeta): Message {
  return buildMessage(chat, from, textFields(text), meta);
}

export function photoMessage(chat: Chat, from: User, opts?: CaptionOption, meta?: MessageMeta): Message {
  return buildMessage(chat, from, photoFields(opts), meta);
}

export function documentMessage(chat: Chat, from: User, opts?: DocumentOptions, meta?: MessageMeta): Message {
  return buildMessage(chat, from, documentFields(opts), meta);
}

export function voiceMessage(chat: Chat, from: User, opts?: CaptionOption & { duration?: number }, meta?: MessageMeta): Message {
  return buildMessage(chat, from, voiceFields(opts), meta);
}

export function videoMessage(chat: Chat, from: User, opts?: CaptionOption & { duration?: number }, meta?: MessageMeta): Message {
  return buildMessage(chat, from, videoFields(opts), meta);
}

let mediaGroupCounter = 0;

/** Telegram media_group_ids are long decimal strings, unique per album. */
export function newMediaGroupId(): string {
  mediaGroupCounter += 1;
  return String(13_000_000_000_000_000n + BigInt(Date.now()) * 1000n + BigInt(mediaGroupCounter));
}

/**
 * An album arrives as several messages with one media_group_id and consecutive ids.
 * Defaults to two captionless photos; pass items (photoFields(), videoFields()…) to choose.
 */
export function albumMessages(
  chat: Chat,
  from: User,
  items: MessageFields[] = [photoFields(), photoFields()],
  meta: MessageMeta & { media_group_id?: string } = {},
): Message[] {
  const media_group_id = meta.media_group_id ?? newMediaGroupId();
  const first = meta.message_id ?? looseMessageId + 1;
  looseMessageId = Math.max(looseMessageId, first + items.length - 1);
  return items.map((fields, i) =>
    buildMessage(chat, from, { ...fields, media_group_id }, { message_id: first + i, date: meta.date }),
  );
}

let callbackCounter = 0;

export function callbackQuery(from: User, message: Message, data: string): CallbackQuery {
  callbackCounter += 1;
  return {
    // Real ids are long decimal strings; the counter keeps them unique within a run.
    id: String(4_000_000_000_000_000n + BigInt(callbackCounter)),
    from,
    message,
    chat_instance: String(-7_000_000_000_000 - Math.abs(message.chat.id)),
    data,
  };
}
