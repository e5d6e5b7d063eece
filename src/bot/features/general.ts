// `/start`, `/menu`, `/bantuan`, `/tentang` and the main-menu button: the texts HR admins keep in CONTENT_DIR.
import type { Bot } from "node-telegram-bot-api";
import { answerButton, onAction } from "../actions.js";
import { mainMenu } from "../content-views.js";
import { currentUser, isPrivate, reply, type BotDeps } from "../deps.js";
import { M } from "../messages.js";
import { showInPlace } from "../views.js";

export function registerGeneral(bot: Bot, deps: BotDeps): void {
  const content = () => deps.content.current();

  bot.command("start", async (ctx, next) => {
    if (!isPrivate(ctx)) return next();
    const user = await currentUser(deps, ctx).catch(() => undefined);
    const greeting = content().pages.start + (user ? M.welcomeRegistered(user) : M.welcomeUnregistered);
    await reply(deps, ctx, greeting, mainMenu(content()).reply_markup);
  });
  bot.command("menu", async (ctx, next) => {
    if (!isPrivate(ctx)) return next();
    const view = mainMenu(content());
    await reply(deps, ctx, view.text, view.reply_markup);
  });
  bot.command("bantuan", (ctx, next) => (isPrivate(ctx) ? reply(deps, ctx, content().pages.bantuan) : next()));
  bot.command("tentang", (ctx, next) => (isPrivate(ctx) ? reply(deps, ctx, content().pages.tentang) : next()));
  onAction(bot, "mainMenu", async (ctx) => {
    await answerButton(ctx);
    await showInPlace(deps, ctx, [mainMenu(content())]);
  });
}
