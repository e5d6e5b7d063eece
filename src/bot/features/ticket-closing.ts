// The employee closes the loop: "✅ Sudah terjawab" under an answer or /selesai closes the ticket; the rating request
// that follows takes one tap of 1–5, and "Tambah komentar" makes the chat's next text a comment (never a question).
// /batal lets the employee change their mind about the comment.
import type { Bot } from "node-telegram-bot-api";
import type { TicketClosing } from "../../domain/relay/ticket-closing.js";
import { answerButton, onAction } from "../actions.js";
import { packCallbackData } from "../callback-data.js";
import { chatOf, isPrivate, reply, type BotDeps } from "../deps.js";
import { M } from "../messages.js";
import { staleButton } from "./content-menus.js";

export function registerTicketClosing(bot: Bot, deps: BotDeps, closing: TicketClosing): void {
  onAction(bot, "closeTicket", async (ctx, action) => {
    const result = await closing.byEmployee(chatOf(ctx), action.ticketId);
    if (result.kind === "not-ticket") return staleButton(deps, ctx);
    await answerButton(ctx, { text: result.kind === "closed" ? M.ticketClosedByYou(result.ticketId) : M.ticketWasClosed(result.ticketId) });
  });

  bot.command("selesai", async (ctx, next) => {
    if (!isPrivate(ctx)) return next();
    const result = await closing.byEmployee(chatOf(ctx));
    // Closed: the rating request that follows says so.
    if (result.kind === "not-ticket") await reply(deps, ctx, M.noOpenTicket);
  });

  onAction(bot, "rate", async (ctx, action) => {
    const result = await closing.rate(chatOf(ctx), action.ticketId, action.score);
    if (result.kind === "not-ticket") return staleButton(deps, ctx);
    if (result.kind === "already-rated") return answerButton(ctx, { text: M.alreadyRated(result.ticketId, result.score), show_alert: true });
    await answerButton(ctx, { text: M.ratedToast });
    const comment = { inline_keyboard: [[{ text: M.commentButton, callback_data: packCallbackData({ type: "comment", ticketId: result.ticketId }) }]] };
    await reply(deps, ctx, M.rated(result.ticketId, action.score), comment);
  });

  onAction(bot, "comment", async (ctx, action) => {
    const result = await closing.requestComment(chatOf(ctx), action.ticketId);
    if (result.kind === "not-ticket") return staleButton(deps, ctx);
    if (result.kind === "already-commented") return answerButton(ctx, { text: M.alreadyCommented(result.ticketId), show_alert: true });
    await answerButton(ctx);
    await reply(deps, ctx, M.commentPrompt(result.ticketId));
  });

  bot.command("batal", async (ctx, next) => {
    if (!isPrivate(ctx)) return next();
    await reply(deps, ctx, (await closing.cancelComment(chatOf(ctx))) ? M.commentCancelled : M.nothingToCancel);
  });

  // Before the relay: a comment asked for is stored, and never becomes a ticket.
  bot.on("message", async (ctx, next) => {
    const message = ctx.message!;
    if (!isPrivate(ctx) || message.text?.startsWith("/")) return next();
    if (message.text === undefined) {
      return (await closing.isAwaitingComment(chatOf(ctx))) ? void (await reply(deps, ctx, M.commentNotText)) : next();
    }
    const taken = await closing.takeComment(chatOf(ctx), message.text);
    if (taken.kind === "none") return next();
    // Logged as a comment: the report counts it apart from the questions to the staff.
    ctx.state.pesanJenis = "komentar";
    await reply(deps, ctx, M.commentSaved(taken.ticketId));
  });
}

/** The 1–5 buttons under a rating request. */
export function ratingButtons(ticketId: number) {
  return { inline_keyboard: [[1, 2, 3, 4, 5].map((score) => ({ text: `${score} ⭐`, callback_data: packCallbackData({ type: "rate", ticketId, score }) }))] };
}

/** Under each answer delivered to the employee. */
export function answerButtons(ticketId: number) {
  return { inline_keyboard: [[{ text: M.closeButton, callback_data: packCallbackData({ type: "closeTicket", ticketId }) }]] };
}
