// Parses parse_mode "MarkdownV2" (and legacy "Markdown") closely enough to refuse what Telegram refuses.
import type { MessageEntity } from "node-telegram-bot-api";
import { EntityParseError, type FormattedText } from "./parse-html.js";

const RESERVED_V2 = new Set("_*[]()~`>#+-=|{}.!\\");

type V2Kind = "bold" | "italic" | "underline" | "strikethrough" | "spoiler" | "code" | "pre" | "text_link" | "custom_emoji";

// Telegram names entities this way in "Can't find end of … entity" errors.
const V2_NAME: Record<V2Kind, string> = {
  bold: "Bold",
  italic: "Italic",
  underline: "Underline",
  strikethrough: "Strikethrough",
  spoiler: "Spoiler",
  code: "Code",
  pre: "Pre",
  text_link: "TextUrl",
  custom_emoji: "CustomEmoji",
};

interface OpenV2 {
  kind: V2Kind;
  start: number;
  sourceIndex: number;
  language?: string;
}

function byteOffset(source: string, index: number): number {
  return Buffer.byteLength(source.slice(0, index), "utf8");
}

function reserved(c: string): EntityParseError {
  return new EntityParseError(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);
}

/** The marker that closes `kind` when found at `i`, or undefined when this char does not close it. */
function closingMarker(kind: V2Kind, source: string, i: number): string | undefined {
  const c = source[i];
  switch (kind) {
    case "bold":
      return c === "*" ? "*" : undefined;
    case "italic":
      return c === "_" ? "_" : undefined;
    case "underline":
      return source.startsWith("__", i) ? "__" : undefined;
    case "strikethrough":
      return c === "~" ? "~" : undefined;
    case "spoiler":
      return source.startsWith("||", i) ? "||" : undefined;
    default:
      return undefined;
  }
}

/** Reads `(url)` after a link's `]`; `)` and `\` are escaped inside. */
function readUrl(source: string, from: number, open: OpenV2): { url: string; end: number } {
  if (source[from] !== "(") {
    throw new EntityParseError(`Can't find end of ${V2_NAME[open.kind]} entity at byte offset ${byteOffset(source, open.sourceIndex)}`);
  }
  let url = "";
  for (let i = from + 1; i < source.length; i += 1) {
    const c = source[i] ?? "";
    if (c === "\\" && i + 1 < source.length) {
      url += source[i + 1];
      i += 1;
    } else if (c === ")") {
      return { url, end: i + 1 };
    } else {
      url += c;
    }
  }
  throw new EntityParseError(`Can't find end of a URL at byte offset ${byteOffset(source, from)}`);
}

export function parseMarkdownV2(source: string): FormattedText {
  let text = "";
  const entities: MessageEntity[] = [];
  const open: OpenV2[] = [];
  let quoteStart: number | undefined;
  let expandableQuote = false;
  const closeQuote = (): void => {
    if (quoteStart !== undefined && text.length > quoteStart) {
      entities.push({ type: expandableQuote ? "expandable_blockquote" : "blockquote", offset: quoteStart, length: text.length - quoteStart });
    }
    quoteStart = undefined;
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i] ?? "";
    const top = open.at(-1);
    const lineStart = i === 0 || source[i - 1] === "\n";

    if (c === "\\") {
      const next = source.codePointAt(i + 1);
      if (next === undefined || next > 126) throw reserved("\\");
      text += source[i + 1];
      i += 2;
      continue;
    }
    // Inside code and pre everything is literal except the closing backticks.
    if (top?.kind === "code" || top?.kind === "pre") {
      const marker = top.kind === "pre" ? "```" : "`";
      if (source.startsWith(marker, i)) {
        open.pop();
        const length = text.length - top.start;
        if (length > 0) {
          const entity: MessageEntity = { type: top.kind, offset: top.start, length };
          if (top.language) entity.language = top.language;
          entities.push(entity);
        }
        i += marker.length;
      } else {
        text += c;
        i += 1;
      }
      continue;
    }
    if (c === "\n") {
      if (quoteStart !== undefined && source[i + 1] !== ">") closeQuote();
      text += c;
      i += 1;
      continue;
    }
    if (!RESERVED_V2.has(c)) {
      text += c;
      i += 1;
      continue;
    }
    if (lineStart && c === ">") {
      quoteStart ??= text.length;
      i += 1;
      continue;
    }
    if (lineStart && source.startsWith("**>", i)) {
      quoteStart ??= text.length;
      expandableQuote = true;
      i += 3;
      continue;
    }
    const closing = top ? closingMarker(top.kind, source, i) : undefined;
    if (top && closing !== undefined) {
      open.pop();
      if (text.length > top.start) entities.push({ type: top.kind, offset: top.start, length: text.length - top.start });
      i += closing.length;
      continue;
    }
    if (c === "]" && top?.kind === "text_link") {
      open.pop();
      const { url, end } = readUrl(source, i + 1, top);
      if (text.length > top.start) entities.push({ type: "text_link", offset: top.start, length: text.length - top.start, url });
      i = end;
      continue;
    }
    if (c === "]" && top?.kind === "custom_emoji") {
      open.pop();
      const { url, end } = readUrl(source, i + 1, top);
      const id = /^tg:\/\/emoji\?id=(\d+)$/.exec(url)?.[1];
      if (id === undefined) throw new EntityParseError(`Custom emoji URL must have an emoji identifier`);
      entities.push({ type: "custom_emoji", offset: top.start, length: text.length - top.start, custom_emoji_id: id });
      i = end;
      continue;
    }
    const opening = ((): { kind: V2Kind; length: number } | undefined => {
      if (c === "*") return { kind: "bold", length: 1 };
      if (c === "_") return source[i + 1] === "_" ? { kind: "underline", length: 2 } : { kind: "italic", length: 1 };
      if (c === "~") return { kind: "strikethrough", length: 1 };
      if (c === "|" && source[i + 1] === "|") return { kind: "spoiler", length: 2 };
      if (c === "[") return { kind: "text_link", length: 1 };
      if (c === "!" && source[i + 1] === "[") return { kind: "custom_emoji", length: 2 };
      if (source.startsWith("```", i)) return { kind: "pre", length: 3 };
      if (c === "`") return { kind: "code", length: 1 };
      return undefined;
    })();
    if (opening === undefined) throw reserved(c);
    const entry: OpenV2 = { kind: opening.kind, start: text.length, sourceIndex: i };
    i += opening.length;
    if (opening.kind === "pre") {
      // The rest of the opening line, when it has no spaces, names the language.
      const newline = source.indexOf("\n", i);
      const firstLine = newline < 0 ? "" : source.slice(i, newline);
      if (newline >= 0 && /^[^\s`]*$/.test(firstLine)) {
        if (firstLine !== "") entry.language = firstLine;
        i = newline + 1;
      }
    }
    open.push(entry);
  }
  const unclosed = open.at(-1);
  if (unclosed) {
    throw new EntityParseError(`Can't find end of ${V2_NAME[unclosed.kind]} entity at byte offset ${byteOffset(source, unclosed.sourceIndex)}`);
  }
  closeQuote();
  return { text, entities };
}

const LEGACY_MARKERS: Record<string, string> = { "*": "bold", _: "italic", "`": "code" };

/** Legacy Markdown: *bold* _italic_ `code` ```pre``` [text](url); only `\` before a marker escapes it. */
export function parseMarkdownLegacy(source: string): FormattedText {
  let text = "";
  const entities: MessageEntity[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] ?? "";
    if (c === "\\" && "_*`[".includes(source[i + 1] ?? " ")) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    const pre = source.startsWith("```", i);
    const type = pre ? "pre" : LEGACY_MARKERS[c];
    if (type === undefined && c !== "[") {
      text += c;
      i += 1;
      continue;
    }
    const unclosed = new EntityParseError(`Can't find end of the entity starting at byte offset ${byteOffset(source, i)}`);
    if (c === "[") {
      const close = source.indexOf("](", i);
      const end = close < 0 ? -1 : source.indexOf(")", close);
      if (end < 0) throw unclosed;
      const label = source.slice(i + 1, close);
      entities.push({ type: "text_link", offset: text.length, length: label.length, url: source.slice(close + 2, end) });
      text += label;
      i = end + 1;
      continue;
    }
    const marker = pre ? "```" : c;
    const end = source.indexOf(marker, i + marker.length);
    if (end < 0) throw unclosed;
    const inner = source.slice(i + marker.length, end);
    if (inner.length > 0 && type !== undefined) entities.push({ type, offset: text.length, length: inner.length });
    text += inner;
    i = end + marker.length;
  }
  return { text, entities };
}
