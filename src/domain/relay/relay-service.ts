// The consultation relay as a story: an employee's message becomes (part of) a ticket queued for the staff group;
// a staff reply to a ticket's message is queued for the employee; delivery outcomes update the ticket.
// Plain data in and out; Telegram calls happen in the outbox worker.
import { enqueue, findByKey, markFailed, markSent, updatePending, type AntrianRow, type Progress } from "../../db/antrian-kirim-repo.js";
import type { Db } from "../../db/database.js";
import { linkMessages, ticketOfMessage } from "../../db/tiket-pesan-repo.js";
import {
  closeTicket as closeTicketRow,
  createTicket,
  findOpenTicket,
  markAnswered,
  openTickets,
  ticketWithAsker,
  type TiketWithAsker,
} from "../../db/tiket-repo.js";
import type { Clock } from "../clock.js";
import type { MediaKind, Payload, RelayPayload } from "./relay-plan.js";

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
  ticketClosed(ticketId: number): string;
}

export interface RelayServiceDeps {
  db: Db;
  clock: Clock;
  staffGroupId: number;
  showStaffName: boolean;
  texts: RelayTexts;
  /** Called after a commit that queued something, to wake the outbox worker. */
  onQueued: () => void;
}

export type StaffTarget = { replyToMessageId: number; replyToText: string | null };

export type AnswerResult = { kind: "queued"; ticketId: number } | { kind: "not-ticket" };
export type CloseResult = { kind: "closed" | "already-closed"; ticket: TiketWithAsker } | { kind: "not-ticket" };

const TICKET_TAG = /#T(\d+)\b/;

export function createRelayService(deps: RelayServiceDeps) {
  const { db, clock, texts } = deps;

  const albumKeyOf = (direction: "tanya" | "jawab", message: RelayMessage) => `${direction}-album:${message.chatId}:${message.mediaGroupId}`;

  /**
   * The queue item already carrying this message, if any: the update is being handled again (after a crash, or
   * redelivered by Telegram), and the message must not be queued twice.
   */
  async function queuedBefore(trx: Db, direction: "tanya" | "jawab", message: RelayMessage): Promise<{ item: AntrianRow; payload: RelayPayload } | undefined> {
    const own = await findByKey(trx, `${direction}:${message.chatId}:${message.messageId}`);
    const album = !own && message.mediaGroupId ? await findByKey(trx, albumKeyOf(direction, message)) : undefined;
    const item = own ?? album;
    if (!item) return undefined;
    const payload = JSON.parse(item.muatan) as RelayPayload;
    return own || payload.messageIds.includes(message.messageId) ? { item, payload } : undefined;
  }

  /**
   * Queues one message; a part of an album joins the album's pending item instead. Returns whether this message
   * started something new (the first part of an album, or a plain message).
   */
  async function queueMessage(
    trx: Db,
    item: { direction: "tanya" | "jawab"; ticketId: number; to: number; header: string; opensTicket: boolean; message: RelayMessage; staff?: Staff },
  ): Promise<boolean> {
    const now = clock();
    const { message } = item;
    const base = { type: "relay" as const, fromChatId: message.chatId, header: item.header, staff: item.staff, opensTicket: item.opensTicket };
    const queued = { id_tiket: item.ticketId, jenis: item.direction, id_chat_tujuan: item.to };
    if (message.mediaGroupId) {
      const albumKey = albumKeyOf(item.direction, message);
      const album = await findByKey(trx, albumKey);
      if (album && album.status === "menunggu") {
        const payload = JSON.parse(album.muatan) as RelayPayload;
        payload.messageIds.push(message.messageId);
        await updatePending(trx, album.id, JSON.stringify(payload), now + ALBUM_WAIT_MS);
        return false;
      }
      if (!album) {
        const payload: RelayPayload = { ...base, messageIds: [message.messageId], media: "album", body: null };
        return enqueue(trx, { ...queued, kunci: albumKey, muatan: JSON.stringify(payload), berikutnya: now + ALBUM_WAIT_MS }, now);
      }
      // A late part of an album already sent goes on its own below.
    }
    const payload: RelayPayload = { ...base, messageIds: [message.messageId], media: message.media, body: message.body };
    await enqueue(trx, { ...queued, kunci: `${item.direction}:${message.chatId}:${message.messageId}`, muatan: JSON.stringify(payload), berikutnya: now }, now);
    return true;
  }

  async function queueNotice(trx: Db, key: string, ticketId: number | null, to: number, text: string, replyTo?: number): Promise<void> {
    const payload: Payload = { type: "notice", text, replyTo };
    await enqueue(trx, { kunci: key, id_tiket: ticketId, jenis: "info", id_chat_tujuan: to, muatan: JSON.stringify(payload), berikutnya: clock() }, clock());
  }

  async function committed<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    const result = await db.transaction(work);
    deps.onQueued();
    return result;
  }

  async function ticketOf(target: StaffTarget): Promise<TiketWithAsker | undefined> {
    const mapped = await ticketOfMessage(db, deps.staffGroupId, target.replyToMessageId);
    const tagged = target.replyToText?.match(TICKET_TAG)?.[1];
    const id = mapped ?? (tagged ? Number(tagged) : undefined);
    return id === undefined ? undefined : ticketWithAsker(db, id);
  }

  return {
    /** Stores the question (joining the open ticket, if any) before anyone is told it was received. */
    async ask(asker: Asker, message: RelayMessage): Promise<{ ticketId: number; isNewTicket: boolean; acknowledge: boolean }> {
      return committed(async (trx) => {
        const before = await queuedBefore(trx, "tanya", message);
        if (before) {
          // Handled again: acknowledge it as it was acknowledged the first time (the first part of an album only).
          const first = before.payload.messageIds[0] === message.messageId;
          return { ticketId: before.item.id_tiket!, isNewTicket: before.payload.opensTicket === true, acknowledge: first };
        }
        const open = await findOpenTicket(trx, message.chatId);
        const ticketId = open?.id ?? (await createTicket(trx, asker.id, message.chatId, clock()));
        const started = await queueMessage(trx, {
          direction: "tanya",
          ticketId,
          to: deps.staffGroupId,
          header: texts.questionHeader(ticketId, asker, !open),
          opensTicket: !open,
          message,
        });
        return { ticketId, isNewTicket: !open, acknowledge: started || !message.mediaGroupId };
      });
    },

    async answer(target: StaffTarget, staff: Staff, message: RelayMessage): Promise<AnswerResult> {
      const ticket = await ticketOf(target);
      if (!ticket) return { kind: "not-ticket" };
      await committed(async (trx) => {
        if (await queuedBefore(trx, "jawab", message)) return;
        await queueMessage(trx, {
          direction: "jawab",
          ticketId: ticket.id,
          to: ticket.id_chat,
          header: texts.answerHeader(ticket.id, deps.showStaffName ? staff.name : null),
          opensTicket: false,
          message,
          staff,
        });
      });
      return { kind: "queued", ticketId: ticket.id };
    },

    async close(target: StaffTarget, staff: Staff): Promise<CloseResult> {
      const ticket = await ticketOf(target);
      if (!ticket) return { kind: "not-ticket" };
      const closed = await committed(async (trx) => {
        if (!(await closeTicketRow(trx, ticket.id, staff.id, clock()))) return false;
        await queueNotice(trx, `tutup:${ticket.id}`, ticket.id, ticket.id_chat, texts.ticketClosed(ticket.id));
        return true;
      });
      return { kind: closed ? "closed" : "already-closed", ticket };
    },

    openTickets: (limit: number) => openTickets(db, limit),

    /** Marks the item sent with its message ids, and does what that delivery means for the ticket, in one step. */
    async delivered(item: AntrianRow, progress: Progress): Promise<void> {
      const staffReply = staffReplyOf(item);
      await committed(async (trx) => {
        const now = clock();
        await markSent(trx, item.id, progress, now);
        if (item.id_tiket === null) return;
        if (item.id_chat_tujuan === deps.staffGroupId) await linkMessages(trx, item.id_tiket, deps.staffGroupId, progress.ids, "tanya", now);
        if (item.jenis === "jawab" && staffReply) {
          await linkMessages(trx, item.id_tiket, item.id_chat_tujuan, progress.ids, "jawab", now);
          await markAnswered(trx, item.id_tiket, staffReply.staff.id, staffReply.staff.name, now);
          const ticket = await ticketWithAsker(trx, item.id_tiket);
          await queueNotice(trx, `terkirim:${item.id}`, item.id_tiket, deps.staffGroupId, texts.delivered(item.id_tiket, ticket?.nama ?? "-"), staffReply.messageId);
        }
      });
    },

    /** A delivery Telegram refused for good (blocked bot, deleted source): recorded, and staff are told about answers. */
    async rejected(item: AntrianRow, reason: string, blocked: boolean): Promise<void> {
      await committed(async (trx) => {
        await markFailed(trx, item.id, reason, clock());
        if (item.jenis !== "jawab" || item.id_tiket === null) return;
        const ticket = await ticketWithAsker(trx, item.id_tiket);
        await queueNotice(trx, `gagal:${item.id}`, item.id_tiket, deps.staffGroupId, texts.undeliverable(item.id_tiket, ticket?.nama ?? "-", blocked), staffReplyOf(item)?.messageId);
      });
    },
  };
}

export type RelayService = ReturnType<typeof createRelayService>;

/** For an answer: the staff member and their message in the group, to reply the delivery note to. */
function staffReplyOf(item: AntrianRow): { staff: Staff; messageId: number } | undefined {
  if (item.jenis !== "jawab") return undefined;
  const payload = JSON.parse(item.muatan) as Payload;
  if (payload.type !== "relay" || !payload.staff) return undefined;
  return { staff: payload.staff, messageId: payload.messageIds[0]! };
}
