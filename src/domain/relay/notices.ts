// The notes the bot writes about tickets (delivered, closed, rate us, a reminder): queued once per subject through
// the outbox, inside the caller's transaction, and the worker woken once that transaction has committed.
import { isDeadlock, type Db } from "../../db/database.js";
import type { Clock } from "../clock.js";
import { enqueue, type Buttons, type NoticeSubject } from "../outbox.js";

/** How often a transaction chosen as a deadlock's victim is run in all. */
const DEADLOCK_ATTEMPTS = 3;

export interface Notice {
  about: NoticeSubject;
  /** With `about`, what makes the note unique: the ticket's or the queue item's id. */
  id: number;
  ticketId: number | null;
  to: number;
  /** HTML, written by us. */
  text: string;
  replyTo?: number;
  buttons?: Buttons;
}

export interface NoticeDeps {
  db: Db;
  clock: Clock;
  /** Called after a commit that queued something, to wake the outbox worker. */
  onQueued: () => void;
}

export function noticeWriter(deps: NoticeDeps) {
  return {
    async queue(trx: Db, notice: Notice): Promise<void> {
      const { about, id, ticketId, to, text, replyTo, buttons } = notice;
      const now = deps.clock();
      await enqueue(trx, { key: { type: "notice", about, id }, kind: "info", ticketId, to, payload: { type: "notice", text, replyTo, buttons }, due: now }, now);
    },

    /**
     * Runs `work` in one transaction, then wakes the worker for whatever it queued. A transaction MySQL rolled back
     * to break a deadlock (two steps on one ticket at the same moment) is run again.
     */
    async committed<T>(work: (trx: Db) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await deps.db.transaction(work);
          deps.onQueued();
          return result;
        } catch (err) {
          if (!isDeadlock(err) || attempt >= DEADLOCK_ATTEMPTS) throw err;
        }
      }
    },
  };
}

export type NoticeWriter = ReturnType<typeof noticeWriter>;
