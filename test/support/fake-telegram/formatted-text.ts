// Applies Telegram's rules for a message text or caption: parse_mode, trimming, and the length limits.
import type { MessageEntity } from "node-telegram-bot-api";
import { badRequest } from "./api-error.js";
import { EntityParseError, parseHtml, type FormattedText } from "./parse-html.js";
import { parseMarkdownLegacy, parseMarkdownV2 } from "./parse-markdown.js";
import { optionalEntities, optionalString, type Params } from "./params.js";

export type { FormattedText } from "./parse-html.js";

export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

function parse(raw: string, parseMode: string | undefined, explicit: MessageEntity[] | undefined): FormattedText {
  const mode = parseMode?.toLowerCase() ?? "";
  try {
    switch (mode) {
      case "":
        return { text: raw, entities: explicit ?? [] };
      case "html":
        return parseHtml(raw);
      case "markdownv2":
        return parseMarkdownV2(raw);
      case "markdown":
        return parseMarkdownLegacy(raw);
      default:
        throw badRequest("unsupported parse_mode");
    }
  } catch (err) {
    if (err instanceof EntityParseError) throw badRequest(`can't parse entities: ${err.message}`);
    throw err;
  }
}

/** Telegram drops leading and trailing whitespace and shifts or clips the entities to match. */
function trim({ text, entities }: FormattedText): FormattedText {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const kept: MessageEntity[] = [];
  for (const e of entities) {
    const start = Math.max(0, e.offset - lead);
    const end = Math.min(trimmed.length, e.offset + e.length - lead);
    if (end > start) kept.push({ ...e, offset: start, length: end - start });
  }
  kept.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text: trimmed, entities: kept };
}

/** Lengths are counted after parsing, in UTF-16 code units, as Telegram counts them. */
export function messageText(raw: string | undefined, parseMode: string | undefined, explicit?: MessageEntity[]): FormattedText {
  const formatted = trim(parse(raw ?? "", parseMode, explicit));
  if (formatted.text.length === 0) throw badRequest("message text is empty");
  if (formatted.text.length > MAX_TEXT_LENGTH) throw badRequest("message is too long");
  return formatted;
}

/** An empty caption means no caption. */
export function captionText(raw: string | undefined, parseMode: string | undefined, explicit?: MessageEntity[]): FormattedText | undefined {
  if (raw === undefined) return undefined;
  const formatted = trim(parse(raw, parseMode, explicit));
  if (formatted.text.length > MAX_CAPTION_LENGTH) throw badRequest("message caption is too long");
  return formatted.text.length === 0 ? undefined : formatted;
}

/** The `text` of sendMessage and editMessageText, with its parse_mode or explicit entities. */
export function textFromParams(params: Params): FormattedText {
  return messageText(optionalString(params, "text"), optionalString(params, "parse_mode"), optionalEntities(params, "entities"));
}

/** The `caption` of a media method; undefined when absent or empty. */
export function captionFromParams(params: Params): FormattedText | undefined {
  return captionText(optionalString(params, "caption"), optionalString(params, "parse_mode"), optionalEntities(params, "caption_entities"));
}
