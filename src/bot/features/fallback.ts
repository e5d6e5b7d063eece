// The last handler: an unknown command gets "did you mean /x?" when it is a typo of one, else a pointer to /bantuan;
// a button nobody handled gets the current menu.
import type { Bot } from "node-telegram-bot-api";
import { closestCommand } from "../closest-command.js";
import { isPrivate, reply, type BotDeps } from "../deps.js";
import { COMMANDS, M } from "../messages.js";
import { staleButton } from "./content-menus.js";

const KNOWN = COMMANDS.map((c) => c.command);

export function registerFallback(bot: Bot, deps: BotDeps): void {
  bot.on("callback_query", (ctx) => staleButton(deps, ctx));
  bot.on("message", async (ctx) => {
    const text = ctx.message?.text;
    if (!isPrivate(ctx) || !text?.startsWith("/")) return;
    const meant = closestCommand(text.match(/^\/([^\s@]*)/)![1]!, KNOWN);
    await reply(deps, ctx, meant ? M.didYouMean(meant) : M.unknownCommand);
  });
}
