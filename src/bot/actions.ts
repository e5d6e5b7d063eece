// Routes a button press to the feature that owns its action; every feature answers its own callback query.
import type { Bot, Context } from "node-telegram-bot-api";
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
