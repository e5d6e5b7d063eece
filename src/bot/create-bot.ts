// Wires the bot: the error boundary and shared middleware first, then one feature at a time, the fallback last.
import type { Bot } from "node-telegram-bot-api";
import type { AnnouncementService } from "../domain/announcements.js";
import type { GuideService } from "../domain/guides.js";
import type { BotDeps } from "./deps.js";
import { registerAnnouncements } from "./features/announcements.js";
import { registerContentMenus } from "./features/content-menus.js";
import { registerEdits } from "./features/edits.js";
import { registerEmployeeData } from "./features/employee-data.js";
import { registerFallback } from "./features/fallback.js";
import { registerGeneral } from "./features/general.js";
import { registerGuides } from "./features/guides.js";
import { registerRegistration } from "./features/registration.js";
import { registerRelay } from "./features/relay.js";
import { registerStaffGroup, type StaffDesk } from "./features/staff-group.js";
import { registerTicketClosing } from "./features/ticket-closing.js";
import { chatFilter } from "./middleware/chat-filter.js";
import { observe } from "./middleware/observe.js";
import { recordIncoming } from "./middleware/record-incoming.js";
import { describeError } from "./describe-error.js";

export interface Services extends StaffDesk {
  announcements: AnnouncementService;
  guides: GuideService;
}

export function setUpBot(bot: Bot, deps: BotDeps, services: Services): void {
  const { relay, closing, announcements, guides, staff } = services;
  // observe() catches handler errors itself; this boundary only sees a failure of observe's own reply.
  bot.catch((err, ctx) => deps.log.error("update gagal di batas akhir", { updateId: ctx.update.update_id, error: describeError(err) }));
  bot.use(observe(deps), chatFilter(deps), recordIncoming(deps));
  registerRegistration(bot, deps);
  registerStaffGroup(bot, deps, services, registerAnnouncements(bot, deps, announcements));
  registerGeneral(bot, deps);
  registerEmployeeData(bot, deps);
  registerContentMenus(bot, deps);
  registerGuides(bot, deps, closing, guides);
  registerTicketClosing(bot, deps, closing);
  registerRelay(bot, deps, relay, guides, staff);
  registerEdits(bot, deps, relay);
  registerFallback(bot, deps);
}
