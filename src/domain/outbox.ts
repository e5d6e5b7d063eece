// The durable outgoing queue's one door: what may be queued (kinds and payloads as typed, validated data), the key
// that makes queuing idempotent, and how an item ends. The relay, announcements and deferred answers queue through
// here; only the outbox worker delivers, and it records each outcome through here too.
import { z } from "zod";
import * as rows from "../db/antrian-kirim-repo.js";
import type { Db } from "../db/database.js";

const buttons = z.object({
  inline_keyboard: z.array(z.array(z.object({ text: z.string(), callback_data: z.string().optional(), url: z.string().optional() }))),
});

const relayPayload = z.object({
  type: z.literal("relay"),
  fromChatId: z.number(),
  messageIds: z.array(z.number()).min(1),
  /** text: a text message; captionable: media that takes a caption; bare: media without captions (stickers…). */
  media: z.enum(["text", "captionable", "bare", "album"]),
  /** HTML, written by us. */
  header: z.string(),
  /** The sender's own text or caption: data, never markup. */
  body: z.string().nullable(),
  replyTo: z.number().optional(),
  /** Who answered, for an answer relayed to an employee. */
  staff: z.object({ id: z.number(), name: z.string() }).optional(),
  /** The question that opened its ticket (so a replay acknowledges it the same way). */
  opensTicket: z.boolean().optional(),
  /** Under the message, e.g. "✅ Sudah terjawab" under an answer. */
  buttons: buttons.optional(),
});

const noticePayload = z.object({
  type: z.literal("notice"),
  /** HTML, written by us. */
  text: z.string(),
  replyTo: z.number().optional(),
  buttons: buttons.optional(),
});

/** A message copied as it is, e.g. an announcement. */
const copyPayload = z.object({ type: z.literal("copy"), fromChatId: z.number(), messageId: z.number() });

const payload = z.discriminatedUnion("type", [relayPayload, noticePayload, copyPayload]);

export type Buttons = z.infer<typeof buttons>;
export type RelayPayload = z.infer<typeof relayPayload>;
export type NoticePayload = z.infer<typeof noticePayload>;
export type CopyPayload = z.infer<typeof copyPayload>;
export type Payload = z.infer<typeof payload>;
export type MediaKind = RelayPayload["media"];

/** A row whose payload does not read back as any kind (written by hand, or by a version that no longer exists). */
export interface BrokenPayload {
  type: "broken";
  reason: string;
}

/** What an item is for: a question to the staff, an answer to an employee, a note, a deferred answer, an announcement. */
export type OutboxKind = "tanya" | "jawab" | "info" | "tunda" | "pengumuman";
export type Direction = "tanya" | "jawab";

/** Notes the bot writes about a ticket or an announcement; each is queued once per subject. */
export type NoticeSubject =
  | "tutup-panduan"
  | "tutup-pegawai"
  | "tutup-otomatis"
  /** The rating request to the employee, sent when the ticket closes, however it closed. */
  | "nilai"
  | "pengingat-75"
  | "pengingat-lewat"
  | "terkirim"
  | "gagal"
  | "umum-selesai"
  /** An employee edited a question already in the group: the staff see the old and the new text. */
  | "ubah"
  | "tak-sampai"
  | "kirim-ulang";

/** What makes an item unique: queuing the same thing again (a redelivered update) queues nothing. */
export type OutboxKey =
  | { type: "message"; direction: Direction; chatId: number; messageId: number }
  | { type: "album"; direction: Direction; chatId: number; mediaGroupId: string }
  | { type: "notice"; about: NoticeSubject; id: number }
  | { type: "deferred"; chatId: number; at: number; seq: number }
  | { type: "announcement"; id: number; chatId: number };

function keyText(key: OutboxKey): string {
  switch (key.type) {
    case "message":
      return `${key.direction}:${key.chatId}:${key.messageId}`;
    case "album":
      return `${key.direction}-album:${key.chatId}:${key.mediaGroupId}`;
    case "notice":
      return `${key.about}:${key.id}`;
    case "deferred":
      return `tunda:${key.chatId}:${key.at}:${key.seq}`;
    case "announcement":
      return `umum:${key.id}:${key.chatId}`;
  }
}

/** How far a multi-step item got: steps done and the message ids they produced. */
export interface Progress {
  steps: number;
  ids: number[];
}

const progress = z.object({ steps: z.number().int().min(0), ids: z.array(z.number()) });

export interface NewOutboxItem {
  key: OutboxKey;
  kind: OutboxKind;
  ticketId: number | null;
  to: number;
  payload: Payload;
  due: number;
  announcementId?: number;
}

export interface OutboxItem {
  id: number;
  kind: OutboxKind;
  ticketId: number | null;
  to: number;
  payload: Payload | BrokenPayload;
  status: "menunggu" | "terkirim" | "gagal";
  tries: number;
  due: number;
  progress: Progress;
  announcementId: number | null;
  /** Failed because the recipient blocked the bot. */
  blocked: boolean;
}

const KINDS: readonly OutboxKind[] = ["tanya", "jawab", "info", "tunda", "pengumuman"];

const kindOf = (jenis: string): OutboxKind => (KINDS.includes(jenis as OutboxKind) ? (jenis as OutboxKind) : "info");

/** A pending item as a listing shows it: what it is, where and when it goes; `itemById` reads the rest when its turn comes. */
export type PendingItem = Pick<OutboxItem, "id" | "kind" | "ticketId" | "to" | "due">;

function toPending(row: rows.PendingRow): PendingItem {
  return { id: row.id, kind: kindOf(row.jenis), ticketId: row.id_tiket, to: row.id_chat_tujuan, due: row.berikutnya };
}

function toItem(row: rows.AntrianRow): OutboxItem {
  return {
    ...toPending(row),
    payload: readPayload(row.muatan),
    status: row.status,
    tries: row.percobaan,
    progress: readProgress(row.hasil),
    announcementId: row.id_pengumuman,
    blocked: row.diblokir,
  };
}

function readPayload(json: string): Payload | BrokenPayload {
  try {
    const parsed = payload.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : { type: "broken", reason: `muatan tidak dikenal: ${parsed.error.issues[0]?.message ?? "?"}` };
  } catch {
    return { type: "broken", reason: "muatan bukan JSON" };
  }
}

export function readProgress(json: string | null): Progress {
  if (!json) return { steps: 0, ids: [] };
  try {
    const parsed = progress.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : { steps: 0, ids: [] };
  } catch {
    return { steps: 0, ids: [] };
  }
}

function toRow(item: NewOutboxItem): rows.NewAntrian {
  return {
    kunci: keyText(item.key),
    id_tiket: item.ticketId,
    jenis: item.kind,
    id_chat_tujuan: item.to,
    muatan: JSON.stringify(item.payload),
    berikutnya: item.due,
    id_pengumuman: item.announcementId ?? null,
  };
}

/** Queues an item once: an item with its key already queued (or queued before, and sent) is left as it is. */
export function enqueue(db: Db, item: NewOutboxItem, now: number): Promise<void> {
  return rows.insertItems(db, [toRow(item)], now);
}

export function enqueueMany(db: Db, items: NewOutboxItem[], now: number): Promise<void> {
  return rows.insertItems(db, items.map(toRow), now);
}

export async function findItem(db: Db, key: OutboxKey): Promise<OutboxItem | undefined> {
  const row = await rows.findByKey(db, keyText(key));
  return row && toItem(row);
}

export async function itemById(db: Db, id: number): Promise<OutboxItem | undefined> {
  const row = await rows.findById(db, id);
  return row && toItem(row);
}

/** Pending items, oldest first. */
export async function pendingItems(db: Db, limit: number): Promise<PendingItem[]> {
  return (await rows.pendingItems(db, limit)).map(toPending);
}

/** A later part of an album joins its pending item, which then waits a little longer for more parts. */
export async function growAlbum(db: Db, item: OutboxItem & { payload: RelayPayload }, messageId: number, due: number): Promise<void> {
  const grown: RelayPayload = { ...item.payload, messageIds: [...item.payload.messageIds, messageId] };
  await rows.updatePending(db, item.id, JSON.stringify(grown), due);
}

/**
 * The sender edited the message this item carries: the item keeps the new text (a pending item is then sent with it;
 * a sent one keeps it as the latest version, what the next edit is compared with).
 */
export async function reviseBody(db: Db, item: OutboxItem & { payload: RelayPayload }, body: string | null): Promise<void> {
  await rows.replacePayload(db, item.id, JSON.stringify({ ...item.payload, body }));
}

export function saveProgress(db: Db, id: number, done: Progress): Promise<void> {
  return rows.saveProgress(db, id, JSON.stringify(done));
}

export function retryLater(db: Db, id: number, tries: number, due: number, reason: string): Promise<void> {
  return rows.reschedule(db, id, tries, due, reason);
}

export type Completion = { sent: Progress } | { failed: string; blocked: boolean };

/** How an item ended: delivered with these message ids, or given up (and whether the recipient blocked the bot). */
export function complete(db: Db, id: number, outcome: Completion, now: number): Promise<void> {
  return "sent" in outcome ? rows.markSent(db, id, JSON.stringify(outcome.sent), now) : rows.markFailed(db, id, outcome.failed, outcome.blocked, now);
}

/** Nothing pending may reach this chat any more (its account was unbound); returns how many were dropped. */
export function cancelPendingTo(db: Db, chatId: number, reason: string, now: number): Promise<number> {
  return rows.cancelPendingTo(db, chatId, reason, now);
}

export function countPendingTo(db: Db, chatId: number): Promise<number> {
  return rows.countPendingFor(db, chatId);
}

export function announcementTally(db: Db, id: number): Promise<{ menunggu: number; terkirim: number; gagal: number; diblokir: number }> {
  return rows.announcementOutcome(db, id);
}

// Personal data (UU 27/2022): retention, and a person's access and erasure requests.

/** Delivered and failed items created before `before` are deleted, with the copies of messages they carry. */
export function deleteSettledBefore(db: Db, before: number): Promise<number> {
  return rows.deleteSettledBefore(db, before);
}

/** Items to these chats (a person's private chats) or of these tickets (theirs), oldest first. */
export async function itemsOfPerson(db: Db, chatIds: number[], ticketIds: number[]): Promise<OutboxItem[]> {
  return (await rows.outboxItemsOf(db, chatIds, ticketIds)).map(toItem);
}

export function deleteItemsOfPerson(db: Db, chatIds: number[], ticketIds: number[]): Promise<number> {
  return rows.deleteOutboxItemsOf(db, chatIds, ticketIds);
}
