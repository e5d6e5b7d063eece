// Test helper: whether a string is HTML Telegram accepts, judged by the fake Bot API's parser plus
// a stricter rule of ours: no bare "<" or ">" at all, even where Telegram would tolerate one.

import { parseHtml } from "../support/fake-telegram/parse-html.js";

export function isBalancedTelegramHtml(html: string): boolean {
  try {
    parseHtml(html);
  } catch {
    return false;
  }
  return !/[<>]/.test(html.replace(/<\/?[a-z-]+(?:\s[^<>]*)?>/g, ""));
}

/** The characters Telegram counts: the text once tags are removed and entities decoded. */
export function visibleText(html: string): string {
  return parseHtml(html).text;
}
