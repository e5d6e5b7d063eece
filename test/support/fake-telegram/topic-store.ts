// The topics of each forum supergroup the fake knows: name, icon, who opened it, and whether it is closed or deleted.
import type { TopicInfo } from "./types.js";

/** The General topic every forum has; its messages carry no message_thread_id. */
export const GENERAL_TOPIC_ID = 1;

/** The colours Telegram offers for a topic icon; a topic created without one gets the first. */
export const TOPIC_ICON_COLORS: readonly number[] = [0x6fb9f0, 0xffd67e, 0xcb86db, 0x8eee98, 0xff93b2, 0xfb6f5f];

export class TopicStore {
  private readonly forums = new Map<number, Map<number, TopicInfo>>();

  /** A supergroup becomes a forum with its General topic. */
  enable(chatId: number): void {
    if (this.forums.has(chatId)) return;
    const general: TopicInfo = { threadId: GENERAL_TOPIC_ID, name: "General", iconColor: TOPIC_ICON_COLORS[0] ?? 0, closed: false, deleted: false };
    this.forums.set(chatId, new Map([[GENERAL_TOPIC_ID, general]]));
  }

  add(chatId: number, topic: TopicInfo): void {
    this.forums.get(chatId)?.set(topic.threadId, topic);
  }

  /** A topic of the chat, deleted ones included; undefined for an id that never was a topic there. */
  get(chatId: number, threadId: number): TopicInfo | undefined {
    return this.forums.get(chatId)?.get(threadId);
  }

  /** A topic that still exists; deleted and unknown ones are undefined. */
  live(chatId: number, threadId: number): TopicInfo | undefined {
    const topic = this.get(chatId, threadId);
    return topic && !topic.deleted ? topic : undefined;
  }

  /** General first, then the topics in the order they were opened, deleted ones included. */
  list(chatId: number): TopicInfo[] {
    return [...(this.forums.get(chatId)?.values() ?? [])].sort((a, b) => a.threadId - b.threadId);
  }
}
