// Free messages from employees in private chat become consultation tickets for the staff group.
import type { Bot } from "node-telegram-bot-api";
import { isActive } from "../../domain/registration.js";
import type { RelayService } from "../../domain/relay/relay-service.js";
import { currentUser, isPrivate, reply, type BotDeps } from "../deps.js";
import { M } from "../messages.js";
import { relayMessageOf } from "../relay-message.js";

export function registerRelay(bot: Bot, deps: BotDeps, relay: RelayService): void {
  bot.on("message", async (ctx, next) => {
    const message = ctx.message!;
    if (!isPrivate(ctx) || message.text?.startsWith("/")) return next();
    const user = await currentUser(deps, ctx);
    if (!user) return void (await reply(deps, ctx, M.notRegistered));
    if (!isActive(user)) return void (await reply(deps, ctx, M.inactiveUser));
    const relayed = relayMessageOf(message);
    if (!relayed) return void (await reply(deps, ctx, M.relayUnsupported));
    const result = await relay.ask({ id: user.id, nama: user.nama, nip: user.nip, unit_kerja: user.unit_kerja }, relayed);
    if (result.acknowledge) await reply(deps, ctx, M.questionReceived(result.ticketId, result.isNewTicket));
  });
}
