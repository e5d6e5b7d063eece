// Turns "relay this message under this header" into Telegram calls that fit its limits: the header joins the text
// or caption when both fit (4096 / 1024 visible characters), otherwise it goes first as a message of its own.
import { escapeHtml, visibleLength } from "../html.js";
import type { Buttons, Payload, RelayPayload } from "../outbox.js";

export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

export type Step =
  | { method: "sendMessage"; text: string; html: boolean; replyTo?: number; buttons?: Buttons }
  | { method: "copyMessage"; messageId: number; caption?: string; replyTo?: number; buttons?: Buttons }
  | { method: "copyMessages"; messageIds: number[] };

export function planSteps(payload: Payload): Step[] {
  if (payload.type === "notice") return [{ method: "sendMessage", text: payload.text, html: true, replyTo: payload.replyTo, buttons: payload.buttons }];
  if (payload.type === "copy") return [{ method: "copyMessage", messageId: payload.messageId }];
  return withButtons(relaySteps(payload), payload.buttons);
}

/** Buttons go under the last message that can carry them (an album cannot: its header carries them). */
function withButtons(steps: Step[], buttons: Buttons | undefined): Step[] {
  if (!buttons) return steps;
  const last = steps.length - 1;
  const index = steps[last]?.method === "copyMessages" ? last - 1 : last;
  return steps.map((step, i) => (i === index && step.method !== "copyMessages" ? { ...step, buttons } : step));
}

function relaySteps(payload: RelayPayload): Step[] {
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

/** A question or follow-up that is plain text, sent as nothing more than its header and its text. */
export function isMergeableText(payload: Payload): payload is RelayPayload & { media: "text"; body: string } {
  return payload.type === "relay" && payload.media === "text" && payload.body !== null;
}

/**
 * Consecutive text messages of one ticket still waiting for the group go as one message under the first one's
 * header, while they fit: staff read one message instead of a stream, and the group's window is spared.
 * Returns how many of `payloads` (from the first) the merged message carries, and the merged payload.
 */
export function mergeTexts(payloads: Payload[]): { count: number; payload: Payload } | undefined {
  const [first] = payloads;
  if (!first || !isMergeableText(first)) return undefined;
  let body = first.body;
  let count = 1;
  for (const next of payloads.slice(1)) {
    if (!isMergeableText(next)) break;
    const joined = `${body}\n\n${next.body}`;
    if (visibleLength(`${first.header}\n\n${escapeHtml(joined)}`) > TEXT_LIMIT) break;
    body = joined;
    count++;
  }
  return { count, payload: { ...first, body } };
}

/** How an employee's copy of an answer follows its staff member's edit: one message's text or caption, edited. */
export interface EditStep {
  method: "editMessageText" | "editMessageCaption";
  messageId: number;
  /** HTML, the "edited" mark included. */
  text: string;
  buttons?: Buttons;
}

/**
 * The edit that makes a delivered item (message ids `ids`) show `payload`'s new body, marked as edited; undefined when
 * it cannot be done in place: an album or a sticker, or a new text that no longer fits the message it went out as.
 */
export function planEdit(payload: RelayPayload, ids: readonly number[], mark: string): EditStep | undefined {
  const steps = planSteps(payload);
  if (steps.length !== ids.length || (payload.media !== "text" && payload.media !== "captionable")) return undefined;
  const last = steps[steps.length - 1]!;
  const alone = steps.length > 1;
  const shown = last.method === "sendMessage" ? last.text : last.method === "copyMessage" ? (last.caption ?? "") : "";
  const text = `${alone ? escapeHtml(payload.body ?? "") : shown}\n\n${mark}`;
  const limit = payload.media === "text" ? TEXT_LIMIT : CAPTION_LIMIT;
  if (visibleLength(text) > limit) return undefined;
  const method = payload.media === "text" ? "editMessageText" : "editMessageCaption";
  return { method, messageId: ids[ids.length - 1]!, text, buttons: last.method === "copyMessages" ? undefined : last.buttons };
}
