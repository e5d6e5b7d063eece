// One line for a log entry about a failure: Telegram's code and description, or the error and its cause.
import { TelegramApiError } from "node-telegram-bot-api";

export function describeError(err: unknown): string {
  if (err instanceof TelegramApiError) return `${err.errorCode} ${err.description}`;
  if (err instanceof Error) return `${err.name}: ${err.message}${err.cause ? ` (${String(err.cause)})` : ""}`;
  return String(err);
}
