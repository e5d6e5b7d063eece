// Cuts a content file into its "#" title, the text before the first "##", and one section per "##"
// heading, keeping file line numbers so every problem can point at its line.

import type { Token } from "markdown-it";
import { parseMarkdown } from "./markdown.js";

export interface Heading {
  text: string;
  /** 1-based file line. */
  line: number;
}

export interface Block {
  source: string;
  /** File line of the source's first line. */
  firstLine: number;
}

export interface Section extends Block {
  heading: Heading;
}

export interface SectionedFile {
  /** Every "#" heading; a well-formed file has at most one. */
  titles: Heading[];
  /** Everything before the first "##", "#" lines left out. */
  preamble: Block;
  sections: Section[];
}

export function splitSections(source: string): SectionedFile {
  const lines = source.split(/\r\n?|\n/);
  const tokens = parseMarkdown(source);
  const headings = tokens.flatMap((token, index) =>
    token.type === "heading_open" && token.level === 0 && (token.tag === "h1" || token.tag === "h2")
      ? [{ level: token.tag, heading: { text: plainText(tokens[index + 1]!), line: token.map![0] + 1 } }]
      : [],
  );
  const titles = headings.filter((entry) => entry.level === "h1").map((entry) => entry.heading);
  const sectionHeadings = headings.filter((entry) => entry.level === "h2").map((entry) => entry.heading);
  const boundaries = headings.map((entry) => entry.heading.line);
  const firstSection = sectionHeadings[0]?.line ?? lines.length + 1;
  // Blanking the "#" lines keeps the preamble's line numbers equal to the file's.
  const preambleLines = lines.slice(0, firstSection - 1).map((text, index) => (boundaries.includes(index + 1) ? "" : text));
  return {
    titles,
    preamble: { source: preambleLines.join("\n"), firstLine: 1 },
    sections: sectionHeadings.map((heading) => {
      const next = boundaries.find((line) => line > heading.line) ?? lines.length + 1;
      return { heading, source: lines.slice(heading.line, next - 1).join("\n"), firstLine: heading.line + 1 };
    }),
  };
}

/**
 * The "#" headings other than the file's own title (one, before the first "##"). Each ends the section above it, and
 * the lines under it belong to no section: a file that is read section by section would leave them out without a word.
 */
export function strayTitles(file: SectionedFile): Heading[] {
  const firstSection = file.sections[0]?.heading.line ?? Infinity;
  return file.titles.filter((title, index) => index > 0 || title.line > firstSection);
}

/** A heading's words without their formatting: buttons show plain text. */
function plainText(inline: Token): string {
  return (inline.children ?? [])
    .map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : ""))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Takes a "Name: value" line (e.g. "Tanggal: 20 November 2026") if it is the block's first
 * non-blank line, and returns the block without it.
 */
export function takeField(block: Block, name: string): { field?: { value: string; line: number }; rest: Block } {
  const lines = block.source.split("\n");
  const index = lines.findIndex((text) => text.trim() !== "");
  const match = index === -1 ? null : new RegExp(`^\\s*${name}\\s*:(.*)$`, "i").exec(lines[index]!);
  if (!match) return { rest: block };
  lines[index] = "";
  return {
    field: { value: match[1]!.trim(), line: block.firstLine + index },
    rest: { source: lines.join("\n"), firstLine: block.firstLine },
  };
}
