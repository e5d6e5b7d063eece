// Telegram HTML as text: escaping data so it is never markup, and measuring what Telegram counts.
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The length Telegram counts: the text after tags are removed and entities decoded, in UTF-16 units. */
export function visibleLength(html: string): number {
  return html.replace(/<[^>]*>/g, "").replace(/&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/gi, "_").length;
}
