// How a ticket ends, and what the employee says of it: closed by a staff member, by its asker (button or /selesai),
// by a guide topic, or by itself after the asker went quiet; then one request to rate the service 1–5, and an
// optional comment, which is the chat's next message and never a new question.
import {
  awaitComment,
  closeTicket,
  findOpenTicket,
  quietAnsweredTickets,
  rateTicket,
  ratingOf,
  saveComment,
  stopAwaitingComment,
  ticketAwaitingComment,
  ticketWithAsker,
  type ClosedBy,
  type TiketWithAsker,
} from "../../db/tiket-repo.js";
import { DAY_MS } from "../../db/report-queries.js";
import type { Buttons } from "../outbox.js";
import { noticeWriter, type NoticeDeps } from "./notices.js";

/** After asking for a comment, the chat's next message is taken as one for this long. */
export const COMMENT_WAIT_MS = 30 * 60_000;

/** A guide topic as the relay records and names it. */
export interface GuideTopic {
  /** "mutasi:0123456789": category key and topic id. */
  key: string;
  title: string;
  categoryTitle: string;
}

/** The sentences of closing and rating, from the bot's messages module. */
export interface ClosingTexts {
  /** To the employee: the ticket closed (how), and would they rate the service. */
  rateRequest(ticketId: number, closedBy: ClosedBy["by"]): string;
  /** To the staff: the asker said the answer settled it. */
  closedByEmployee(ticketId: number, askerName: string): string;
  /** To the staff: no word from the asker for `days` days after the last answer. */
  closedAutomatically(ticketId: number, askerName: string, days: number): string;
  /** To the staff: the asker closed the ticket, saying this guide topic answered the question. */
  closedByGuide(ticketId: number, askerName: string, topic: GuideTopic): string;
}

export interface TicketClosingDeps extends NoticeDeps {
  staffGroupId: number;
  texts: ClosingTexts;
  /** The 1–5 buttons of the rating request. */
  ratingButtons: (ticketId: number) => Buttons;
}

export type CloseResult = { kind: "closed" | "already-closed"; ticketId: number } | { kind: "not-ticket" };
export type RateResult = { kind: "rated"; ticketId: number } | { kind: "already-rated"; ticketId: number; score: number } | { kind: "not-ticket" };
export type CommentRequest = { kind: "waiting" | "already-commented"; ticketId: number } | { kind: "not-ticket" };
export type CommentResult = { kind: "none" } | { kind: "saved"; ticketId: number };

export function createTicketClosing(deps: TicketClosingDeps) {
  const { db, clock, texts } = deps;
  const notices = noticeWriter(deps);

  /** Closes the ticket and, in the same step, asks its asker for a rating and tells the staff what happened. */
  async function close(ticket: TiketWithAsker, closer: ClosedBy, staffNote?: { about: "tutup-pegawai" | "tutup-otomatis" | "tutup-panduan"; text: string }): Promise<CloseResult> {
    const closed = await notices.committed(async (trx) => {
      if (!(await closeTicket(trx, ticket.id, closer, clock()))) return false;
      if (staffNote) await notices.queue(trx, { ...staffNote, id: ticket.id, ticketId: ticket.id, to: deps.staffGroupId });
      if (ticket.id_telegram !== null) {
        const text = texts.rateRequest(ticket.id, closer.by);
        await notices.queue(trx, { about: "nilai", id: ticket.id, ticketId: ticket.id, to: ticket.id_telegram, text, buttons: deps.ratingButtons(ticket.id) });
      }
      return true;
    });
    return { kind: closed ? "closed" : "already-closed", ticketId: ticket.id };
  }

  /** The ticket `ticketId` if this chat asked it (a button's data can be forged), or the chat's open one. */
  async function askersTicket(chatId: number, ticketId?: number): Promise<TiketWithAsker | undefined> {
    const id = ticketId ?? (await findOpenTicket(db, chatId))?.id;
    const ticket = id === undefined ? undefined : await ticketWithAsker(db, id);
    return ticket?.id_chat === chatId ? ticket : undefined;
  }

  return {
    byStaff: (ticket: TiketWithAsker, staffId: number) => close(ticket, { by: "staf", staffId }),

    /** "✅ Sudah terjawab" under an answer (that ticket), or /selesai in the private chat (the open ticket). */
    async byEmployee(chatId: number, ticketId?: number): Promise<CloseResult> {
      const ticket = await askersTicket(chatId, ticketId);
      if (!ticket) return { kind: "not-ticket" };
      return close(ticket, { by: "pegawai" }, { about: "tutup-pegawai", text: texts.closedByEmployee(ticket.id, ticket.nama) });
    },

    async byGuide(chatId: number, ticketId: number, topic: GuideTopic): Promise<CloseResult> {
      const ticket = await askersTicket(chatId, ticketId);
      if (!ticket) return { kind: "not-ticket" };
      return close(ticket, { by: "panduan", topic: topic.key }, { about: "tutup-panduan", text: texts.closedByGuide(ticket.id, ticket.nama, topic) });
    },

    /** Closes every answered ticket whose asker has said nothing for `days` days since the last answer. */
    async closeQuiet(now: number, days: number): Promise<{ closed: number }> {
      let closed = 0;
      for (const id of await quietAnsweredTickets(db, now - days * DAY_MS)) {
        const ticket = await ticketWithAsker(db, id);
        if (!ticket) continue;
        const result = await close(ticket, { by: "otomatis" }, { about: "tutup-otomatis", text: texts.closedAutomatically(id, ticket.nama, days) });
        if (result.kind === "closed") closed++;
      }
      return { closed };
    },

    /** The first rating counts; a later tap (on the same or an old message) changes nothing. */
    async rate(chatId: number, ticketId: number, score: number): Promise<RateResult> {
      const rating = await ratingOf(db, ticketId);
      if (!rating || rating.id_chat !== chatId || rating.status !== "selesai") return { kind: "not-ticket" };
      if (await rateTicket(db, ticketId, score, clock())) return { kind: "rated", ticketId };
      const stored = await ratingOf(db, ticketId);
      return { kind: "already-rated", ticketId, score: stored?.nilai ?? score };
    },

    async requestComment(chatId: number, ticketId: number): Promise<CommentRequest> {
      const rating = await ratingOf(db, ticketId);
      if (!rating || rating.id_chat !== chatId || rating.status !== "selesai") return { kind: "not-ticket" };
      if (rating.komentar !== null) return { kind: "already-commented", ticketId };
      await awaitComment(db, ticketId, chatId, clock());
      return { kind: "waiting", ticketId };
    },

    /** The chat's message, taken as the comment it was asked for (within COMMENT_WAIT_MS), or left alone. */
    async takeComment(chatId: number, text: string): Promise<CommentResult> {
      const ticketId = await ticketAwaitingComment(db, chatId, clock() - COMMENT_WAIT_MS);
      if (ticketId === undefined || !(await saveComment(db, ticketId, text))) return { kind: "none" };
      return { kind: "saved", ticketId };
    },

    isAwaitingComment: async (chatId: number) => (await ticketAwaitingComment(db, chatId, clock() - COMMENT_WAIT_MS)) !== undefined,
    cancelComment: (chatId: number) => stopAwaitingComment(db, chatId),
  };
}

export type TicketClosing = ReturnType<typeof createTicketClosing>;
