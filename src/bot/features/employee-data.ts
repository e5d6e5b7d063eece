// `/datapribadi`, `/tunkin`, `/cuti` (and their menu buttons): an employee's own data, never anybody else's.
import type { Bot, Context } from "node-telegram-bot-api";
import { leaveOf, tunkinOf } from "../../domain/employee-data.js";
import { isActive } from "../../domain/registration.js";
import { answerButton, onAction } from "../actions.js";
import { PERSONAL_SERVICES, type PersonalService } from "../callback-data.js";
import { currentUser, isPrivate, reply, type BotDeps } from "../deps.js";
import { M } from "../messages.js";

export function registerEmployeeData(bot: Bot, deps: BotDeps): void {
  for (const view of PERSONAL_SERVICES) {
    bot.command(view, async (ctx, next) => (isPrivate(ctx) ? showPersonal(deps, ctx, view) : next()));
  }
  onAction(bot, "personal", async (ctx, action) => {
    await answerButton(ctx);
    // Someone's data is shown only to them, in their private chat: never under a button pressed in a group.
    if (!isPrivate(ctx)) return;
    await showPersonal(deps, ctx, action.service);
  });
}

async function showPersonal(deps: BotDeps, ctx: Context, view: PersonalService): Promise<void> {
  const user = await currentUser(deps, ctx);
  if (!user) return void (await reply(deps, ctx, M.notRegistered));
  if (!isActive(user)) return void (await reply(deps, ctx, M.inactiveUser));
  switch (view) {
    case "datapribadi":
      return void (await reply(deps, ctx, M.personalData(user)));
    case "tunkin":
      return void (await reply(deps, ctx, M.tunkin(await tunkinOf(deps.db, user))));
    case "cuti": {
      const year = jakartaYear(deps.clock());
      return void (await reply(deps, ctx, M.cuti(year, await leaveOf(deps.db, user, year))));
    }
  }
}

/** The calendar year in Western Indonesia Time (UTC+7): on 31 December 18:00 UTC it is already next year there. */
function jakartaYear(now: number): number {
  return new Date(now + 7 * 3600_000).getUTCFullYear();
}
