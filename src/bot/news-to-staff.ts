// Posts news items that appear in CONTENT_DIR while the bot runs to the staff group, so an admin can send one
// to every employee by replying /pengumuman to it (announcing stays a person's decision).
import type { ContentStore } from "../content/content-store.js";
import type { NewsItem } from "../content/types.js";
import type { Logger } from "../logger.js";
import { newsItem } from "./content-views.js";
import { M } from "./messages.js";
import type { Gateway } from "./telegram-gateway.js";
import { describeError } from "./describe-error.js";

const keyOf = (item: NewsItem) => `${item.date}|${item.title}`;

export function postNewNewsToStaff(content: ContentStore, gateway: Gateway, staffGroupId: number, log: Logger): void {
  let known = new Set(content.current().news.map(keyOf));
  content.on("reload", (next) => {
    const fresh = next.news.filter((item) => !known.has(keyOf(item)));
    known = new Set(next.news.map(keyOf));
    for (const item of fresh) {
      void post(item).catch((err: unknown) => log.warn("kabar baru tidak terkirim ke grup staf", { title: item.title, error: describeError(err) }));
    }
  });

  async function post(item: NewsItem): Promise<void> {
    const views = newsItem(item);
    let first: number | undefined;
    for (const view of views) {
      const sent = await gateway.sendMessage({ chat_id: staffGroupId, text: view.text, parse_mode: "HTML", link_preview_options: { is_disabled: true } });
      first ??= sent.message_id;
    }
    await gateway.sendMessage({
      chat_id: staffGroupId,
      text: M.newsForStaff,
      parse_mode: "HTML",
      ...(first === undefined ? {} : { reply_parameters: { message_id: first, allow_sending_without_reply: true } }),
    });
  }
}
