// Cuts Telegram HTML into messages that fit Telegram's length limit, each valid on its own: at
// paragraph breaks when it can, else at line breaks, else between words, and never inside a tag
// or an entity. Formatting cut in two is closed at the end of one message and reopened in the next.

import { MESSAGE_LIMIT } from "./limits.js";

type Atom =
  | { kind: "open"; name: string; raw: string }
  | { kind: "close"; raw: string }
  | { kind: "char"; raw: string };

/** Lengths are measured on the HTML string, which is never shorter than what Telegram counts. */
export function splitHtml(html: string, limit = MESSAGE_LIMIT): string[] {
  const text = html.trim();
  if (text === "") return [];
  if (text.length <= limit) return [text];
  const atoms = tokenize(text);
  const chunks: string[] = [];
  let open: Extract<Atom, { kind: "open" }>[] = [];
  let start = 0;
  while (start < atoms.length) {
    const cut = findCut(atoms, start, open, limit);
    const body = atoms.slice(start, cut.end).map((atom) => atom.raw).join("");
    const reopened = open.map((tag) => tag.raw).join("");
    chunks.push(reopened + body + closers(cut.open));
    open = cut.open;
    start = cut.end;
    // The whitespace at the cut is the break itself; it would only pad the next message.
    while (start < atoms.length && atoms[start]!.kind === "char" && /^\s$/.test(atoms[start]!.raw)) start++;
  }
  return chunks;
}

/** Joins blocks of HTML (each balanced) into as few messages as fit, a blank line between blocks. */
export function packBlocks(blocks: string[], limit = MESSAGE_LIMIT): string[] {
  const messages: string[] = [];
  let current = "";
  for (const block of blocks.flatMap((part) => splitHtml(part, limit))) {
    const joined = current === "" ? block : `${current}\n\n${block}`;
    if (joined.length <= limit) {
      current = joined;
    } else {
      messages.push(current);
      current = block;
    }
  }
  if (current !== "") messages.push(current);
  return messages;
}

interface Cut {
  /** The chunk holds atoms before this index. */
  end: number;
  /** Tags still open at `end`. */
  open: Extract<Atom, { kind: "open" }>[];
}

const PREFERENCE = ["paragraph", "line", "word", "anywhere"] as const;
type Boundary = (typeof PREFERENCE)[number];

function findCut(atoms: Atom[], start: number, reopened: Extract<Atom, { kind: "open" }>[], limit: number): Cut {
  const open = [...reopened];
  let length = open.reduce((sum, tag) => sum + tag.raw.length, 0);
  let closing = closers(open).length;
  let hasText = false;
  const best = new Map<Boundary, Cut>();
  for (let index = start; index < atoms.length; index++) {
    if (length + closing > limit) break;
    if (hasText) best.set("anywhere", { end: index, open: [...open] });
    const boundary = boundaryAt(atoms, index);
    if (hasText && boundary) best.set(boundary, { end: index, open: [...open] });
    const atom = atoms[index]!;
    length += atom.raw.length;
    if (atom.kind === "open") {
      open.push(atom);
      closing += atom.name.length + 3;
    } else if (atom.kind === "close") {
      closing -= (open.pop()?.name.length ?? 0) + 3;
    } else if (!/^\s$/.test(atom.raw)) {
      hasText = true;
    }
  }
  if (length + closing <= limit) return { end: atoms.length, open };
  const choice = PREFERENCE.map((boundary) => best.get(boundary)).find((cut) => cut !== undefined);
  if (!choice) throw new Error(`splitHtml: limit ${limit} is too small for the open formatting`);
  return choice;
}

/** The kind of break that starts at atom `index`, if any. */
function boundaryAt(atoms: Atom[], index: number): Boundary | undefined {
  const raw = atoms[index]!.raw;
  if (raw === "\n") return atoms[index + 1]?.raw === "\n" ? "paragraph" : "line";
  return atoms[index]!.kind === "char" && /^\s$/.test(raw) ? "word" : undefined;
}

function closers(open: Extract<Atom, { kind: "open" }>[]): string {
  return open.map((tag) => `</${tag.name}>`).reverse().join("");
}

/** Tags, entities and single code points: the pieces a cut may fall between. */
function tokenize(html: string): Atom[] {
  const atoms: Atom[] = [];
  for (const match of html.matchAll(/<\/?([a-z-]+)[^>]*>|&[#a-z0-9]+;|[\s\S]/giu)) {
    const raw = match[0];
    if (raw.startsWith("</")) atoms.push({ kind: "close", raw });
    else if (raw.startsWith("<") && match[1]) atoms.push({ kind: "open", name: match[1], raw });
    else atoms.push({ kind: "char", raw });
  }
  return atoms;
}
