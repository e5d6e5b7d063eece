// Who a NIP is in the stored data: the employee record, their Telegram accounts, tickets and queued deliveries, and
// the messages about them in other chats.
import type { Db } from "../db/database.js";
import { findByNip, type PenggunaRow } from "../db/pengguna-repo.js";
import type { ChatMessage } from "../db/pesan-repo.js";
import { linksOfTickets } from "../db/tiket-pesan-repo.js";
import { ticketsOfEmployee } from "../db/tiket-repo.js";
import { itemsOfPerson, type OutboxItem } from "./outbox.js";
import { accountTryKey, nipTryKey } from "./registration.js";

export interface DataSubject {
  employee: PenggunaRow;
  /**
   * The bound account, and the private chats their tickets came from: an account bound earlier and released with
   * `npm run unbind` is still found through its tickets. (A private chat's id is its account's id.)
   */
  telegramIds: number[];
  /** Their tickets as stored. */
  tickets: Record<string, unknown>[];
  ticketIds: number[];
  /** Which relayed message belongs to which of their tickets, as stored. */
  ticketLinks: Record<string, unknown>[];
  /**
   * Messages about them outside their own chat, i.e. in the staff group: the bot's copies of their questions, the
   * staff answers to them, and the bot's notes on those tickets.
   */
  messagesElsewhere: ChatMessage[];
}

export async function findDataSubject(db: Db, nip: string): Promise<DataSubject | undefined> {
  const employee = await findByNip(db, nip);
  if (!employee) return undefined;
  const tickets = await ticketsOfEmployee(db, employee.id);
  const ticketIds = tickets.map((t) => Number(t.id));
  // Only private chats (positive ids) are a person's; an erased ticket's chat is 0.
  const chats = tickets.map((t) => Number(t.id_chat));
  const telegramIds = [...new Set([employee.id_telegram, ...chats])].filter((id): id is number => id !== null && id > 0);
  const ticketLinks = await linksOfTickets(db, ticketIds);
  // Deliveries to their chats and of their tickets: the copies of their questions, the answers to them, notes.
  const deliveries = await itemsOfPerson(db, telegramIds, ticketIds);
  const linked = ticketLinks.map((l) => ({ chatId: Number(l.id_chat), messageId: Number(l.id_pesan) }));
  const messagesElsewhere = [...linked, ...deliveries.flatMap(messagesOfDelivery)].filter((m) => !telegramIds.includes(m.chatId));
  return { employee, telegramIds, tickets, ticketIds, ticketLinks, messagesElsewhere };
}

/** The keys of their failed /daftar tries, per Telegram account and per NIP. */
export function failedTryKeysOf(subject: DataSubject): string[] {
  return [...subject.telegramIds.map(accountTryKey), nipTryKey(subject.employee.nip)];
}

/** What a delivery sent (its message ids in the target chat) and, for a relayed message, what it copied. */
function messagesOfDelivery(item: OutboxItem): ChatMessage[] {
  const sent = item.progress.ids.map((messageId) => ({ chatId: item.to, messageId }));
  const { payload } = item;
  // An announcement's source is the staff's message to everyone, not about this person: only relays count.
  const copied = payload.type === "relay" ? payload.messageIds.map((messageId) => ({ chatId: payload.fromChatId, messageId })) : [];
  return [...sent, ...copied];
}
