// `/pengumuman` in the staff group, as a reply to the message to announce: an admin confirms with a button, then
// the message goes to every registered active employee.
import type { Bot, InlineKeyboardMarkup, Message } from "node-telegram-bot-api";
import type { AnnouncementService } from "../../domain/announcements.js";
import { answerButton, onAction } from "../actions.js";
import { packCallbackData } from "../callback-data.js";
import { replyToMessage, type BotDeps } from "../deps.js";
import { M } from "../messages.js";
import { showInPlace } from "../views.js";

/** Handles `/pengumuman` (the staff-group feature routes the command here) and the confirmation buttons. */
export function registerAnnouncements(bot: Bot, deps: BotDeps, announcements: AnnouncementService) {
  onAction(bot, "announce", async (ctx, action) => {
    if (ctx.chatId !== deps.config.staffGroupId) return void (await answerButton(ctx));
    const result = await announcements.decide(action.id, ctx.from!.id, action.send);
    if (result.kind === "not-admin") return void (await answerButton(ctx, { text: M.notAdmin, show_alert: true }));
    await answerButton(ctx);
    const text =
      result.kind === "started" ? M.announcementStarted(action.id, result.recipients)
      : result.kind === "cancelled" ? M.announcementCancelled
      : M.announcementNotDraft;
    await showInPlace(deps, ctx, [{ text }]);
  });

  return async function announce(message: Message): Promise<void> {
    const reply = (text: string, markup?: InlineKeyboardMarkup) => replyToMessage(deps, message, text, markup);
    const source = message.reply_to_message;
    if (!source) return void (await reply(M.pengumumanUsage));
    const result = await announcements.prepare(message.from!.id, source.message_id);
    if (result.kind === "not-admin") return void (await reply(M.notAdmin));
    await reply(M.announcementConfirm(result.recipients), {
      inline_keyboard: [
        [
          { text: M.announcementSend, callback_data: packCallbackData({ type: "announce", id: result.id, send: true }) },
          { text: M.announcementCancel, callback_data: packCallbackData({ type: "announce", id: result.id, send: false }) },
        ],
      ],
    });
  };
}
