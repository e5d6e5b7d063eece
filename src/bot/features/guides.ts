// Answers before asking: `/cari kata-kata` searches the guides, news and documents; a guide topic offered with a
// question opens with a button that closes the ticket when the topic answered it.
import type { Bot } from "node-telegram-bot-api";
import type { CategoryKey } from "../../content/types.js";
import { topicKey, type GuideService } from "../../domain/guides.js";
import type { TicketClosing } from "../../domain/relay/ticket-closing.js";
import { answerButton, onAction } from "../actions.js";
import { searchResults, suggestedAnswer } from "../content-views.js";
import { chatOf, isPrivate, reply, type BotDeps } from "../deps.js";
import { M } from "../messages.js";
import { sendViews } from "../views.js";
import { staleButton } from "./content-menus.js";

export function registerGuides(bot: Bot, deps: BotDeps, closing: TicketClosing, guides: GuideService): void {
  bot.command("cari", async (ctx, next) => {
    if (!isPrivate(ctx)) return next();
    const query = typeof ctx.match === "string" ? ctx.match.trim() : "";
    if (query === "") return void (await reply(deps, ctx, M.searchUsage));
    const view = searchResults(query, guides.search(query));
    await reply(deps, ctx, view.text, view.reply_markup);
  });

  // A new message, not an edit: the acknowledgement keeps its ticket number and the other topics offered.
  onAction(bot, "suggestion", async (ctx, action) => {
    const found = topicOf(deps, action.category, action.topicId);
    if (!found) return staleButton(deps, ctx);
    await answerButton(ctx);
    await sendViews(deps, ctx, suggestedAnswer(found.category, found.topic, action.ticketId));
  });

  onAction(bot, "answeredByGuide", async (ctx, action) => {
    const found = topicOf(deps, action.category, action.topicId);
    if (!found) return staleButton(deps, ctx);
    const topic = { key: topicKey(action.category, action.topicId), title: found.topic.title, categoryTitle: found.category.title };
    const result = await closing.byGuide(chatOf(ctx), action.ticketId, topic);
    if (result.kind === "not-ticket") return staleButton(deps, ctx);
    // Closed: the rating request that follows says so.
    await answerButton(ctx, { text: result.kind === "closed" ? M.ticketClosedByYou(result.ticketId) : M.ticketWasClosed(result.ticketId) });
  });
}

function topicOf(deps: BotDeps, key: CategoryKey, topicId: string) {
  const category = deps.content.current().categories.find((c) => c.key === key);
  const topic = category?.topics.find((t) => t.id === topicId);
  return category && topic ? { category, topic } : undefined;
}
