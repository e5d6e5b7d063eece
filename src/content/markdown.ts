// Turns the Markdown HR admins write into Telegram's HTML subset (b, i, s, a, code, pre,
// blockquote), and reports, with its line, anything Telegram cannot show instead of sending garbage.

import MarkdownIt, { type Token } from "markdown-it";
import { escapeHtml } from "../domain/html.js";

export interface LineProblem {
  line: number;
  message: string;
}

export interface Rendered {
  html: string;
  problems: LineProblem[];
}

// Raw HTML typed in a file stays text (html: false) and is escaped like any other text.
// Setext headings are off because a paragraph followed by "---" would silently start a new topic;
// indented code is off because an indented paragraph would silently turn into monospace.
const parser = new MarkdownIt("default", { html: false, linkify: false, typographer: false }).disable([
  "lheading",
  "code",
]);

export function parseMarkdown(source: string): Token[] {
  return parser.parse(source, {});
}

/** `firstLine` is the file line of the source's first line, so problems point into the file. */
export function renderMarkdown(source: string, firstLine = 1): Rendered {
  const tokens = parseMarkdown(source);
  const context: Context = { problems: [], firstLine, lines: source.split(/\r\n?|\n/), inQuote: false, listDepth: 0 };
  const html = renderBlocks(tokens, 0, tokens.length, context);
  return { html, problems: context.problems };
}

interface Context {
  problems: LineProblem[];
  firstLine: number;
  lines: string[];
  /** Telegram cannot nest blockquotes, nor put a pre block inside one. */
  inQuote: boolean;
  listDepth: number;
}

/**
 * Blocks are separated by a blank line, or by a single line break where the file has none
 * (a bold label written right above its list stays with it). Lists and quotes use `separator`.
 */
function renderBlocks(tokens: Token[], start: number, end: number, context: Context, separator = "\n\n"): string {
  let html = "";
  for (let index = start; index < end; index++) {
    const close = closingIndex(tokens, index);
    const block = renderBlock(tokens, index, close, context);
    if (block !== "") html += html === "" ? block : `${followsDirectly(tokens[index]!, context) ? "\n" : separator}${block}`;
    index = close;
  }
  return html;
}

/** Whether the line above the block holds text, i.e. no blank line separates it from the previous one. */
function followsDirectly(token: Token, context: Context): boolean {
  const line = token.map?.[0] ?? 0;
  return line > 0 && (context.lines[line - 1] ?? "").trim() !== "";
}

function renderBlock(tokens: Token[], open: number, close: number, context: Context): string {
  const token = tokens[open]!;
  switch (token.type) {
    case "paragraph_open":
      reportHeadingWithoutSpace(tokens[open + 1]!, context);
      return renderInline(tokens[open + 1]!, context, false);
    case "heading_open": {
      const text = renderInline(tokens[open + 1]!, context, true);
      return text === "" ? "" : `<b>${text}</b>`;
    }
    case "bullet_list_open":
    case "ordered_list_open":
      return renderList(tokens, open, close, context);
    case "blockquote_open": {
      const inner = renderBlocks(tokens, open + 1, close, { ...context, inQuote: true }, "\n");
      return context.inQuote || inner === "" ? inner : `<blockquote>${inner}</blockquote>`;
    }
    case "fence": {
      const code = escapeHtml(token.content.replace(/\n$/, ""));
      return context.inQuote || code === "" ? code : `<pre>${code}</pre>`;
    }
    case "hr":
      return "——————————";
    case "table_open":
      report(context, token, 'tabel tidak dapat ditampilkan di Telegram; tulis isinya sebagai daftar (baris yang diawali "- ")');
      return "";
    default:
      report(context, token, `format "${token.type}" tidak didukung`);
      return "";
  }
}

function renderList(tokens: Token[], open: number, close: number, context: Context): string {
  const ordered = tokens[open]!.type === "ordered_list_open";
  let number = Number(tokens[open]!.attrGet("start") ?? 1);
  const indent = "    ".repeat(context.listDepth);
  const items: string[] = [];
  for (let item = open + 1; item < close; item++) {
    const itemClose = closingIndex(tokens, item);
    const body = renderBlocks(tokens, item + 1, itemClose, { ...context, listDepth: context.listDepth + 1 }, "\n");
    items.push(`${indent}${ordered ? `${number++}.` : "•"} ${body}`);
    item = itemClose;
  }
  return items.join("\n");
}

type Mark = "b" | "i" | "s";

/** `bold` is set inside headings, which are bold already: Telegram gets no <b> inside <b>. */
function renderInline(inline: Token, context: Context, bold: boolean): string {
  const depth: Record<Mark, number> = { b: bold ? 1 : 0, i: 0, s: 0 };
  const mark = (tag: Mark, nesting: number): string => {
    if (nesting > 0) return depth[tag]++ === 0 ? `<${tag}>` : "";
    return --depth[tag] === 0 ? `</${tag}>` : "";
  };
  // Whether each open link was emitted, so its close matches.
  const links: boolean[] = [];
  let line = inline.map?.[0] ?? 0;
  const problem = (message: string): void => {
    context.problems.push({ line: context.firstLine + line, message });
  };
  let html = "";
  for (const child of inline.children ?? []) {
    switch (child.type) {
      case "text":
        html += escapeHtml(child.content);
        break;
      case "softbreak":
      case "hardbreak":
        html += "\n";
        line++;
        break;
      case "strong_open":
      case "strong_close":
        html += mark("b", child.nesting);
        break;
      case "em_open":
      case "em_close":
        html += mark("i", child.nesting);
        break;
      case "s_open":
      case "s_close":
        html += mark("s", child.nesting);
        break;
      case "code_inline":
        // Telegram does not allow code inside a link.
        html += links.length > 0 ? escapeHtml(child.content) : `<code>${escapeHtml(child.content)}</code>`;
        break;
      case "link_open": {
        const href = String(child.attrGet("href") ?? "");
        const usable = isWebAddress(href);
        if (!usable) problem(linkProblem(href));
        links.push(usable);
        if (usable) html += `<a href="${escapeHtml(href).replace(/"/g, "&quot;")}">`;
        break;
      }
      case "link_close":
        if (links.pop()) html += "</a>";
        break;
      case "image":
        problem("gambar tidak dapat ditampilkan di jawaban; taruh berkasnya di folder dokumen/ dan daftarkan di dokumen/daftar.md");
        break;
      default:
        problem(`format "${child.type}" tidak didukung`);
    }
  }
  return html;
}

function isWebAddress(href: string): boolean {
  if (!URL.canParse(href)) return false;
  const url = new URL(href);
  return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
}

function linkProblem(href: string): string {
  if (href.startsWith("mailto:")) {
    return "tulis alamat email apa adanya, tanpa tautan; Telegram membuatnya bisa diklik sendiri";
  }
  return `tautan "${href}" tidak bisa dibuka dari Telegram; tulis alamat lengkap yang diawali https://`;
}

// "##Cuti" without a space is a paragraph to Markdown, so the topic would vanish into the previous one.
function reportHeadingWithoutSpace(inline: Token, context: Context): void {
  inline.content.split("\n").forEach((text, offset) => {
    if (/^\s*#{2,6}[^\s#]/.test(text)) {
      context.problems.push({
        line: context.firstLine + (inline.map?.[0] ?? 0) + offset,
        message: 'baris ini tampak seperti judul; beri spasi setelah tanda #, contoh: "## Cuti Tahunan"',
      });
    }
  });
}

function report(context: Context, token: Token, message: string): void {
  context.problems.push({ line: context.firstLine + (token.map?.[0] ?? 0), message });
}

/** The index of the token closing the one at `open` (itself for a token that opens nothing). */
function closingIndex(tokens: Token[], open: number): number {
  if (tokens[open]!.nesting !== 1) return open;
  let depth = 0;
  for (let index = open; index < tokens.length; index++) {
    depth += tokens[index]!.nesting;
    if (depth === 0) return index;
  }
  return tokens.length - 1;
}
