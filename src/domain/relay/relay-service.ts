// The consultation relay as a story: an employee's message becomes (part of) a ticket queued for the staff group;
// a staff reply to a ticket's own message is queued for the account the employee is bound to now; delivery
// outcomes update the ticket. Plain data in and out; Telegram calls happen in the outbox worker.
import type { Db } from "../../db/database.js";
import { linkMessages, ticketOfMessage } from "../../db/tiket-pesan-repo.js";
import { createTicket, findOpenTicket, markAnswered, markEmployeeActive, openTickets, ticketWithAsker, type TiketWithAsker } from "../../db/tiket-repo.js";
import type { Clock } from "../clock.js";
import { complete, enqueue, findItem, growAlbum, reviseBody, type Buttons, type Direction, type MediaKind, type OutboxItem, type Progress, type RelayPayload } from "../outbox.js";
import { noticeWriter } from "./notices.js";

/** Album parts arrive as separate updates within moments; they are sent together once none came for this long. */
export const ALBUM_WAIT_MS = 1500;

export interface Asker {
  id: number;
  nama: string;
  nip: string;
  unit_kerja: string | null;
}

export interface Staff {
  id: number;
  name: string;
}

export interface RelayMessage {
  chatId: number;
  messageId: number;
  media: Exclude<MediaKind, "album">;
  body: string | null;
  mediaGroupId?: string;
}

/** The sentences of the relay, from the bot's messages module. */
export interface RelayTexts {
  questionHeader(ticketId: number, asker: Asker, isNew: boolean): string;
  answerHeader(ticketId: number, staffName: string | null): string;
  delivered(ticketId: number, askerName: string): string;
  undeliverable(ticketId: number, askerName: string, blocked: boolean): string;
  /** To the staff: an employee's message could not be put in the group. */
  questionLost(ticketId: number, askerName: string, reason: string): string;
  /** To the employee: the same, and please send it again. */
  resendQuestion(ticketId: number): string;
  /** To the staff: the employee edited a question already in the group. */
  questionEdited(ticketId: number, askerName: string, before: string | null, after: string | null): string;
}

export interface RelayServiceDeps {
  db: Db;
  clock: Clock;
  staffGroupId: number;
  showStaffName: boolean;
  texts: RelayTexts;
  /** Under each answer delivered to the employee: the button that closes the ticket. */
  answerButtons: (ticketId: number) => Buttons;
  /** Called after a commit that queued something, to wake the outbox worker. */
  onQueued: () => void;
}

/** The bot's message a staff member replied to, and its text. */
export type StaffTarget = { replyToMessageId: number; replyToText: string | null };

/** What became of a staff member's edit of an answer. */
export type AnswerEdit =
  /** Not sent yet: it goes out as edited. */
  | { kind: "revised" }
  /** Sent: the employee's copy (`to`, message ids `ids`) is to show `payload`. */
  | { kind: "sent"; to: number; ids: number[]; payload: RelayPayload }
  /** Not an answer the bot relayed (or one it could not deliver). */
  | { kind: "not-relayed" };

export type AnswerResult = { kind: "queued"; ticketId: number } | { kind: "nobody-bound"; ticket: TiketWithAsker };

/**
 * A ticket's own header, as `questionHeader` writes it: the only bot message whose visible tag may stand in for a
 * lost mapping. A tag anywhere else (the /tiket list, a delivery note) names a ticket but is not one of its messages.
 */
const TICKET_HEADER = /^(?:❓|➕) #T(\d+) /u;

export function createRelayService(deps: RelayServiceDeps) {
  const { db, clock, texts } = deps;
  const notices = noticeWriter(deps);
  const { committed } = notices;

  const messageKey = (direction: Direction, message: RelayMessage) => ({ type: "message" as const, direction, chatId: message.chatId, messageId: message.messageId });
  const albumKey = (direction: Direction, message: RelayMessage) => ({ type: "album" as const, direction, chatId: message.chatId, mediaGroupId: message.mediaGroupId! });

  /**
   * The queue item already carrying this message, if any: the update is being handled again (after a crash, or
   * redelivered by Telegram), and the message must not be queued twice.
   */
  async function queuedBefore(trx: Db, direction: Direction, message: RelayMessage): Promise<{ item: OutboxItem; payload: RelayPayload } | undefined> {
    const own = await findItem(trx, messageKey(direction, message));
    const album = !own && message.mediaGroupId ? await findItem(trx, albumKey(direction, message)) : undefined;
    const item = own ?? album;
    if (!item || item.payload.type !== "relay") return undefined;
    return own || item.payload.messageIds.includes(message.messageId) ? { item, payload: item.payload } : undefined;
  }

  /**
   * Queues one message; a part of an album joins the album's pending item instead. Returns whether this message
   * started something new (the first part of an album, or a plain message).
   */
  async function queueMessage(
    trx: Db,
    item: { direction: Direction; ticketId: number; to: number; header: string; opensTicket: boolean; message: RelayMessage; staff?: Staff; buttons?: Buttons },
  ): Promise<boolean> {
    const now = clock();
    const { message, direction } = item;
    const base = { type: "relay" as const, fromChatId: message.chatId, header: item.header, staff: item.staff, opensTicket: item.opensTicket, buttons: item.buttons };
    const queued = { kind: direction, ticketId: item.ticketId, to: item.to };
    if (message.mediaGroupId) {
      const album = await findItem(trx, albumKey(direction, message));
      if (album && album.status === "menunggu" && album.payload.type === "relay") {
        await growAlbum(trx, { ...album, payload: album.payload }, message.messageId, now + ALBUM_WAIT_MS);
        return false;
      }
      if (!album) {
        const payload: RelayPayload = { ...base, messageIds: [message.messageId], media: "album", body: null };
        await enqueue(trx, { ...queued, key: albumKey(direction, message), payload, due: now + ALBUM_WAIT_MS }, now);
        return true;
      }
      // A late part of an album already sent goes on its own below.
    }
    const payload: RelayPayload = { ...base, messageIds: [message.messageId], media: message.media, body: message.body };
    await enqueue(trx, { ...queued, key: messageKey(direction, message), payload, due: now }, now);
    return true;
  }

  /** The queue item that carried this very message (not an album: its parts are edited one by one, not relayed so). */
  async function relayedItem(trx: Db, direction: Direction, message: RelayMessage): Promise<(OutboxItem & { payload: RelayPayload }) | undefined> {
    const item = await findItem(trx, messageKey(direction, message));
    return item?.payload.type === "relay" ? { ...item, payload: item.payload } : undefined;
  }

  /** Only the stored mapping of a ticket's own messages decides; a visible tag counts only on a ticket's header. */
  async function ticketOf(target: StaffTarget): Promise<TiketWithAsker | undefined> {
    const mapped = await ticketOfMessage(db, deps.staffGroupId, target.replyToMessageId);
    const tagged = target.replyToText?.match(TICKET_HEADER)?.[1];
    const id = mapped ?? (tagged ? Number(tagged) : undefined);
    return id === undefined ? undefined : ticketWithAsker(db, id);
  }

  return {
    /** Stores the question (joining the open ticket, if any) before anyone is told it was received. */
    /** `firstTime` is false when the message was queued before (the update is handled again after a crash). */
    async ask(asker: Asker, message: RelayMessage): Promise<{ ticketId: number; isNewTicket: boolean; acknowledge: boolean; firstTime: boolean }> {
      return committed(async (trx) => {
        const before = await queuedBefore(trx, "tanya", message);
        if (before) {
          // Handled again: acknowledge it as it was acknowledged the first time (the first part of an album only).
          const first = before.payload.messageIds[0] === message.messageId;
          return { ticketId: before.item.ticketId!, isNewTicket: before.payload.opensTicket === true, acknowledge: first, firstTime: false };
        }
        const open = await findOpenTicket(trx, message.chatId);
        if (open) await markEmployeeActive(trx, open.id, clock());
        const ticketId = open?.id ?? (await createTicket(trx, asker.id, message.chatId, clock()));
        const started = await queueMessage(trx, {
          direction: "tanya",
          ticketId,
          to: deps.staffGroupId,
          header: texts.questionHeader(ticketId, asker, !open),
          opensTicket: !open,
          message,
        });
        return { ticketId, isNewTicket: !open, acknowledge: started || !message.mediaGroupId, firstTime: true };
      });
    },

    /**
     * A staff reply goes to the account the employee is bound to now, never to one they left. `savedHtml`: a saved
     * answer (`/jawab kode`) sent in the staff member's name instead of the message itself, which is the command.
     */
    async answer(ticket: TiketWithAsker, staff: Staff, message: RelayMessage, savedHtml?: string): Promise<AnswerResult> {
      const to = ticket.id_telegram;
      if (to === null) return { kind: "nobody-bound", ticket };
      const header = texts.answerHeader(ticket.id, deps.showStaffName ? staff.name : null);
      await committed(async (trx) => {
        if (await queuedBefore(trx, "jawab", message)) return;
        await queueMessage(trx, {
          direction: "jawab",
          ticketId: ticket.id,
          to,
          header: savedHtml === undefined ? header : `${header}\n\n${savedHtml}`,
          opensTicket: false,
          message: savedHtml === undefined ? message : { ...message, media: "text", body: null, mediaGroupId: undefined },
          staff,
          buttons: deps.answerButtons(ticket.id),
        });
      });
      return { kind: "queued", ticketId: ticket.id };
    },

    /** A staff member edited a message: if it was relayed as an answer, the employee's copy is to follow. */
    async answerEdited(message: RelayMessage): Promise<AnswerEdit> {
      return committed(async (trx) => {
        const item = await relayedItem(trx, "jawab", message);
        if (!item || item.status === "gagal") return { kind: "not-relayed" };
        await reviseBody(trx, item, message.body);
        if (item.status === "menunggu") return { kind: "revised" };
        return { kind: "sent", to: item.to, ids: item.progress.ids, payload: { ...item.payload, body: message.body } };
      });
    },

    /** An employee edited a question: still queued, it goes as edited; already in the group, the staff see both texts. */
    async questionEdited(message: RelayMessage, editId: number): Promise<boolean> {
      return committed(async (trx) => {
        const item = await relayedItem(trx, "tanya", message);
        if (!item || item.ticketId === null || item.status === "gagal") return false;
        await reviseBody(trx, item, message.body);
        if (item.status === "menunggu") return true;
        const ticket = await ticketWithAsker(trx, item.ticketId);
        const text = texts.questionEdited(item.ticketId, ticket?.nama ?? "-", item.payload.body, message.body);
        await notices.queue(trx, { about: "ubah", id: editId, ticketId: item.ticketId, to: deps.staffGroupId, text, replyTo: item.progress.ids[0] });
        return true;
      });
    },

    /** The ticket a staff member's reply or command points at, if it points at one. */
    ticketFor: ticketOf,

    openTickets: (limit: number) => openTickets(db, limit),

    /** Marks the item sent with its message ids, and does what that delivery means for the ticket, in one step. */
    async delivered(item: OutboxItem, progress: Progress): Promise<void> {
      const staffReply = staffReplyOf(item);
      await committed(async (trx) => {
        const now = clock();
        await complete(trx, item.id, { sent: progress }, now);
        if (item.ticketId === null) return;
        // Only the question's own messages stand for the ticket; notes about it (delivered, failed) do not.
        if (item.kind === "tanya") await linkMessages(trx, item.ticketId, deps.staffGroupId, progress.ids, "tanya", now);
        if (item.kind === "jawab" && staffReply) {
          // The ticket's row first: closing it takes that lock first too, so the two wait for each other in turn.
          await markAnswered(trx, item.ticketId, staffReply.staff.id, staffReply.staff.name, now);
          await linkMessages(trx, item.ticketId, item.to, progress.ids, "jawab", now);
          const ticket = await ticketWithAsker(trx, item.ticketId);
          await notices.queue(trx, {
            about: "terkirim",
            id: item.id,
            ticketId: item.ticketId,
            to: deps.staffGroupId,
            text: texts.delivered(item.ticketId, ticket?.nama ?? "-"),
            replyTo: staffReply.messageId,
          });
        }
      });
    },

    /**
     * A delivery that will not happen (refused for good, or set aside after failing while other sends went
     * through): recorded, and whoever is waiting for it is told: the staff for an answer; the staff and the
     * employee, who is asked to send it again, for a question.
     */
    async failed(item: OutboxItem, reason: string, blocked: boolean): Promise<void> {
      await committed(async (trx) => {
        await complete(trx, item.id, { failed: reason, blocked }, clock());
        if (item.ticketId === null || (item.kind !== "jawab" && item.kind !== "tanya")) return;
        const ticket = await ticketWithAsker(trx, item.ticketId);
        const name = ticket?.nama ?? "-";
        if (item.kind === "jawab") {
          const text = texts.undeliverable(item.ticketId, name, blocked);
          await notices.queue(trx, { about: "gagal", id: item.id, ticketId: item.ticketId, to: deps.staffGroupId, text, replyTo: staffReplyOf(item)?.messageId });
          return;
        }
        const lost = texts.questionLost(item.ticketId, name, reason);
        await notices.queue(trx, { about: "tak-sampai", id: item.id, ticketId: item.ticketId, to: deps.staffGroupId, text: lost });
        if (ticket?.id_telegram != null) {
          await notices.queue(trx, { about: "kirim-ulang", id: item.id, ticketId: item.ticketId, to: ticket.id_telegram, text: texts.resendQuestion(item.ticketId) });
        }
      });
    },
  };
}

export type RelayService = ReturnType<typeof createRelayService>;

/** For an answer: the staff member and their message in the group, to reply the delivery note to. */
function staffReplyOf(item: OutboxItem): { staff: Staff; messageId: number } | undefined {
  if (item.kind !== "jawab" || item.payload.type !== "relay" || !item.payload.staff) return undefined;
  return { staff: item.payload.staff, messageId: item.payload.messageIds[0]! };
}
