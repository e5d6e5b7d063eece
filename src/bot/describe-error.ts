// One line for a log entry about a failure: Telegram's code and description, or the error and its cause; never
// "undefined undefined" for an answer that was not in Telegram's format.
import { ParseError, TelegramApiError } from "node-telegram-bot-api";

export function describeError(err: unknown): string {
  if (err instanceof TelegramApiError) {
    const code = err.errorCode ?? "tanpa kode";
    return `${code} ${err.description ?? "(tanpa keterangan)"}`;
  }
  if (err instanceof ParseError) return `${err.message}: ${excerpt(err.responseText ?? "")}`;
  if (err instanceof Error) return `${err.name}: ${err.message}${err.cause ? ` (${String(err.cause)})` : ""}`;
  return String(err);
}

/** The start of what a server said, on one line, for a log. */
export function excerpt(text: string, max = 200): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
