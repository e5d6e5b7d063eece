// `/start`, `/menu`, `/bantuan`, `/tentang`, `/jam` and the main-menu button: the texts HR admins keep in CONTENT_DIR.
import type { Bot } from "node-telegram-bot-api";
import { backOnDuty, formatDuty, upcomingHolidays } from "../../domain/service-hours.js";
import { answerButton, onAction } from "../actions.js";
import { mainMenu } from "../content-views.js";
import { currentUser, isPrivate, reply, type BotDeps } from "../deps.js";
import { M } from "../messages.js";
import { showInPlace } from "../views.js";

/** How many of the coming holidays /jam lists. */
const UPCOMING_HOLIDAYS = 5;

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
  bot.command("jam", async (ctx, next) => {
    if (!isPrivate(ctx)) return next();
    const hours = content().serviceHours;
    const now = deps.clock();
    const back = backOnDuty(hours, now);
    await reply(deps, ctx, M.serviceHours(hours, upcomingHolidays(hours, now, UPCOMING_HOLIDAYS), back === null ? undefined : formatDuty(back)));
  });
  onAction(bot, "mainMenu", async (ctx) => {
    await answerButton(ctx);
    await showInPlace(deps, ctx, [mainMenu(content())]);
  });
}
