// What a Bot API method of the fake may read and change: the bot, the chats and their topics, the files, the callback queries.
import type { BotCommand, ChatAdministratorRights, User } from "node-telegram-bot-api";
import type { ChatStore } from "./chat-store.js";
import type { FileRegistry } from "./file-registry.js";
import type { Params } from "./params.js";
import type { TopicStore } from "./topic-store.js";
import type { RecordedFile } from "./types.js";
import type { UpdateQueue } from "./update-queue.js";

export interface MethodRequest {
  params: Params;
  files: RecordedFile[];
}

export interface MethodContext {
  readonly bot: User;
  readonly chats: ChatStore;
  /** The topics of the chats that are forums (their Chat has is_forum). */
  readonly topics: TopicStore;
  readonly files: FileRegistry;
  readonly updates: UpdateQueue;
  /** callback_query ids delivered to the bot, and those it answered. */
  readonly callbacksIssued: Set<string>;
  readonly callbacksAnswered: Set<string>;
  /** setMyCommands lists by scope and language (see commandsKey). */
  readonly commands: Map<string, BotCommand[]>;
  /** The chats where the bot is an admin, with its rights there; elsewhere it is a plain member. */
  readonly botRights: Map<number, ChatAdministratorRights>;
  webhookUrl: string;
  nowSec(): number;
}

/** Returns the method's result; throws BotApiError to refuse. */
export type MethodHandler = (ctx: MethodContext, req: MethodRequest) => unknown;
