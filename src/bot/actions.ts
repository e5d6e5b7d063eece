// Routes a button press to the feature that owns its action; every feature answers its own callback query.
import type { AnswerCallbackQueryParams, Bot, Context } from "node-telegram-bot-api";
import { parseCallbackData, type CallbackAction } from "./callback-data.js";

type ActionOf<T extends CallbackAction["type"]> = Extract<CallbackAction, { type: T }>;

export function onAction<T extends CallbackAction["type"]>(
  bot: Bot,
  type: T,
  handler: (ctx: Context, action: ActionOf<T>) => Promise<void>,
): void {
  bot.on("callback_query", (ctx, next) => {
    const action = parseCallbackData(ctx.callbackQuery!.data ?? "");
    return action?.type === type ? handler(ctx, action as ActionOf<T>) : next();
  });
}

/**
 * Answers the press (Telegram takes one answer per press and refuses a second), remembering that it did, so the
 * error boundary knows to write a message instead of answering again.
 */
export async function answerButton(ctx: Context, options?: Omit<AnswerCallbackQueryParams, "callback_query_id">): Promise<void> {
  ctx.state.buttonAnswered = true;
  await ctx.answerCallbackQuery(options);
}

export function buttonAnswered(ctx: Context): boolean {
  return ctx.state.buttonAnswered === true;
}
