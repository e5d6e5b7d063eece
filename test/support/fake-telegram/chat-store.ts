// The chats this fake Telegram knows, whether the bot may write there, and every message in them by id.
import type { Chat, Message } from "node-telegram-bot-api";
import { badRequest, forbidden } from "./api-error.js";

/** "blocked": the user blocked the bot; "left"/"kicked": the bot is no longer in the group. */
export type Membership = "member" | "blocked" | "left" | "kicked";

interface ChatState {
  chat: Chat;
  membership: Membership;
  messages: Map<number, Message>;
  lastMessageId: number;
}

export class ChatStore {
  private readonly chats = new Map<number, ChatState>();

  /** A chat becomes known when an update from it is seen, or a test declares it. */
  learn(chat: Chat): void {
    const state = this.chats.get(chat.id);
    if (state) state.chat = { ...state.chat, ...chat };
    else this.chats.set(chat.id, { chat, membership: "member", messages: new Map(), lastMessageId: 0 });
  }

  has(chatId: number): boolean {
    return this.chats.has(chatId);
  }

  setMembership(chatId: number, membership: Membership): void {
    const state = this.chats.get(chatId);
    if (state) state.membership = membership;
  }

  /** The chat for a chat_id parameter (a number or "@username"), refused as Telegram refuses unknown chats. */
  find(chatId: unknown): Chat {
    return this.state(chatId).chat;
  }

  /** The chat the bot is about to write to; refused when it cannot write there. */
  writable(chatId: unknown): Chat {
    const { chat, membership } = this.state(chatId);
    const kind = chat.type === "group" ? "group chat" : chat.type === "channel" ? "channel chat" : "supergroup chat";
    switch (membership) {
      case "member":
        return chat;
      case "blocked":
        throw forbidden("bot was blocked by the user");
      case "left":
        throw forbidden(`bot is not a member of the ${kind}`);
      case "kicked":
        throw forbidden(`bot was kicked from the ${kind}`);
    }
  }

  /** Message ids run per chat, shared by the users' and the bot's messages. */
  nextMessageId(chatId: number): number {
    const state = this.chats.get(chatId);
    return (state?.lastMessageId ?? 0) + 1;
  }

  /** Ids up to `messageId` count as used, by messages the fake does not hold (a group's history before the test). */
  skipIdsThrough(chatId: number, messageId: number): void {
    const state = this.chats.get(chatId);
    if (state) state.lastMessageId = Math.max(state.lastMessageId, messageId);
  }

  /** Stores (or replaces, for an edit) a message; its chat becomes known. */
  put(message: Message): void {
    this.learn(message.chat);
    const state = this.chats.get(message.chat.id);
    if (!state) return;
    state.messages.set(message.message_id, message);
    state.lastMessageId = Math.max(state.lastMessageId, message.message_id);
  }

  get(chatId: number, messageId: number): Message | undefined {
    return this.chats.get(chatId)?.messages.get(messageId);
  }

  delete(chatId: number, messageId: number): boolean {
    return this.chats.get(chatId)?.messages.delete(messageId) ?? false;
  }

  /** Messages in id order, optionally only those from one sender. */
  messagesIn(chatId: number, fromId?: number): Message[] {
    const messages = [...(this.chats.get(chatId)?.messages.values() ?? [])];
    return messages.filter((m) => fromId === undefined || m.from?.id === fromId).sort((a, b) => a.message_id - b.message_id);
  }

  private state(chatId: unknown): ChatState {
    if (typeof chatId === "number") {
      const state = this.chats.get(chatId);
      if (state) return state;
    } else if (typeof chatId === "string" && chatId.startsWith("@")) {
      const username = chatId.slice(1).toLowerCase();
      for (const state of this.chats.values()) if (state.chat.username?.toLowerCase() === username) return state;
    } else if (chatId === undefined || chatId === "") {
      throw badRequest("chat_id is empty");
    }
    throw badRequest("chat not found");
  }
}
