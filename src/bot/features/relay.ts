// Free messages from employees in private chat become consultation tickets for the staff group; the acknowledgement
// offers the guide topics that may already answer them (follow-ups too: the real question often comes second).
import type { Bot } from "node-telegram-bot-api";
import type { GuideService } from "../../domain/guides.js";
import { isActive } from "../../domain/registration.js";
import type { RelayService } from "../../domain/relay/relay-service.js";
import type { StaffDeskService } from "../../domain/relay/staff-desk.js";
import { backOnDuty, formatDuty } from "../../domain/service-hours.js";
import { suggestionButtons } from "../content-views.js";
import { currentUser, isPrivate, reply, type BotDeps } from "../deps.js";
import { describeError } from "../describe-error.js";
import { M } from "../messages.js";
import { relayMessageOf } from "../relay-message.js";

export function registerRelay(bot: Bot, deps: BotDeps, relay: RelayService, guides: GuideService, staff: StaffDeskService): void {
  bot.on("message", async (ctx, next) => {
    const message = ctx.message!;
    if (!isPrivate(ctx) || message.text?.startsWith("/")) return next();
    const user = await currentUser(deps, ctx);
    if (!user) return void (await reply(deps, ctx, M.notRegistered));
    if (!isActive(user)) return void (await reply(deps, ctx, M.inactiveUser));
    // Blocked by the staff: told once whom to contact instead; later messages are logged, not relayed.
    const blocked = await staff.blockedAnswer(user.id);
    if (blocked === "tell") return void (await reply(deps, ctx, M.blockedNotice));
    if (blocked === "drop") return;
    const relayed = relayMessageOf(message);
    if (!relayed) return void (await reply(deps, ctx, M.relayUnsupported));
    // The question is stored and queued for the staff first: a suggestion never holds it back.
    const result = await relay.ask({ id: user.id, nama: user.nama, nip: user.nip, unit_kerja: user.unit_kerja }, relayed);
    if (!result.acknowledge) return;
    const offered = guides.suggest(relayed.body);
    // Counting the question for the report must not stand between the employee and the acknowledgement.
    const recorded =
      relayed.body && result.firstTime
        ? guides.record(relayed.body, offered).catch((err: unknown) =>
            deps.log.warn("gagal mencatat saran panduan", { updateId: ctx.update.update_id, error: describeError(err) }),
          )
        : undefined;
    const now = deps.clock();
    const hours = deps.content.current().serviceHours;
    const back = backOnDuty(hours, now);
    try {
      const ack = M.questionReceived(result.ticketId, result.isNewTicket, offered.length > 0, back === null ? undefined : formatDuty(back));
      await reply(deps, ctx, ack, suggestionButtons(offered, result.ticketId));
    } finally {
      await recorded;
    }
  });
}
