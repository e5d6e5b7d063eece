// The service menus (/renbangkompeg, /mutasi, /jahdis, /pengkinpeg), /terkini and /dokumen, by command and button
// (a news item has a button of its own only where /cari found it).
// A button whose topic or document has since been edited away gets the current menu, not an error.
import { InputFile, TelegramApiError, type Bot, type Context } from "node-telegram-bot-api";
import { findFileId, saveFileId } from "../../db/dokumen-file-repo.js";
import { readDocument } from "../../content/read-document.js";
import type { DocumentEntry } from "../../content/types.js";
import { answerButton, onAction } from "../actions.js";
import { newsId } from "../../content/ids.js";
import { categoryMenu, documentCaption, documentsMenu, newsItemView, newsList, staleButton as staleView, topicAnswer } from "../content-views.js";
import { isPrivate, reply, type BotDeps } from "../deps.js";
import { M } from "../messages.js";
import { describeError } from "../describe-error.js";
import { sendViews, showInPlace } from "../views.js";

export function registerContentMenus(bot: Bot, deps: BotDeps): void {
  const content = () => deps.content.current();

  for (const category of content().categories) {
    bot.command(category.command, async (ctx, next) => {
      if (!isPrivate(ctx)) return next();
      const current = content().categories.find((c) => c.key === category.key);
      await sendViews(deps, ctx, [current ? categoryMenu(current) : staleView(content())]);
    });
  }
  bot.command("terkini", (ctx, next) => (isPrivate(ctx) ? sendViews(deps, ctx, newsList(content())) : next()));
  bot.command("dokumen", (ctx, next) => (isPrivate(ctx) ? sendViews(deps, ctx, [documentsMenu(content())]) : next()));

  onAction(bot, "category", async (ctx, action) => {
    const category = content().categories.find((c) => c.key === action.category);
    if (!category) return staleButton(deps, ctx);
    await answerButton(ctx);
    await showInPlace(deps, ctx, [categoryMenu(category)]);
  });
  onAction(bot, "topic", async (ctx, action) => {
    const category = content().categories.find((c) => c.key === action.category);
    const topic = category?.topics.find((t) => t.id === action.topicId);
    if (!category || !topic) return staleButton(deps, ctx);
    await answerButton(ctx);
    await showInPlace(deps, ctx, topicAnswer(category, topic));
  });
  onAction(bot, "news", async (ctx) => {
    await answerButton(ctx);
    await sendViews(deps, ctx, newsList(content()));
  });
  onAction(bot, "newsItem", async (ctx, action) => {
    const item = content().news.find((n) => newsId(n) === action.newsId);
    if (!item) return staleButton(deps, ctx);
    await answerButton(ctx);
    await sendViews(deps, ctx, newsItemView(item));
  });
  onAction(bot, "documents", async (ctx) => {
    await answerButton(ctx);
    await showInPlace(deps, ctx, [documentsMenu(content())]);
  });
  onAction(bot, "document", async (ctx, action) => {
    const document = content().documents.find((d) => d.id === action.documentId);
    if (!document) return staleButton(deps, ctx);
    await answerButton(ctx);
    await sendDocument(deps, ctx, document);
  });
}

export async function staleButton(deps: BotDeps, ctx: Context): Promise<void> {
  await answerButton(ctx, { text: M.staleButton });
  await showInPlace(deps, ctx, [staleView(deps.content.current())]);
}

/**
 * Uploads a document once and reuses Telegram's file_id afterwards; the id is keyed by the file's hash, so an
 * edited file is uploaded again. A file_id Telegram no longer accepts is forgotten and the file uploaded anew.
 */
async function sendDocument(deps: BotDeps, ctx: Context, document: DocumentEntry): Promise<void> {
  const chatId = ctx.chatId!;
  const caption = documentCaption(document);
  const known = await findFileId(deps.db, document.sha256).catch(() => undefined);
  if (known) {
    try {
      await deps.gateway.sendDocument({ chat_id: chatId, document: known, caption, parse_mode: "HTML" });
      return;
    } catch (err) {
      if (!(err instanceof TelegramApiError) || err.errorCode !== 400) throw err;
      deps.log.warn("file_id dokumen ditolak; mengunggah ulang", { file: document.fileName, error: describeError(err) });
    }
  }
  const file = await readDocument(document);
  if (!file.ok) {
    deps.log.error("dokumen tidak dikirim", { file: document.fileName, reason: file.reason });
    await reply(deps, ctx, M.documentUnavailable);
    return;
  }
  let sent;
  try {
    const upload = new InputFile(file.bytes, { filename: document.fileName });
    sent = await deps.gateway.sendDocument({ chat_id: chatId, document: upload, caption, parse_mode: "HTML" });
  } catch (err) {
    if (err instanceof TelegramApiError && err.errorCode === 400) {
      deps.log.error("dokumen tidak dapat dikirim", { file: document.fileName, error: describeError(err) });
      await reply(deps, ctx, M.documentUnavailable);
      return;
    }
    throw err;
  }
  const fileId = sent.document?.file_id;
  if (fileId) await saveFileId(deps.db, document.sha256, fileId, deps.clock());
}
