import { expect } from "chai";
import type { InlineKeyboardMarkup } from "node-telegram-bot-api";
import { parseCallbackData } from "../../src/bot/callback-data.js";
import {
  categoryMenu,
  documentCaption,
  documentsMenu,
  mainMenu,
  newsList,
  staleButton,
  topicAnswer,
} from "../../src/bot/content-views.js";
import { CAPTION_LIMIT, MESSAGE_LIMIT } from "../../src/content/limits.js";
import { loadContent } from "../../src/content/load-content.js";
import { renderMarkdown } from "../../src/content/markdown.js";
import { splitHtml } from "../../src/content/split-html.js";
import type { Category, Content } from "../../src/content/types.js";
import { isBalancedTelegramHtml } from "./telegram-html.js";

function buttons(markup: InlineKeyboardMarkup | undefined): { text: string; action: unknown }[] {
  return (markup?.inline_keyboard ?? []).flat().map((button) => ({ text: button.text, action: parseCallbackData(button.callback_data ?? "") }));
}

describe("menus and answers built from the content", () => {
  let content: Content;
  let jahdis: Category;

  before(async () => {
    const result = await loadContent("content");
    if (!result.ok) throw new Error("invalid shipped content");
    content = result.content;
    jahdis = content.categories.find((category) => category.key === "jahdis")!;
  });

  it("offers every category, news, documents and the personal services in the main menu", () => {
    const view = mainMenu(content);
    expect(buttons(view.reply_markup).map((button) => button.action)).to.deep.equal([
      { type: "category", category: "renbangkompeg" },
      { type: "category", category: "mutasi" },
      { type: "category", category: "jahdis" },
      { type: "category", category: "pengkinpeg" },
      { type: "news" },
      { type: "documents" },
      { type: "personal", service: "datapribadi" },
      { type: "personal", service: "tunkin" },
      { type: "personal", service: "cuti" },
    ]);
    expect(buttons(view.reply_markup)[6]!.text).to.contain("Data Pribadi");
  });

  it("shows a category's introduction and one button per topic, then the way home", () => {
    const view = categoryMenu(jahdis);
    expect(view.text).to.contain("<b>Kesejahteraan dan Disiplin Pegawai</b>");
    expect(isBalancedTelegramHtml(view.text)).to.equal(true);
    const actions = buttons(view.reply_markup);
    expect(actions.slice(0, -1).map((button) => button.text)).to.deep.equal(jahdis.topics.map((topic) => topic.title));
    expect(actions[0]!.action).to.deep.equal({ type: "topic", category: "jahdis", topicId: jahdis.topics[0]!.id });
    expect(actions.at(-1)!.action).to.deep.equal({ type: "mainMenu" });
  });

  it("answers a long topic in several messages, the last with the way back to the category and home", () => {
    const body = Array.from({ length: 30 }, (_, index) => `Paragraf ${index} ${"ketentuan cuti ".repeat(25)}`).join("\n\n");
    const topic = { id: "0123456789", title: "Cuti Panjang", chunks: splitHtml(`<b>Cuti Panjang</b>\n\n${renderMarkdown(body).html}`), keywords: [] };
    const views = topicAnswer(jahdis, topic);
    expect(views.length).to.be.greaterThan(1);
    expect(views.slice(0, -1).every((view) => view.reply_markup === undefined)).to.equal(true);
    expect(buttons(views.at(-1)!.reply_markup)).to.deep.equal([
      { text: "⬅️ Kembali ke Kesejahteraan dan Disiplin Pegawai", action: { type: "category", category: "jahdis" } },
      { text: "🏠 Menu utama", action: { type: "mainMenu" } },
    ]);
    for (const view of views) expect(view.text.length).to.be.at.most(MESSAGE_LIMIT);
  });

  it("lists the newest news first with Indonesian dates, at most five", () => {
    const views = newsList(content);
    const text = views.map((view) => view.text).join("\n");
    expect(text).to.contain("<i>20 November 2026</i>");
    expect(text.indexOf("20 November 2026")).to.be.lessThan(text.indexOf("12 November 2026"));
    expect((text.match(/🗞️/g) ?? []).length).to.equal(Math.min(5, content.news.length));
    expect(newsList(content, 2).map((view) => view.text).join("\n")).to.not.contain("3 November 2026");
    expect(buttons(views.at(-1)!.reply_markup).map((button) => button.action)).to.deep.equal([{ type: "mainMenu" }]);
  });

  it("says so when there is no news", () => {
    const views = newsList({ ...content, news: [] });
    expect(views).to.have.length(1);
    expect(views[0]!.text).to.contain("Belum ada kabar");
  });

  it("lists documents as buttons and captions each within Telegram's limit", () => {
    const actions = buttons(documentsMenu(content).reply_markup);
    expect(actions.slice(0, -1).map((button) => button.action)).to.deep.equal(
      content.documents.map((document) => ({ type: "document", documentId: document.id })),
    );
    for (const document of content.documents) {
      const caption = documentCaption(document);
      expect(caption).to.match(/^📄 <b>/);
      expect(caption.length).to.be.at.most(CAPTION_LIMIT);
      expect(isBalancedTelegramHtml(caption)).to.equal(true);
    }
  });

  it("explains a stale button and offers the main menu", () => {
    const view = staleButton(content);
    expect(view.text).to.contain("sudah diperbarui");
    expect(view.reply_markup).to.deep.equal(mainMenu(content).reply_markup);
  });
});
