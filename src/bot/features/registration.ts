// `/daftar NIP PASSWORD`, in any spelling: binds the sender's Telegram account to their employee record; the message
// holding the password is deleted whatever the outcome.
import type { Bot, Context } from "node-telegram-bot-api";
import { register } from "../../domain/registration.js";
import { parseDaftar, REDACTED } from "../../domain/redact.js";
import { isPrivate, reply, type BotDeps } from "../deps.js";
import { M } from "../messages.js";
import { describeError } from "../describe-error.js";

export function registerRegistration(bot: Bot, deps: BotDeps): void {
  // Not bot.command, which takes "/daftar" in lower case only and never a caption: /Daftar would reach the fallback
  // and a captioned photo the relay, which shows it to the staff, password and all.
  bot.on("message", async (ctx, next) => {
    const message = ctx.message!;
    const daftar = parseDaftar(message.text) ?? parseDaftar(message.caption);
    if (!daftar) return next();
    if (daftar.nip !== "") await deletePasswordMessage(deps, ctx);
    if (!isPrivate(ctx)) return void (await reply(deps, ctx, M.daftarInGroup));
    if (message.text === undefined) return void (await reply(deps, ctx, M.daftarInCaption));
    // An update taken back from the inbox after a crash holds the redacted text, not the password.
    if (daftar.nip === REDACTED || daftar.password === REDACTED) return void (await reply(deps, ctx, M.daftarInterrupted));
    if (daftar.nip === "" || daftar.password === "") return void (await reply(deps, ctx, M.daftarUsage));
    const result = await register(deps.db, deps.clock, { telegramId: ctx.from!.id, nip: daftar.nip, password: daftar.password });
    deps.log.info("pendaftaran", { telegramId: ctx.from!.id, result: result.kind });
    deps.metrics.registration(result.kind);
    switch (result.kind) {
      case "invalid-nip":
        return void (await reply(deps, ctx, M.daftarInvalidNip));
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
