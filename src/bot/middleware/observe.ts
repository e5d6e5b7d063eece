// The outermost middleware: one log line per handled update, and the error boundary that tells the user
// something went wrong instead of leaving them in silence.
import type { Context, NextFn } from "node-telegram-bot-api";
import { describeError } from "../describe-error.js";
import { buttonAnswered } from "../actions.js";
import { describeUpdate } from "../update-info.js";
import { M } from "../messages.js";
import type { BotDeps } from "../deps.js";

export function observe(deps: BotDeps) {
  return async (ctx: Context, next: NextFn): Promise<void> => {
    const started = performance.now();
    const info = describeUpdate(ctx.update);
    const meta = { updateId: ctx.update.update_id, type: info.kind, command: info.command, chat: info.chat?.id };
    try {
      await next();
      deps.metrics.updateHandled(info.kind, (performance.now() - started) / 1000, false);
      deps.log.info("update", { ...meta, ms: Math.round(performance.now() - started) });
    } catch (err) {
      deps.metrics.updateHandled(info.kind, (performance.now() - started) / 1000, true);
      deps.log.error("update gagal diproses", {
        ...meta,
        ms: Math.round(performance.now() - started),
        error: describeError(err),
        stack: err instanceof Error ? err.stack : undefined,
        // Ids and kind only: the update's text may be anyone's personal data, and this line goes to the log.
        from: info.from?.id,
        messageId: info.message?.message_id,
      });
      await tellUser(deps, ctx).catch((e: unknown) => deps.log.warn("pesan gangguan tidak terkirim", { ...meta, error: describeError(e) }));
    }
  };
}

async function tellUser(deps: BotDeps, ctx: Context): Promise<void> {
  // A press gets one answer: the alert, unless the handler answered it already; then a message says it.
  if (ctx.callbackQuery && !buttonAnswered(ctx)) return void (await ctx.answerCallbackQuery({ text: M.temporaryFailure, show_alert: true }));
  if (ctx.callbackQuery) {
    if (ctx.chatId !== undefined) await deps.gateway.sendMessage({ chat_id: ctx.chatId, text: M.temporaryFailure });
    return;
  }
  const message = ctx.message;
  if (!message) return;
  // In the staff group the note replies to the message that failed, so the staff member knows which to resend.
  await deps.gateway.sendMessage({
    chat_id: message.chat.id,
    text: M.temporaryFailure,
    ...(message.chat.type === "private" ? {} : { reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true } }),
  });
}
