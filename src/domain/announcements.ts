// Announcements: an HR admin's message in the staff group, confirmed once, copied to every registered active
// employee through the durable queue (no one twice, even across a restart), with a report when all are settled.
import type { Db } from "../db/database.js";
import { activeRegisteredChats, findByTelegramId } from "../db/pengguna-repo.js";
import { createDraft, findPengumuman, finishPengumuman, leaveDraft } from "../db/pengumuman-repo.js";
import type { Clock } from "./clock.js";
import { isActive } from "./registration.js";
import { announcementTally, enqueue, enqueueMany, type CopyPayload, type NoticePayload } from "./outbox.js";

export interface AnnouncementOutcome {
  terkirim: number;
  gagal: number;
  diblokir: number;
}

export interface AnnouncementTexts {
  finished(id: number, outcome: AnnouncementOutcome): string;
}

export interface AnnouncementDeps {
  db: Db;
  clock: Clock;
  staffGroupId: number;
  texts: AnnouncementTexts;
  onQueued: () => void;
}

export type PrepareResult = { kind: "not-admin" } | { kind: "draft"; id: number; recipients: number };
export type DecideResult = { kind: "not-admin" } | { kind: "not-draft" } | { kind: "started"; recipients: number } | { kind: "cancelled" };

export function createAnnouncementService(deps: AnnouncementDeps) {
  const { db, clock } = deps;

  /** Only an active employee whose hak_pengguna is admin may announce. */
  async function isAdmin(telegramId: number): Promise<boolean> {
    const user = await findByTelegramId(db, telegramId);
    return user !== undefined && isActive(user) && user.hak_pengguna.toLowerCase() === "admin";
  }

  return {
    async prepare(staffId: number, sourceMessageId: number): Promise<PrepareResult> {
      if (!(await isAdmin(staffId))) return { kind: "not-admin" };
      const id = await createDraft(db, deps.staffGroupId, sourceMessageId, staffId, clock());
      return { kind: "draft", id, recipients: (await activeRegisteredChats(db)).length };
    },

    async decide(id: number, staffId: number, send: boolean): Promise<DecideResult> {
      if (!(await isAdmin(staffId))) return { kind: "not-admin" };
      const draft = await findPengumuman(db, id);
      if (!draft || draft.status !== "draf") return { kind: "not-draft" };
      if (!send) return (await leaveDraft(db, id, "batal", 0, clock())) ? { kind: "cancelled" } : { kind: "not-draft" };
      const recipients = await db.transaction(async (trx) => {
        const chats = await activeRegisteredChats(trx);
        if (!(await leaveDraft(trx, id, "berjalan", chats.length, clock()))) return undefined;
        const payload: CopyPayload = { type: "copy", fromChatId: draft.id_chat_sumber, messageId: draft.id_pesan_sumber };
        await enqueueMany(
          trx,
          chats.map((chatId) => ({ key: { type: "announcement", id, chatId }, kind: "pengumuman", ticketId: null, to: chatId, payload, due: clock(), announcementId: id })),
          clock(),
        );
        return chats.length;
      });
      if (recipients === undefined) return { kind: "not-draft" };
      deps.onQueued();
      if (recipients === 0) await this.settled(id);
      return { kind: "started", recipients };
    },

    /** After each delivery or refusal: once nothing is pending, the staff group gets the tally (exactly once). */
    async settled(id: number): Promise<void> {
      const outcome = await announcementTally(db, id);
      if (outcome.menunggu > 0) return;
      await db.transaction(async (trx) => {
        if (!(await finishPengumuman(trx, id, clock()))) return;
        const notice: NoticePayload = { type: "notice", text: deps.texts.finished(id, outcome) };
        await enqueue(trx, { key: { type: "notice", about: "umum-selesai", id }, kind: "info", ticketId: null, to: deps.staffGroupId, payload: notice, due: clock() }, clock());
      });
      deps.onQueued();
    },
  };
}

export type AnnouncementService = ReturnType<typeof createAnnouncementService>;

