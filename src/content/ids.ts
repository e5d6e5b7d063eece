// Short stable ids for topics, documents and news items. They travel in callback_data (≤ 64 bytes) and are
// derived from the title or file name, so a renamed topic gets a new id and its old buttons are
// recognised as stale instead of opening something else.

import { createHash } from "node:crypto";

const ID_LENGTH = 10;

/** "Cuti Tahunan (PNS)" → "cuti-tahunan-pns"; case, accents and punctuation do not matter. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

export function shortId(text: string): string {
  return createHash("sha1").update(slugify(text)).digest("hex").slice(0, ID_LENGTH);
}

export const SHORT_ID_PATTERN = `[0-9a-f]{${ID_LENGTH}}`;

/** A news item has no file name: its date and title name it, so an edited headline gets a new id. */
export function newsId(item: { date: string; title: string }): string {
  return shortId(`${item.date} ${item.title}`);
}
