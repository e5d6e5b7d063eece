// Which file_ids this fake Telegram knows, so a re-sent file_id is accepted and an invented one refused.
import type { Animation, Audio, Document, Message, PhotoSize, Video, Voice } from "node-telegram-bot-api";
import { fakeFileIds, photoSizes, type FileKind, type MessageFields } from "../updates.js";
import { badRequest } from "./api-error.js";

/** The content a file puts into a message, under the field named after its kind. */
export type MediaContent =
  | { kind: "photo"; photo: PhotoSize[] }
  | { kind: "document"; document: Document }
  | { kind: "voice"; voice: Voice }
  | { kind: "video"; video: Video }
  | { kind: "audio"; audio: Audio }
  | { kind: "animation"; animation: Animation };

/** What is known of a file when it arrives: from an upload, or guessed from a URL. */
export interface IncomingFile {
  filename: string;
  contentType: string;
  size: number;
}

export function contentFields(media: MediaContent): MessageFields {
  switch (media.kind) {
    case "photo":
      return { photo: media.photo };
    case "document":
      return { document: media.document };
    case "voice":
      return { voice: media.voice };
    case "video":
      return { video: media.video };
    case "audio":
      return { audio: media.audio };
    case "animation":
      return { animation: media.animation };
  }
}

function mediaOf(message: Message): MediaContent | undefined {
  if (message.photo) return { kind: "photo", photo: message.photo };
  if (message.document) return { kind: "document", document: message.document };
  if (message.voice) return { kind: "voice", voice: message.voice };
  if (message.video) return { kind: "video", video: message.video };
  if (message.audio) return { kind: "audio", audio: message.audio };
  if (message.animation) return { kind: "animation", animation: message.animation };
  return undefined;
}

function createMedia(kind: FileKind, file: IncomingFile): MediaContent {
  const named = { file_name: file.filename, mime_type: file.contentType, file_size: file.size };
  switch (kind) {
    case "photo":
      return { kind, photo: photoSizes({ file_size: file.size }) };
    case "document":
      return { kind, document: { ...fakeFileIds(kind), ...named } };
    case "voice":
      return { kind, voice: { ...fakeFileIds(kind), duration: 1, mime_type: file.contentType, file_size: file.size } };
    case "video":
      return { kind, video: { ...fakeFileIds(kind), width: 1280, height: 720, duration: 1, ...named } };
    case "audio":
      return { kind, audio: { ...fakeFileIds(kind), duration: 1, ...named } };
    case "animation":
      return { kind, animation: { ...fakeFileIds(kind), width: 320, height: 240, duration: 1, ...named } };
  }
}

type SingleFileMedia = Exclude<MediaContent, { kind: "photo" }>;

function singleFile(media: SingleFileMedia): Document | Voice | Video | Audio | Animation {
  switch (media.kind) {
    case "document":
      return media.document;
    case "voice":
      return media.voice;
    case "video":
      return media.video;
    case "audio":
      return media.audio;
    case "animation":
      return media.animation;
  }
}

function fileIdsOf(media: MediaContent): string[] {
  return media.kind === "photo" ? media.photo.map((p) => p.file_id) : [singleFile(media).file_id];
}

export class FileRegistry {
  private readonly byId = new Map<string, MediaContent>();

  /** A new file_id for an upload or a URL Telegram would have fetched. */
  issue(kind: FileKind, file: IncomingFile): MediaContent {
    if (file.size === 0) throw badRequest("file must be non-empty");
    const media = createMedia(kind, file);
    this.remember(media);
    return media;
  }

  /** Files in messages users sent are re-sendable by their file_id. */
  learnFrom(message: Message): void {
    const media = mediaOf(message);
    if (media) this.remember(media);
  }

  /** The file a string file_id names, refused like Telegram when unknown or of another kind. */
  resolve(kind: FileKind, fileId: string): MediaContent {
    const media = this.byId.get(fileId);
    if (!media) throw badRequest("wrong file identifier/HTTP URL specified");
    if (media.kind === kind) return media;
    // Telegram refuses a file_id of another type; letting any non-photo file go out as a document is
    // this fake's approximation of the cases Telegram does allow.
    if (kind === "photo" || media.kind === "photo" || kind !== "document") throw badRequest("type of file mismatch");
    const { file_id, file_unique_id, mime_type, file_size, ...rest } = singleFile(media);
    const document: Document = { file_id, file_unique_id, mime_type, file_size };
    if ("file_name" in rest) document.file_name = rest.file_name;
    return { kind: "document", document };
  }

  private remember(media: MediaContent): void {
    for (const id of fileIdsOf(media)) this.byId.set(id, media);
  }
}
