// Edits follow the conversation: a staff member who edits a relayed answer edits the employee's copy (marked as
// edited); an employee who edits a question shows the staff the new text next to the old one. Both versions stay in
// `pesan` (the edit comes in as an update of its own) and the queue item keeps the latest.
import type { Bot, Message } from "node-telegram-bot-api";
import { planEdit } from "../../domain/relay/relay-plan.js";
import type { RelayMessage, RelayService } from "../../domain/relay/relay-service.js";
import { isActive } from "../../domain/registration.js";
import { currentUser, isPrivate, replyToMessage, type BotDeps } from "../deps.js";
import { describeError } from "../describe-error.js";
import { M } from "../messages.js";
import { relayMessageOf } from "../relay-message.js";
import { classifyFailure } from "../telegram-failure.js";

/** Telegram's answer to an edit that changes nothing visible (only formatting Telegram drops, say). */
const NOT_MODIFIED = /message is not modified/i;

export function registerEdits(bot: Bot, deps: BotDeps, relay: RelayService): void {
  bot.on("edited_message", async (ctx, next) => {
    const message = ctx.editedMessage!;
    const relayed = relayMessageOf(message);
    if (!relayed) return next();
    if (ctx.chat?.id === deps.config.staffGroupId) return staffEdited(deps, relay, message, relayed);
    if (!isPrivate(ctx)) return next();
    const user = await currentUser(deps, ctx);
    if (user && isActive(user)) await relay.questionEdited(relayed, ctx.update.update_id);
  });
}

async function staffEdited(deps: BotDeps, relay: RelayService, message: Message, relayed: RelayMessage): Promise<void> {
  const result = await relay.answerEdited(relayed);
  if (result.kind !== "sent") return;
  const step = planEdit(result.payload, result.ids, M.editedMark);
  if (!step) return void (await replyToMessage(deps, message, M.editNotFollowed));
  const target = { chat_id: result.to, message_id: step.messageId, parse_mode: "HTML" as const, ...(step.buttons ? { reply_markup: step.buttons } : {}) };
  try {
    if (step.method === "editMessageText") await deps.gateway.editMessageText({ ...target, text: step.text });
    else await deps.gateway.editMessageCaption({ ...target, caption: step.text });
  } catch (err) {
    if (classifyFailure(err).kind === "bad-request" && NOT_MODIFIED.test(describeError(err))) return;
    deps.log.warn("suntingan jawaban tidak dapat diteruskan", { chat: result.to, error: describeError(err) });
    await replyToMessage(deps, message, M.editNotFollowed);
  }
}
