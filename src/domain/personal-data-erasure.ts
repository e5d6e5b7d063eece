// Erases what the bot stored about one employee's use of it (an erasure request), keeping their tickets as counts.
import { chatKey } from "../bot/update-info.js";
import type { Db } from "../db/database.js";
import { deleteFailedTriesOf } from "../db/percobaan-daftar-repo.js";
import { deletePesanOf } from "../db/pesan-repo.js";
import { deleteLinksOfTickets } from "../db/tiket-pesan-repo.js";
import { detachTicketsFromChat } from "../db/tiket-repo.js";
import { forgetTopicsOf } from "../db/topik-repo.js";
import { deleteUpdatesOfChats } from "../db/update-masuk-repo.js";
import { failedTryKeysOf, findDataSubject } from "./data-subject.js";
import { deleteItemsOfPerson } from "./outbox.js";
import { releaseTelegram } from "./unbind.js";

export interface ErasureResult {
  nama: string;
  /** The Telegram accounts whose traces were removed. */
  telegramIds: number[];
  /** Rows deleted: their messages in and out, their queued deliveries, inbox updates, ticket-message links, failed tries. */
  deleted: { pesan: number; antrian_kirim: number; update_masuk: number; tiket_pesan: number; percobaan_daftar: number; topik: number };
  /** Tickets kept for the service report's counts, now without any link to a Telegram chat. */
  ticketsKept: number;
  /** Of those, still open: the staff may close them (an answer can no longer reach anyone). */
  ticketsOpen: number;
  /** Whether a Telegram binding was released. */
  unbound: boolean;
}

/**
 * In one transaction: their messages (`pesan` rows of their private chats, whatever they sent anywhere, and the
 * copies of their questions, the answers to them and the notes about them in the staff group), their queue rows (the copies of their questions, the answers to them, announcements to them), their inbox rows, the
 * ticket-message links and failed /daftar tries are deleted; their tickets stay with their times (the service report
 * counts them) but lose the chat id; the Telegram binding is released. The employee record, allowance and leave stay:
 * they are the HR bureau's records, maintained with `npm run import`, not data the bot collected.
 * Undefined when no employee has this NIP.
 */
export async function erasePersonalData(db: Db, nip: string, now: number): Promise<ErasureResult | undefined> {
  return db.transaction(async (trx) => {
    const subject = await findDataSubject(trx, nip);
    if (!subject) return undefined;
    const { telegramIds, ticketIds } = subject;
    const deleted = {
      pesan: await deletePesanOf(trx, { accounts: telegramIds, messages: subject.messagesElsewhere }),
      antrian_kirim: await deleteItemsOfPerson(trx, telegramIds, ticketIds),
      update_masuk: await deleteUpdatesOfChats(trx, telegramIds.map(chatKey)),
      tiket_pesan: await deleteLinksOfTickets(trx, ticketIds),
      percobaan_daftar: await deleteFailedTriesOf(trx, failedTryKeysOf(subject)),
      topik: await forgetTopicsOf(trx, subject.employee.id),
    };
    await detachTicketsFromChat(trx, subject.employee.id);
    const released = await releaseTelegram(trx, nip, now);
    return {
      nama: subject.employee.nama,
      telegramIds,
      deleted,
      ticketsKept: ticketIds.length,
      ticketsOpen: subject.tickets.filter((t) => t.status === "terbuka").length,
      unbound: released.kind === "released",
    };
  });
}
