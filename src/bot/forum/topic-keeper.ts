// Forum mode: each employee's conversation lives in a topic of the staff group, made at their first question and
// named after their newest ticket and its state. The topic keeper finds or makes the topic an item goes to, makes a
// topic good again when someone deleted or closed it by hand, and renames a topic when its ticket's state changed.
// Every call goes through the gateway, so topics are paced with the group's other sends.
import type { Db } from "../../db/database.js";
import { firstMessageOfTicket } from "../../db/tiket-pesan-repo.js";
import { latestTicketIdOf, latestTicketOf, ticketWithAsker, type TiketWithAsker } from "../../db/tiket-repo.js";
import { employeeOfTopic, forgetTopic, markTopicClosed, renameTopic, saveTopic, topicOf } from "../../db/topik-repo.js";
import type { Clock } from "../../domain/clock.js";
import type { OutboxItem } from "../../domain/outbox.js";
import type { Logger } from "../../logger.js";
import { describeError } from "../describe-error.js";
import type { TopicPlacement } from "../outbox-worker.js";
import type { Gateway } from "../telegram-gateway.js";

export interface TopicTexts {
  /** The topic's name: the ticket, its state, who asked, who has it; at most 128 characters. */
  topicName(ticket: TiketWithAsker): string;
  /** The first line of a topic made again after the old one was lost: what the open ticket is about. */
  topicRecreated(ticket: TiketWithAsker): string;
}

export interface TopicKeeperDeps {
  db: Db;
  gateway: Gateway;
  clock: Clock;
  log: Logger;
  staffGroupId: number;
  texts: TopicTexts;
}

export interface TopicKeeper extends TopicPlacement {
  /** The ticket a message in this topic is about: its employee's newest; undefined for a topic that is no one's. */
  ticketOfTopic(threadId: number): Promise<TiketWithAsker | undefined>;
  /** Renames the ticket's topic if its name no longer says the ticket's state; failures are logged, not thrown. */
  sync(ticketId: number): Promise<void>;
  /** A staff member closed (or reopened) a topic by hand. */
  closedByHand(threadId: number, closed: boolean): Promise<void>;
}

export function createTopicKeeper(deps: TopicKeeperDeps): TopicKeeper {
  const { db, gateway, staffGroupId: group, texts } = deps;
  /** Topics being made, per employee: two first messages at the same moment make one topic. */
  const making = new Map<number, Promise<number>>();
  /** Renames under way, per ticket: one at a time, so two changes close together send one rename each, in order. */
  const renaming = new Map<number, Promise<void>>();

  async function make(ticket: TiketWithAsker): Promise<number> {
    const name = texts.topicName(ticket);
    const threadId = await gateway.createForumTopic(group, name);
    await saveTopic(db, group, ticket.id_pengguna, { threadId, name }, deps.clock());
    // The ticket already had messages in the group: its topic was lost, and the new one says what it is about.
    if ((await firstMessageOfTicket(db, ticket.id, group)) !== undefined) {
      await gateway.sendMessage({ chat_id: group, message_thread_id: threadId, text: texts.topicRecreated(ticket), parse_mode: "HTML" }, { queued: true });
    }
    deps.log.info("topik forum dibuat", { ticket: ticket.id, threadId });
    return threadId;
  }

  /** `reopen`: the employee wrote, so a topic staff closed by hand opens again for it. */
  async function threadForTicket(ticketId: number, reopen: boolean): Promise<number | undefined> {
    const ticket = await ticketWithAsker(db, ticketId);
    if (!ticket) return undefined;
    const known = await topicOf(db, group, ticket.id_pengguna);
    if (known && known.closed && reopen) {
      await gateway.reopenForumTopic(group, known.threadId);
      await markTopicClosed(db, group, known.threadId, false);
    }
    if (known) return known.threadId;
    const pending = making.get(ticket.id_pengguna);
    if (pending) return pending;
    const made = make(ticket).finally(() => making.delete(ticket.id_pengguna));
    making.set(ticket.id_pengguna, made);
    return made;
  }

  async function topicOfTicket(ticketId: number) {
    const ticket = await ticketWithAsker(db, ticketId);
    const topic = ticket && (await topicOf(db, group, ticket.id_pengguna));
    return ticket && topic ? { ticket, topic } : undefined;
  }

  async function rename(ticketId: number): Promise<void> {
    try {
      const found = await topicOfTicket(ticketId);
      // Only the employee's newest ticket names the topic.
      if (!found || (await latestTicketIdOf(db, found.ticket.id_pengguna)) !== ticketId) return;
      const name = texts.topicName(found.ticket);
      if (name === found.topic.name) return;
      await gateway.editForumTopic(group, found.topic.threadId, name);
      await renameTopic(db, group, found.topic.threadId, name);
    } catch (err) {
      deps.log.warn("nama topik forum tidak dapat diperbarui", { ticket: ticketId, error: describeError(err) });
    }
  }

  return {
    async threadOf(item: OutboxItem) {
      return item.to === group && item.ticketId !== null ? threadForTicket(item.ticketId, item.kind === "tanya") : undefined;
    },

    async repair(item: OutboxItem, problem: "gone" | "closed") {
      const found = item.ticketId === null ? undefined : await topicOfTicket(item.ticketId);
      if (!found) return;
      if (problem === "closed") {
        await gateway.reopenForumTopic(group, found.topic.threadId);
        return markTopicClosed(db, group, found.topic.threadId, false);
      }
      await forgetTopic(db, group, found.topic.threadId);
      deps.log.warn("topik forum hilang (dihapus?); dibuat ulang pada pesan berikutnya", { ticket: found.ticket.id, threadId: found.topic.threadId });
    },

    closedByHand: (threadId: number, closed: boolean) => markTopicClosed(db, group, threadId, closed),

    async ticketOfTopic(threadId: number) {
      const pengguna = await employeeOfTopic(db, group, threadId);
      return pengguna === undefined ? undefined : latestTicketOf(db, pengguna);
    },

    sync(ticketId: number) {
      const next = (renaming.get(ticketId) ?? Promise.resolve()).then(() => rename(ticketId));
      renaming.set(ticketId, next);
      return next.finally(() => {
        if (renaming.get(ticketId) === next) renaming.delete(ticketId);
      });
    },
  };
}
