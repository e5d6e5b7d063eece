// Turns "relay this message under this header" into Telegram calls that fit its limits: the header joins the text
// or caption when both fit (4096 / 1024 visible characters), otherwise it goes first as a message of its own.
import { escapeHtml, visibleLength } from "../html.js";

export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

/** text: a text message; captionable: media that takes a caption; bare: media without captions (stickers…). */
export type MediaKind = "text" | "captionable" | "bare" | "album";

export interface RelayPayload {
  type: "relay";
  fromChatId: number;
  messageIds: number[];
  media: MediaKind;
  /** HTML, written by us. */
  header: string;
  /** The sender's own text or caption: data, never markup. */
  body: string | null;
  replyTo?: number;
  /** Who answered, for an answer relayed to an employee. */
  staff?: { id: number; name: string };
  /** The question that opened its ticket (so a replay acknowledges it the same way). */
  opensTicket?: boolean;
}

/** Inline buttons, as plain data. */
export interface Buttons {
  inline_keyboard: { text: string; callback_data?: string; url?: string }[][];
}

export interface NoticePayload {
  type: "notice";
  /** HTML, written by us. */
  text: string;
  replyTo?: number;
  buttons?: Buttons;
}

/** A message copied as it is, e.g. an announcement. */
export interface CopyPayload {
  type: "copy";
  fromChatId: number;
  messageId: number;
}

export type Payload = RelayPayload | NoticePayload | CopyPayload;

export type Step =
  | { method: "sendMessage"; text: string; html: boolean; replyTo?: number; buttons?: Buttons }
  | { method: "copyMessage"; messageId: number; caption?: string; replyTo?: number }
  | { method: "copyMessages"; messageIds: number[] };

export function planSteps(payload: Payload): Step[] {
  if (payload.type === "notice") return [{ method: "sendMessage", text: payload.text, html: true, replyTo: payload.replyTo, buttons: payload.buttons }];
  if (payload.type === "copy") return [{ method: "copyMessage", messageId: payload.messageId }];
  const { header, body, replyTo } = payload;
  const joined = body ? `${header}\n\n${escapeHtml(body)}` : header;
  const headerAlone: Step = { method: "sendMessage", text: header, html: true, replyTo };
  switch (payload.media) {
    case "text":
      if (visibleLength(joined) <= TEXT_LIMIT) return [{ method: "sendMessage", text: joined, html: true, replyTo }];
      return [headerAlone, { method: "sendMessage", text: body ?? "", html: false }];
    case "captionable":
      if (visibleLength(joined) <= CAPTION_LIMIT) return [{ method: "copyMessage", messageId: payload.messageIds[0]!, caption: joined, replyTo }];
      return [headerAlone, { method: "copyMessage", messageId: payload.messageIds[0]! }];
    case "bare":
      return [headerAlone, { method: "copyMessage", messageId: payload.messageIds[0]! }];
    case "album":
      return [headerAlone, { method: "copyMessages", messageIds: [...payload.messageIds].sort((a, b) => a - b) }];
  }
}
