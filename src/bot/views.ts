// Sending views (HTML text plus optional keyboard): as new messages, or by editing the pressed menu in place.
import { TelegramApiError, type Context } from "node-telegram-bot-api";
import type { View } from "./content-views.js";
import { classifyFailure } from "./telegram-failure.js";
import { reply, type BotDeps } from "./deps.js";

export async function sendViews(deps: BotDeps, ctx: Context, views: View[]): Promise<void> {
  for (const view of views) await reply(deps, ctx, view.text, view.reply_markup);
}

/**
 * Menu navigation replaces the pressed menu rather than piling up messages; an answer longer than one message,
 * or a menu Telegram no longer lets us edit (too old, deleted), arrives as new messages instead.
 */
export async function showInPlace(deps: BotDeps, ctx: Context, views: View[]): Promise<void> {
  const pressed = ctx.callbackQuery?.message;
  if (views.length !== 1 || !pressed || !("chat" in pressed) || pressed.date === 0) return sendViews(deps, ctx, views);
  try {
    await deps.gateway.editMessageText({
      chat_id: pressed.chat.id,
      message_id: pressed.message_id,
      text: views[0]!.text,
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(views[0]!.reply_markup ? { reply_markup: views[0]!.reply_markup } : {}),
    });
  } catch (err) {
    const failure = classifyFailure(err);
    // "message is not modified" means the user already sees this view (Telegram says so only in its text).
    if (failure.kind === "bad-request" && err instanceof TelegramApiError && /not modified/i.test(err.description ?? "")) return;
    // Not editable any more, or Telegram is out: a new message (queued durably if need be) still answers.
    if (failure.kind === "bad-request" || failure.kind === "outage" || failure.kind === "flood") return sendViews(deps, ctx, views);
    throw err;
  }
}
