// `/daftar NIP PASSWORD`: binds the sender's Telegram account to their employee record; the message holding the
// password is deleted whatever the outcome.
import type { Bot, Context } from "node-telegram-bot-api";
import { register } from "../../domain/registration.js";
import { REDACTED } from "../../domain/redact.js";
import { isPrivate, reply, type BotDeps } from "../deps.js";
import { M } from "../messages.js";
import { describeError } from "../describe-error.js";

export function registerRegistration(bot: Bot, deps: BotDeps): void {
  bot.command("daftar", async (ctx) => {
    const args = typeof ctx.match === "string" ? ctx.match.trim() : "";
    if (args !== "") await deletePasswordMessage(deps, ctx);
    if (!isPrivate(ctx)) {
      await reply(deps, ctx, M.daftarInGroup);
      return;
    }
    const [nip, ...rest] = args.split(/\s+/);
    const password = rest.join(" ");
    if (password === REDACTED) {
      await reply(deps, ctx, M.daftarInterrupted);
      return;
    }
    if (!nip || !password) {
      await reply(deps, ctx, M.daftarUsage);
      return;
    }
    const result = await register(deps.db, deps.clock, { telegramId: ctx.from!.id, nip, password });
    deps.log.info("pendaftaran", { telegramId: ctx.from!.id, result: result.kind });
    switch (result.kind) {
      case "registered":
        return void (await reply(deps, ctx, M.registered(result.pengguna)));
      case "already-registered":
        return void (await reply(deps, ctx, M.alreadyRegistered(result.pengguna)));
      case "account-has-other-nip":
        return void (await reply(deps, ctx, M.accountHasOtherNip(result.nip)));
      case "wrong-credentials":
        return void (await reply(deps, ctx, M.wrongCredentials(result.triesLeft)));
      case "locked":
        return void (await reply(deps, ctx, M.locked(Math.max(1, Math.ceil((result.retryAt - deps.clock()) / 60_000)))));
      case "inactive":
        return void (await reply(deps, ctx, M.inactive));
      case "bound-elsewhere":
        return void (await reply(deps, ctx, M.boundElsewhere));
    }
  });
}

async function deletePasswordMessage(deps: BotDeps, ctx: Context): Promise<void> {
  const message = ctx.message!;
  try {
    await ctx.api.deleteMessage({ chat_id: message.chat.id, message_id: message.message_id });
  } catch (err) {
    deps.log.warn("pesan berisi password tidak dapat dihapus", { chatId: message.chat.id, error: describeError(err) });
  }
}
