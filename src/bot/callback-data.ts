// Packs and unpacks the callback_data of every inline button of the bot (Telegram allows 64
// bytes). Anything that does not parse exactly is refused: it was tampered with or is left over
// from an older bot.

import { SHORT_ID_PATTERN } from "../content/ids.js";
import { CATEGORY_KEYS, type CategoryKey } from "../content/types.js";

export const PERSONAL_SERVICES = ["datapribadi", "tunkin", "cuti"] as const;
export type PersonalService = (typeof PERSONAL_SERVICES)[number];

export type CallbackAction =
  | { type: "mainMenu" }
  | { type: "category"; category: CategoryKey }
  | { type: "topic"; category: CategoryKey; topicId: string }
  | { type: "news" }
  | { type: "newsItem"; newsId: string }
  | { type: "documents" }
  | { type: "document"; documentId: string }
  | { type: "personal"; service: PersonalService }
  | { type: "announce"; id: number; send: boolean }
  /** A guide topic offered with a question (ticket `ticketId`). */
  | { type: "suggestion"; category: CategoryKey; topicId: string; ticketId: number }
  /** "This answers my question": the asker closes the ticket with the topic. */
  | { type: "answeredByGuide"; category: CategoryKey; topicId: string; ticketId: number }
  /** "✅ Sudah terjawab" under an answer: the asker closes the ticket. */
  | { type: "closeTicket"; ticketId: number }
  /** A rating of a closed ticket, 1–5. */
  | { type: "rate"; ticketId: number; score: number }
  /** "Tambah komentar": the chat's next message is the ticket's comment. */
  | { type: "comment"; ticketId: number };

const CALLBACK_DATA_LIMIT = 64;
const SHORT_ID = new RegExp(`^${SHORT_ID_PATTERN}$`);
const ROW_ID = /^[1-9]\d{0,9}$/;
/** A rating: 1 (poor) to 5 (excellent). */
const SCORE = /^[1-5]$/;

export function packCallbackData(action: CallbackAction): string {
  switch (action.type) {
    case "mainMenu":
      return "m";
    case "news":
      return "n";
    case "documents":
      return "d";
    case "category":
      return `c:${action.category}`;
    case "topic":
      return `t:${action.category}:${action.topicId}`;
    case "newsItem":
      return `n:${action.newsId}`;
    case "document":
      return `d:${action.documentId}`;
    case "personal":
      return `p:${action.service}`;
    case "announce":
      return `a:${action.id}:${action.send ? "y" : "n"}`;
    case "suggestion":
      return `s:${action.category}:${action.topicId}:${action.ticketId}`;
    case "answeredByGuide":
      return `j:${action.category}:${action.topicId}:${action.ticketId}`;
    case "closeTicket":
      return `x:${action.ticketId}`;
    case "rate":
      return `r:${action.ticketId}:${action.score}`;
    case "comment":
      return `k:${action.ticketId}`;
  }
}

export function parseCallbackData(data: string): CallbackAction | null {
  if (Buffer.byteLength(data, "utf8") > CALLBACK_DATA_LIMIT) return null;
  const parts = data.split(":");
  const [prefix, first = "", second = "", third = ""] = parts;
  switch (`${prefix}/${parts.length}`) {
    case "m/1":
      return { type: "mainMenu" };
    case "n/1":
      return { type: "news" };
    case "d/1":
      return { type: "documents" };
    case "c/2":
      return isCategoryKey(first) ? { type: "category", category: first } : null;
    case "t/3":
      return isCategoryKey(first) && SHORT_ID.test(second) ? { type: "topic", category: first, topicId: second } : null;
    case "n/2":
      return SHORT_ID.test(first) ? { type: "newsItem", newsId: first } : null;
    case "d/2":
      return SHORT_ID.test(first) ? { type: "document", documentId: first } : null;
    case "p/2":
      return isPersonalService(first) ? { type: "personal", service: first } : null;
    case "a/3":
      return ROW_ID.test(first) && (second === "y" || second === "n") ? { type: "announce", id: Number(first), send: second === "y" } : null;
    case "s/4":
    case "j/4": {
      if (!isCategoryKey(first) || !SHORT_ID.test(second) || !ROW_ID.test(third)) return null;
      const guide = { category: first, topicId: second, ticketId: Number(third) };
      return prefix === "s" ? { type: "suggestion", ...guide } : { type: "answeredByGuide", ...guide };
    }
    case "x/2":
      return ROW_ID.test(first) ? { type: "closeTicket", ticketId: Number(first) } : null;
    case "r/3":
      return ROW_ID.test(first) && SCORE.test(second) ? { type: "rate", ticketId: Number(first), score: Number(second) } : null;
    case "k/2":
      return ROW_ID.test(first) ? { type: "comment", ticketId: Number(first) } : null;
    default:
      return null;
  }
}

function isCategoryKey(value: string): value is CategoryKey {
  return (CATEGORY_KEYS as readonly string[]).includes(value);
}

function isPersonalService(value: string): value is PersonalService {
  return (PERSONAL_SERVICES as readonly string[]).includes(value);
}
