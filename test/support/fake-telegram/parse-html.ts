// Parses parse_mode "HTML" the way Telegram does: the few supported tags become entities, anything else is refused.
import type { MessageEntity } from "node-telegram-bot-api";

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/** The detail after "can't parse entities: " in Telegram's 400 answer. */
export class EntityParseError extends Error {}

const SUPPORTED_TAGS = new Set([
  "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
  "blockquote", "tg-spoiler", "span", "tg-emoji",
]);

const SIMPLE_ENTITY: Record<string, string> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
  span: "spoiler",
};

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };
const ENTITY_AT = /^&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot));/;

interface OpenTag {
  name: string;
  attrs: Map<string, string>;
  start: number;
  /** Set by a nested <code class="language-x"> inside <pre>. */
  language?: string;
}

/** Telegram reports positions as byte offsets into the UTF-8 source. */
function byteOffset(source: string, index: number): number {
  return Buffer.byteLength(source.slice(0, index), "utf8");
}

/** Decodes the entity at `i`, or undefined when `&` does not start a supported one. */
function entityAt(source: string, i: number): { char: string; length: number } | undefined {
  const m = ENTITY_AT.exec(source.slice(i, i + 12));
  if (!m) return undefined;
  const [whole, hex, dec, named] = m;
  if (named !== undefined) return { char: NAMED_ENTITIES[named] ?? "", length: whole.length };
  const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
  if (code > 0x10ffff) return undefined;
  return { char: String.fromCodePoint(code), length: whole.length };
}

function decodeAttribute(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; ) {
    const entity = value[i] === "&" ? entityAt(value, i) : undefined;
    if (entity) {
      out += entity.char;
      i += entity.length;
    } else {
      out += value[i];
      i += 1;
    }
  }
  return out;
}

/** Reads `name="v" name='v' name=v name` up to the closing `>`; returns the index after it. */
function readAttributes(source: string, from: number, tagStart: number): { attrs: Map<string, string>; end: number } {
  const attrs = new Map<string, string>();
  let i = from;
  const unclosed = (): EntityParseError => new EntityParseError(`Unclosed start tag at byte offset ${byteOffset(source, tagStart)}`);
  for (;;) {
    while (i < source.length && /\s/.test(source[i] ?? "")) i += 1;
    if (i >= source.length) throw unclosed();
    if (source[i] === ">") return { attrs, end: i + 1 };
    const nameStart = i;
    while (i < source.length && /[A-Za-z0-9_-]/.test(source[i] ?? "")) i += 1;
    const name = source.slice(nameStart, i).toLowerCase();
    if (name === "") {
      throw new EntityParseError(`Expected equal sign in declaration of an attribute of the tag at byte offset ${byteOffset(source, tagStart)}`);
    }
    while (i < source.length && /\s/.test(source[i] ?? "")) i += 1;
    if (source[i] !== "=") {
      attrs.set(name, "");
      continue;
    }
    i += 1;
    while (i < source.length && /\s/.test(source[i] ?? "")) i += 1;
    const quote = source[i];
    let raw: string;
    if (quote === '"' || quote === "'") {
      const close = source.indexOf(quote, i + 1);
      if (close < 0) throw unclosed();
      raw = source.slice(i + 1, close);
      i = close + 1;
    } else {
      const valueStart = i;
      while (i < source.length && !/[\s>]/.test(source[i] ?? "")) i += 1;
      raw = source.slice(valueStart, i);
    }
    attrs.set(name, decodeAttribute(raw));
  }
}

function entityFor(tag: OpenTag, offset: number, length: number, parent: OpenTag | undefined): MessageEntity | undefined {
  const simple = SIMPLE_ENTITY[tag.name];
  if (simple !== undefined) return { type: simple, offset, length };
  switch (tag.name) {
    case "a": {
      const href = tag.attrs.get("href");
      return href ? { type: "text_link", offset, length, url: href } : undefined;
    }
    case "code": {
      const language = /^language-(.+)$/.exec(tag.attrs.get("class") ?? "")?.[1];
      // <pre><code class="language-x"> is one pre entity with a language, not a code inside a pre.
      if (parent?.name === "pre") {
        if (language !== undefined) parent.language = language;
        return undefined;
      }
      return { type: "code", offset, length };
    }
    case "pre":
      return tag.language === undefined ? { type: "pre", offset, length } : { type: "pre", offset, length, language: tag.language };
    case "blockquote":
      return { type: tag.attrs.has("expandable") ? "expandable_blockquote" : "blockquote", offset, length };
    case "tg-emoji":
      return { type: "custom_emoji", offset, length, custom_emoji_id: tag.attrs.get("emoji-id") ?? "" };
    default:
      return undefined;
  }
}

function checkOpenTag(source: string, tag: OpenTag, at: number): void {
  if (tag.name === "span" && tag.attrs.get("class") !== "tg-spoiler") {
    throw new EntityParseError(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(source, at)}`);
  }
  if (tag.name === "tg-emoji" && !tag.attrs.get("emoji-id")) {
    throw new EntityParseError(`Custom emoji entity must contain a tag "emoji-id" at byte offset ${byteOffset(source, at)}`);
  }
}

export function parseHtml(source: string): FormattedText {
  let text = "";
  const entities: MessageEntity[] = [];
  const open: OpenTag[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === "&") {
      const entity = entityAt(source, i);
      // Telegram's server lets a stray "&" through, but its documentation requires "&amp;"; insisting
      // here catches unescaped user input (names, addresses) before it meets a "<" in production.
      if (!entity) throw new EntityParseError(`Character "&" at byte offset ${byteOffset(source, i)} must be escaped as "&amp;"`);
      text += entity.char;
      i += entity.length;
      continue;
    }
    if (c !== "<") {
      text += c;
      i += 1;
      continue;
    }
    const tagStart = i;
    if (source[i + 1] === "/") {
      const close = source.indexOf(">", i);
      if (close < 0) throw new EntityParseError(`Unclosed end tag at byte offset ${byteOffset(source, tagStart)}`);
      const name = source.slice(i + 2, close).trim().toLowerCase();
      const top = open.pop();
      if (top === undefined) throw new EntityParseError(`Unexpected end tag at byte offset ${byteOffset(source, tagStart)}`);
      if (top.name !== name) {
        throw new EntityParseError(
          `Unmatched end tag at byte offset ${byteOffset(source, tagStart)}, expected "</${top.name}>", found "</${name}>"`,
        );
      }
      const length = text.length - top.start;
      const entity = length > 0 ? entityFor(top, top.start, length, open.at(-1)) : undefined;
      if (entity) entities.push(entity);
      i = close + 1;
      continue;
    }
    let nameEnd = i + 1;
    while (nameEnd < source.length && !/[\s>]/.test(source[nameEnd] ?? "")) nameEnd += 1;
    if (nameEnd >= source.length) throw new EntityParseError(`Unclosed start tag at byte offset ${byteOffset(source, tagStart)}`);
    const name = source.slice(i + 1, nameEnd).toLowerCase();
    if (!SUPPORTED_TAGS.has(name)) {
      throw new EntityParseError(`Unsupported start tag "${name}" at byte offset ${byteOffset(source, tagStart)}`);
    }
    const { attrs, end } = readAttributes(source, nameEnd, tagStart);
    const tag: OpenTag = { name, attrs, start: text.length };
    checkOpenTag(source, tag, tagStart);
    open.push(tag);
    i = end;
  }
  const unclosed = open.at(-1);
  if (unclosed) throw new EntityParseError(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  return { text, entities };
}
