// The last handler: an unknown command gets a pointer to /bantuan; a button nobody handled gets the current menu.
import type { Bot } from "node-telegram-bot-api";
import { isPrivate, reply, type BotDeps } from "../deps.js";
import { M } from "../messages.js";
import { staleButton } from "./content-menus.js";

export function registerFallback(bot: Bot, deps: BotDeps): void {
  bot.on("callback_query", (ctx) => staleButton(deps, ctx));
  bot.on("message", async (ctx) => {
    if (isPrivate(ctx) && ctx.message?.text?.startsWith("/")) await reply(deps, ctx, M.unknownCommand);
  });
}
