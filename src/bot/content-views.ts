// The messages built from the bureau's content (menus, answers, news, documents), as pure data:
// Telegram HTML text plus inline keyboard, sent with parse_mode "HTML". No Telegram calls here.

import type { InlineKeyboardButton, InlineKeyboardMarkup } from "node-telegram-bot-api";
import { escapeHtml } from "../domain/html.js";
import { formatIndonesianDate } from "../content/indonesian-date.js";
import { BUTTON_TITLE_LIMIT } from "../content/limits.js";
import { packBlocks } from "../content/split-html.js";
import type { Category, Content, DocumentEntry, NewsItem, Topic } from "../content/types.js";
import type { GuideHit, TopicHit } from "../content/search/guide-index.js";
import { packCallbackData, PERSONAL_SERVICES, type CallbackAction, type PersonalService } from "./callback-data.js";
import { M } from "./messages.js";

export interface View {
  /** Telegram HTML. */
  text: string;
  reply_markup?: InlineKeyboardMarkup;
}

const TEXT = {
  mainMenu: "🏠 <b>Menu utama</b>\nSilakan pilih layanan yang Anda perlukan:",
  chooseTopic: "Silakan pilih topik:",
  home: "🏠 Menu utama",
  backTo: (title: string) => `⬅️ Kembali ke ${title}`,
  news: "📰 Terkini",
  documents: "📄 Dokumen",
  personal: { datapribadi: "👤 Data Pribadi", tunkin: "💰 Tunkin", cuti: "🗓️ Cuti" } satisfies Record<PersonalService, string>,
  newsHeading: "📰 <b>Kabar terkini</b>",
  noNews: "📰 Belum ada kabar terbaru. Silakan cek kembali nanti.",
  documentsHeading: "📄 <b>Dokumen</b>\nPilih dokumen yang ingin Anda unduh:",
  noDocuments: "📄 Belum ada dokumen yang tersedia.",
  stale: "ℹ️ Menu ini sudah diperbarui. Silakan pilih lagi dari menu utama di bawah ini.",
};

export function mainMenu(content: Content): View {
  return { text: TEXT.mainMenu, reply_markup: mainMenuKeyboard(content) };
}

export function categoryMenu(category: Category): View {
  const intro = category.intro === "" ? "" : `${category.intro}\n\n`;
  return {
    text: `<b>${escapeHtml(category.title)}</b>\n\n${intro}${TEXT.chooseTopic}`,
    reply_markup: keyboard([
      ...category.topics.map((topic) => [button(topic.title, { type: "topic", category: category.key, topicId: topic.id })]),
      [homeButton()],
    ]),
  };
}

/** One view per chunk of the answer; the last carries the way back. */
export function topicAnswer(category: Category, topic: Topic): View[] {
  return withKeyboardOnLast(
    topic.chunks,
    keyboard([[button(TEXT.backTo(category.title), { type: "category", category: category.key })], [homeButton()]]),
  );
}

/** A topic offered with a question: its answer, and the button that says it answered the question. */
export function suggestedAnswer(category: Category, topic: Topic, ticketId: number): View[] {
  return withKeyboardOnLast(
    topic.chunks,
    keyboard([
      [button(M.answeredByGuideButton, { type: "answeredByGuide", category: category.key, topicId: topic.id, ticketId })],
      [homeButton()],
    ]),
  );
}

/** The buttons an acknowledgement carries: one per topic offered; none when nothing matched. */
export function suggestionButtons(hits: TopicHit[], ticketId: number): InlineKeyboardMarkup | undefined {
  if (hits.length === 0) return undefined;
  return keyboard(hits.map((hit) => [button(`📖 ${hit.title}`, { type: "suggestion", category: hit.category, topicId: hit.topicId, ticketId })]));
}

/** /cari's answer: each result as a button opening it the way the menus do; or how to ask the staff instead. */
export function searchResults(query: string, hits: GuideHit[]): View {
  if (hits.length === 0) return { text: M.searchNothing(query) };
  return {
    text: M.searchFound(query),
    reply_markup: keyboard([
      ...hits.map((hit) => {
        switch (hit.kind) {
          case "topic":
            return [button(`📖 ${hit.title}`, { type: "topic", category: hit.category, topicId: hit.topicId })];
          case "news":
            return [button(`🗞️ ${buttonText(hit.title)}`, { type: "newsItem", newsId: hit.newsId })];
          case "document":
            return [button(`📄 ${hit.title}`, { type: "document", documentId: hit.documentId })];
        }
      }),
      [homeButton()],
    ]),
  };
}

/** One news item, with the way to the others. */
export function newsItemView(item: NewsItem): View[] {
  return withKeyboardOnLast(packBlocks(newsBlocks(item)), keyboard([[button(TEXT.news, { type: "news" })], [homeButton()]]));
}

/** News titles may be long; a button shows about a phone's width. */
function buttonText(title: string): string {
  return title.length <= BUTTON_TITLE_LIMIT ? title : `${title.slice(0, BUTTON_TITLE_LIMIT - 1).trimEnd()}…`;
}

/** The newest items first, as few messages as they fit in. */
export function newsList(content: Content, limit = 5): View[] {
  const items = content.news.slice(0, limit);
  if (items.length === 0) return [{ text: TEXT.noNews, reply_markup: keyboard([[homeButton()]]) }];
  return withKeyboardOnLast(packBlocks([TEXT.newsHeading, ...items.flatMap(newsBlocks)]), keyboard([[homeButton()]]));
}

/** One news item on its own, as posted to the staff group when it is new. */
export function newsItem(item: NewsItem): View[] {
  return packBlocks(newsBlocks(item)).map((text) => ({ text }));
}

function newsBlocks(item: NewsItem): string[] {
  return [`🗞️ <b>${escapeHtml(item.title)}</b>\n<i>${formatIndonesianDate(item.date)}</i>`, ...item.chunks];
}

export function documentsMenu(content: Content): View {
  return {
    text: content.documents.length === 0 ? TEXT.noDocuments : TEXT.documentsHeading,
    reply_markup: keyboard([
      ...content.documents.map((document) => [button(document.title, { type: "document", documentId: document.id })]),
      [homeButton()],
    ]),
  };
}

/** Caption of the sent file; the checker keeps it within Telegram's 1024 characters. */
export function documentCaption(document: DocumentEntry): string {
  const title = `📄 <b>${escapeHtml(document.title)}</b>`;
  return document.description === undefined ? title : `${title}\n\n${document.description}`;
}

/** For a button whose topic or document no longer exists since the content was edited. */
export function staleButton(content: Content): View {
  return { text: TEXT.stale, reply_markup: mainMenuKeyboard(content) };
}

function mainMenuKeyboard(content: Content): InlineKeyboardMarkup {
  return keyboard([
    ...content.categories.map((category) => [button(category.title, { type: "category", category: category.key })]),
    [button(TEXT.news, { type: "news" }), button(TEXT.documents, { type: "documents" })],
    PERSONAL_SERVICES.map((service) => button(TEXT.personal[service], { type: "personal", service })),
  ]);
}

function withKeyboardOnLast(texts: string[], markup: InlineKeyboardMarkup): View[] {
  return texts.map((text, index) => (index === texts.length - 1 ? { text, reply_markup: markup } : { text }));
}

function keyboard(rows: InlineKeyboardButton[][]): InlineKeyboardMarkup {
  return { inline_keyboard: rows };
}

function button(text: string, action: CallbackAction): InlineKeyboardButton {
  return { text, callback_data: packCallbackData(action) };
}

function homeButton(): InlineKeyboardButton {
  return button(TEXT.home, { type: "mainMenu" });
}
