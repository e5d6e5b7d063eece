// The fake Bot API server: serves the bot over HTTP as Telegram would, and gives tests the hooks to drive and observe it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { BotCommand, Chat, ChatAdministratorRights, Message, Update, User } from "node-telegram-bot-api";
import { albumMessages, callbackQuery, privateChatOf, textFields, type MessageFields } from "../updates.js";
import { BotApiError, tooManyRequests } from "./api-error.js";
import { BOT_METHODS, commandsKey, webhookConflict } from "./bot-methods.js";
import { CallLog } from "./call-log.js";
import { ChatStore, type Membership } from "./chat-store.js";
import { COPY_METHODS } from "./copy-methods.js";
import { EDIT_METHODS } from "./edit-methods.js";
import { faultAnswer, FaultPlan, type RawAnswer } from "./fault-plan.js";
import { FileRegistry } from "./file-registry.js";
import { FloodControl, isFloodLimited, messagesAsked } from "./flood-control.js";
import { deleteTopic, FORUM_METHODS } from "./forum-methods.js";
import { editedMessage, humanMessage, topicClosedOrReopened, topicOpened } from "./human-messages.js";
import { defaultAdminRights, MEMBER_METHODS } from "./member-methods.js";
import type { MethodContext, MethodHandler, MethodRequest } from "./method-context.js";
import { NetworkDelay } from "./network-delay.js";
import { optionalInt } from "./params.js";
import { preciseNow } from "./precise-clock.js";
import { decodeRequest, type DecodedRequest } from "./request-decoding.js";
import { SEND_METHODS } from "./send-methods.js";
import { GENERAL_TOPIC_ID, TopicStore } from "./topic-store.js";
import type { Fault, FaultMatch, FakeTelegramOptions, FloodRecord, RecordedCall, StoredMessage, TopicInfo, UpdateInput } from "./types.js";
import { UpdateQueue } from "./update-queue.js";

const DEFAULT_TOKEN = "123456:TEST";
const DEFAULT_WAIT_MS = 5000;

const HANDLERS = new Map<string, MethodHandler>(
  Object.entries({ ...BOT_METHODS, ...MEMBER_METHODS, ...SEND_METHODS, ...COPY_METHODS, ...EDIT_METHODS, ...FORUM_METHODS }),
);
// Telegram matches method names case-insensitively; calls are recorded under the documented spelling.
const CANONICAL_NAMES = new Map([...HANDLERS.keys(), "getUpdates"].map((name) => [name.toLowerCase(), name]));

type Outcome = { result: unknown } | BotApiError | RawAnswer;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function chatIdOf(params: Record<string, unknown>): number | undefined {
  return typeof params.chat_id === "number" ? params.chat_id : undefined;
}

function rendered(outcome: Outcome): RawAnswer {
  if (outcome instanceof BotApiError) return { status: outcome.status, body: JSON.stringify(outcome.envelope()), contentType: "application/json" };
  if ("body" in outcome) return outcome;
  return { status: 200, body: JSON.stringify({ ok: true, result: outcome.result }), contentType: "application/json" };
}

/** The answer as the log keeps it: a fresh copy of the JSON, or the text of a body that is not JSON. */
function parsedOrText(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/** A my_chat_member status, as this fake tracks whether the bot may write to the chat. */
function membershipOf(status: string, chat: Chat): Membership {
  if (status === "kicked") return chat.type === "private" ? "blocked" : "kicked";
  return status === "left" ? "left" : "member";
}

export class FakeTelegram {
  readonly apiRoot: string;
  readonly token: string;
  readonly port: number;
  /**
   * Every 429 in Telegram's envelope, oldest first: flood control's and injected ones (a raw-body fault is not
   * Telegram's and is not here). Flood control lives in this object, so the bot restarting forgets none of it.
   */
  readonly floodLog: FloodRecord[] = [];

  private readonly log = new CallLog();
  private readonly chats = new ChatStore();
  private readonly updates = new UpdateQueue();
  private readonly faults = new FaultPlan();
  private readonly flood: FloodControl | undefined;
  private readonly network: NetworkDelay;
  /** Lower-cased, as methods are matched. */
  private readonly missingMethods: Set<string>;
  private readonly ctx: MethodContext;
  private readonly sockets = new Set<Socket>();
  private readonly sleeps = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  /** When each update first left in a getUpdates answer, for measuring how long the bot takes from there. */
  private readonly delivered = new Map<number, number>();
  private stopped = false;

  private constructor(
    private readonly server: Server,
    opts: FakeTelegramOptions,
  ) {
    this.port = (server.address() as AddressInfo).port;
    this.apiRoot = `http://127.0.0.1:${this.port}`;
    this.token = opts.token ?? DEFAULT_TOKEN;
    this.network = new NetworkDelay(opts.latencyMs ?? 0, opts.jitterMs ?? 0, opts.jitterSeed ?? Math.floor(Math.random() * 2 ** 32));
    this.missingMethods = new Set((opts.missingMethods ?? []).map((m) => m.toLowerCase()));
    this.flood = opts.enforceLimits ? new FloodControl(opts.enforceLimits === true ? {} : opts.enforceLimits) : undefined;
    const bot: User = { id: opts.botId ?? 123456, is_bot: true, first_name: "Sinawai Test", username: opts.botUsername ?? "sinawai_test_bot" };
    this.ctx = {
      bot,
      chats: this.chats,
      topics: new TopicStore(),
      files: new FileRegistry(),
      updates: this.updates,
      callbacksIssued: new Set(),
      callbacksAnswered: new Set(),
      commands: new Map(),
      botRights: new Map(),
      webhookUrl: "",
      nowSec: () => Math.floor(Date.now() / 1000),
    };
    server.on("connection", (socket: Socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    server.on("request", (req: IncomingMessage, res: ServerResponse) => void this.onRequest(req, res));
  }

  static async start(opts: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
    });
    return new FakeTelegram(server, opts);
  }

  /** Closes the server and every connection: held long polls and hung calls are dropped unanswered. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.updates.close();
    for (const sleep of this.sleeps) {
      clearTimeout(sleep.timer);
      sleep.wake();
    }
    this.log.rejectAll("stopped while waiting for calls");
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  // ---- injecting updates -------------------------------------------------------------------------

  /** Queues an update (numbered if update_id is absent), teaches the fake its chats and files, wakes a held poll. */
  pushUpdate(input: UpdateInput): Update {
    const update = this.updates.push(input);
    this.learnFrom(update);
    return update;
  }

  /** A user writes to the bot in their private chat; a leading /command gets its bot_command entity. */
  userSays(user: User, text: string): Update {
    return this.userSends(user, textFields(text));
  }

  /** A user sends anything (photoFields(), documentFields({…}), {contact: …}) in their private chat. */
  userSends(user: User, fields: MessageFields): Update {
    return this.groupMessage(privateChatOf(user), user, fields);
  }

  /** A user sends an album: one update per item, all with one media_group_id, delivered together. */
  userSendsAlbum(user: User, items?: MessageFields[]): Update[] {
    const chat = privateChatOf(user);
    return albumMessages(chat, user, items, { message_id: this.chats.nextMessageId(chat.id) }).map((message) => this.pushUpdate({ message }));
  }

  /**
   * A message in any chat (a group, usually); `fields` may be plain text or include reply_to_message. In a forum it
   * goes into topic `threadId`, or without one into the topic of the message it replies to, else into General; a topic
   * message that replies to nothing else shows reply_to_message pointing at the topic's opening, as Telegram sends it.
   */
  groupMessage(chat: Chat, from: User, fields: MessageFields | string, { threadId }: { threadId?: number } = {}): Update {
    const content = typeof fields === "string" ? textFields(fields) : fields;
    return this.pushUpdate({ message: humanMessage(this.ctx, chat, from, content, threadId) });
  }

  /** A user edits the text (or, for a file, the caption) of a message they sent the bot; the bot gets edited_message. */
  userEdits(user: User, messageId: number, newText: string): Update {
    return this.pushUpdate({ edited_message: editedMessage(this.ctx, user.id, user, messageId, newText, "userEdits") });
  }

  /** Someone edits the text (or, for a file, the caption) of their message in a group; the bot gets edited_message. */
  groupEdits(chat: Chat, from: User, messageId: number, newText: string): Update {
    return this.pushUpdate({ edited_message: editedMessage(this.ctx, chat.id, from, messageId, newText, "groupEdits") });
  }

  /**
   * A user presses an inline button. The callback carries the message as it is now; pressing a button the
   * message no longer shows throws, since no user could.
   */
  pressButton(user: User, message: Message, data: string): Update {
    const current = this.chats.get(message.chat.id, message.message_id);
    if (current) {
      const buttons = current.reply_markup?.inline_keyboard.flat() ?? [];
      if (!buttons.some((b) => b.callback_data === data)) {
        const shown = buttons.map((b) => JSON.stringify(b.callback_data ?? b.url ?? b.text)).join(", ") || "none";
        throw new Error(`pressButton: message ${message.message_id} in chat ${message.chat.id} has no button "${data}" (buttons: ${shown})`);
      }
    }
    return this.pushUpdate({ callback_query: callbackQuery(user, current ?? message, data) });
  }

  /** Makes a chat known without an update, e.g. a group or a user the bot met before the test began. */
  knowChat(chat: Chat): void {
    this.chats.learn(chat);
  }

  // ---- forums ------------------------------------------------------------------------------------

  /**
   * The group's owner turns topics on: the supergroup becomes a forum (getChat and every message show is_forum) with
   * its General topic. An admin bot keeps the rights it had; makeBotAdmin afterwards grants can_manage_topics.
   */
  makeForum(chatId: number): void {
    if (!this.chats.has(chatId)) throw new Error(`makeForum: chat ${chatId} is not known to the fake`);
    const chat = this.chats.find(chatId);
    if (chat.type !== "supergroup") throw new Error(`makeForum: only a supergroup can be a forum, chat ${chatId} is a ${chat.type}`);
    this.chats.learn({ ...chat, is_forum: true });
    // General's id is the group's first message, so no topic can open with it.
    this.chats.skipIdsThrough(chatId, GENERAL_TOPIC_ID);
    this.ctx.topics.enable(chatId);
  }

  /** Someone opens a topic (without `by`, an anonymous admin); the bot gets its forum_topic_created message. */
  staffCreatesTopic(chatId: number, name: string, by?: User): Update {
    return this.pushUpdate({ message: topicOpened(this.ctx, this.chats.find(chatId), name, by) });
  }

  /** An admin (without `by`, an anonymous one) closes a topic, General included; the bot gets forum_topic_closed. */
  staffClosesTopic(chatId: number, threadId: number, by?: User): Update {
    return this.pushUpdate({ message: topicClosedOrReopened(this.ctx, this.chats.find(chatId), threadId, true, by) });
  }

  /** An admin (without `by`, an anonymous one) reopens a topic; the bot gets forum_topic_reopened. */
  staffReopensTopic(chatId: number, threadId: number, by?: User): Update {
    return this.pushUpdate({ message: topicClosedOrReopened(this.ctx, this.chats.find(chatId), threadId, false, by) });
  }

  /** An admin deletes a topic with all its messages. Telegram tells the bot nothing; its later sends there are refused. */
  staffDeletesTopic(chatId: number, threadId: number): void {
    const topic = this.ctx.topics.live(chatId, threadId);
    if (!topic || threadId === GENERAL_TOPIC_ID) throw new Error(`staffDeletesTopic: chat ${chatId} has no topic ${threadId} to delete`);
    deleteTopic(this.ctx, chatId, topic);
  }

  /** A forum's topics as they stand now, General first, deleted ones included; [] for a chat that is no forum. */
  topicsOf(chatId: number): TopicInfo[] {
    return structuredClone(this.ctx.topics.list(chatId));
  }

  // ---- observing what the bot did ----------------------------------------------------------------

  get calls(): RecordedCall[] {
    return this.log.calls;
  }

  callsOf(method: string): RecordedCall[] {
    return this.log.calls.filter((c) => c.method === method);
  }

  /**
   * Resolves with the first call matching, past or future, once it is answered (so its effects are visible);
   * on timeout rejects listing recent calls. A held getUpdates is not answered yet: use isPolling() or confirmedOffset.
   */
  async waitForCall(pred: (c: RecordedCall) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<RecordedCall> {
    const [call] = await this.log.waitFor(pred, 1, timeoutMs);
    if (!call) throw new Error("FakeTelegram: waitForCall resolved without a call");
    return call;
  }

  waitForCalls(pred: (c: RecordedCall) => boolean, count: number, timeoutMs = DEFAULT_WAIT_MS): Promise<RecordedCall[]> {
    return this.log.waitFor(pred, count, timeoutMs);
  }

  /**
   * The bot's messages in a chat as they stand now (edits applied, deletions gone), oldest first; with `threadId` only
   * those in that forum topic (1: General). Service messages of the topics the bot changed count as its messages.
   */
  messagesIn(chatId: number, threadId?: number): StoredMessage[] {
    const inThread = (m: StoredMessage): boolean =>
      threadId === undefined || (threadId === GENERAL_TOPIC_ID ? !m.is_topic_message : m.is_topic_message === true && m.message_thread_id === threadId);
    return structuredClone(this.chats.messagesIn(chatId, this.ctx.bot.id).filter(inThread));
  }

  get answeredCallbacks(): Set<string> {
    return this.ctx.callbacksAnswered;
  }

  /** How many 429s were answered: floodLog's length. */
  get count429(): number {
    return this.floodLog.length;
  }

  /** When the update was first written out in a getUpdates answer (preciseNow() clock); undefined until then. */
  deliveredAt(updateId: number): number | undefined {
    return this.delivered.get(updateId);
  }

  /** The highest offset the bot confirmed through getUpdates. */
  get confirmedOffset(): number {
    return this.updates.confirmedOffset;
  }

  /** True while the bot has a getUpdates held open: it is polling and waiting for an update. */
  isPolling(): boolean {
    return this.updates.holding;
  }

  pendingUpdates(): Update[] {
    return this.updates.pending();
  }

  myCommands(scope?: Record<string, unknown>, languageCode?: string): BotCommand[] {
    return this.ctx.commands.get(commandsKey(scope, languageCode)) ?? [];
  }

  // ---- fault injection ---------------------------------------------------------------------------

  /** The next `times` calls matching (a method name or a predicate) get `fault` instead of an answer. */
  failNext(match: FaultMatch, fault: Fault, times = 1): void {
    this.faults.add(match, fault, times);
  }

  /** Every call matching gets `fault` until the returned function is called. */
  failAlways(match: FaultMatch, fault: Fault): () => void {
    return this.faults.add(match, fault, Infinity);
  }

  /** From now on, sending to this private chat answers 403 until the user writes to the bot again. */
  blockUser(chatId: number): void {
    if (!this.chats.has(chatId)) throw new Error(`blockUser: chat ${chatId} is not known to the fake`);
    this.chats.setMembership(chatId, "blocked");
  }

  unblockUser(chatId: number): void {
    this.chats.setMembership(chatId, "member");
  }

  /** The group's owner makes the bot an admin: the default rights of Telegram's "Add admin" screen, with `changes`. */
  makeBotAdmin(chatId: number, changes: Partial<ChatAdministratorRights> = {}): void {
    if (!this.chats.has(chatId)) throw new Error(`makeBotAdmin: chat ${chatId} is not known to the fake`);
    const forum = this.chats.find(chatId).is_forum === true;
    this.ctx.botRights.set(chatId, { ...defaultAdminRights(forum), ...changes });
  }

  /** The bot goes back to being a plain member of the group. */
  dismissBotAdmin(chatId: number): void {
    this.ctx.botRights.delete(chatId);
  }

  setLatency(ms: number): void {
    this.network.latencyMs = ms;
  }

  setJitter(ms: number): void {
    this.network.jitterMs = ms;
  }

  /**
   * Counts `count` messages as sent before now, as if a previous bot process had sent them: into one chat's windows,
   * or with chatId undefined into the overall window. They are spread evenly over the last `spreadMs`, the last one now.
   */
  prefillWindow(chatId: number | undefined, count: number, { spreadMs = 0 }: { spreadMs?: number } = {}): void {
    if (!this.flood) throw new Error("prefillWindow: this fake enforces no limits; start it with enforceLimits");
    this.flood.prefill(chatId, count, spreadMs, preciseNow());
  }

  /** The send times (preciseNow() clock) the longest window of a chat, or with chatId undefined the overall one, counts now. */
  countedSends(chatId: number | undefined): number[] {
    if (!this.flood) throw new Error("countedSends: this fake enforces no limits; start it with enforceLimits");
    return this.flood.counted(chatId, preciseNow());
  }

  // ---- serving -----------------------------------------------------------------------------------

  private learnFrom(update: Update): void {
    const carried =
      "message" in update ? update.message
      : "edited_message" in update ? update.edited_message
      : "channel_post" in update ? update.channel_post
      : "edited_channel_post" in update ? update.edited_channel_post
      : "business_message" in update ? update.business_message
      : undefined;
    if (carried) this.learnMessage(carried);
    if ("callback_query" in update) {
      this.ctx.callbacksIssued.add(update.callback_query.id);
      const message = update.callback_query.message;
      if (message) this.chats.learn(message.chat);
    }
    if ("my_chat_member" in update) {
      const { chat, new_chat_member } = update.my_chat_member;
      this.chats.learn(chat);
      this.chats.setMembership(chat.id, membershipOf(new_chat_member.status, chat));
    }
    if ("chat_member" in update) this.chats.learn(update.chat_member.chat);
    if ("chat_join_request" in update) this.chats.learn(update.chat_join_request.chat);
  }

  private learnMessage(message: Message): void {
    const reply = message.reply_to_message;
    if (reply && !this.chats.get(reply.chat.id, reply.message_id)) this.learnMessage(reply);
    this.chats.put(message);
    this.ctx.files.learnFrom(message);
    const botId = this.ctx.bot.id;
    // Writing to a bot means the user has (re)started it; being added back means the bot is in the group again.
    if (message.chat.type === "private" && message.from?.id === message.chat.id) this.chats.setMembership(message.chat.id, "member");
    if (message.new_chat_members?.some((u) => u.id === botId)) this.chats.setMembership(message.chat.id, "member");
    if (message.left_chat_member?.id === botId) this.chats.setMembership(message.chat.id, "left");
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      return; // the client went away mid-upload; there is no one to answer
    }
    const url = new URL(req.url ?? "/", this.apiRoot);
    const route = /^\/bot([^/]*)\/([^/]+)\/?$/.exec(url.pathname);
    let decoded: DecodedRequest | undefined;
    try {
      decoded = await decodeRequest(req.headers["content-type"] ?? "", body, url.searchParams);
    } catch {
      decoded = undefined;
    }
    const requested = route?.[2] ?? url.pathname;
    const method = CANONICAL_NAMES.get(requested.toLowerCase()) ?? requested;
    const call: RecordedCall = {
      method,
      params: decoded?.params ?? {},
      files: decoded?.files ?? [],
      at: Date.now(),
      arrivedAt: preciseNow(),
      status: 0,
      response: undefined,
    };
    this.log.add(call);

    if (!route) return this.respond(res, call, new BotApiError(404, "Not Found"));
    if (route[1] !== this.token) return this.respond(res, call, new BotApiError(401, "Unauthorized"));
    if (!decoded) return this.respond(res, call, new BotApiError(400, "Bad Request: can't parse request body"));

    const fault = this.faults.take(method, call.params);
    if (fault && "hang" in fault) {
      this.log.settle(call, 0, undefined);
      return;
    }
    if (fault && "drop" in fault && !fault.processed) return this.drop(req, call);
    if (method === "getUpdates" && !fault) return this.poll(res, call, decoded);
    // A long poll's answer is not delayed (the bot must see updates at once); every other call travels both ways.
    const travels = method !== "getUpdates";
    if (travels) {
      await this.sleep(this.network.inboundMs());
      if (this.stopped) return this.log.settle(call, 0, undefined);
      call.executedAt = preciseNow();
    }
    const now = call.executedAt ?? preciseNow();
    const outcome = (fault && this.injected(fault, method, call.params, now)) ?? this.execute(method, decoded, now);
    if (fault && "drop" in fault) return this.drop(req, call);
    if (travels) await this.sleep(this.network.outboundMs());
    this.respond(res, call, outcome);
  }

  /** What an answering fault sends instead of running the method; a 429 in Telegram's envelope joins the flood log. */
  private injected(fault: Fault, method: string, params: Record<string, unknown>, now: number): BotApiError | RawAnswer | undefined {
    const answer = faultAnswer(fault);
    const retryAfter = answer instanceof BotApiError && answer.status === 429 ? answer.parameters?.retry_after : undefined;
    if (retryAfter !== undefined) this.floodLog.push({ at: now, method, chatId: chatIdOf(params), retryAfter, reason: "injected" });
    return answer;
  }

  /** The connection is cut without an answer. */
  private drop(req: IncomingMessage, call: RecordedCall): void {
    this.log.settle(call, 0, undefined);
    req.socket.destroy();
  }

  /**
   * Runs a method at the moment it reaches "Telegram" (`now`, after the inbound delay), so ids, flood limits and
   * storage follow the order in which calls arrive there, which jitter may make differ from the order the bot sent them.
   */
  private execute(method: string, request: MethodRequest, now: number): Outcome {
    const handler = this.missingMethods.has(method.toLowerCase()) ? undefined : HANDLERS.get(method);
    if (!handler) return new BotApiError(404, "Not Found");
    const flood = this.flood && isFloodLimited(method) ? this.flood : undefined;
    const chatId = chatIdOf(request.params);
    if (flood) {
      const verdict = flood.judge(chatId, messagesAsked(method, request.params), now);
      if (!verdict.ok) {
        const { retryAfter, reason, scope } = verdict;
        this.floodLog.push({ at: now, method, chatId, retryAfter, reason, scope });
        return tooManyRequests(retryAfter);
      }
    }
    try {
      const result = handler(this.ctx, request);
      // Skipped ids make copyMessages create fewer messages than asked; the windows count those created.
      flood?.record(chatId, Array.isArray(result) ? result.length : 1, now);
      return { result };
    } catch (err) {
      if (err instanceof BotApiError) return err;
      // A bug in the fake itself: say so plainly rather than look like a Telegram outage.
      return new BotApiError(500, `Internal Server Error: the fake failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
  }

  private poll(res: ServerResponse, call: RecordedCall, { params }: DecodedRequest): void {
    if (this.ctx.webhookUrl !== "") return this.respond(res, call, webhookConflict());
    let ticket: { cancel(): void };
    try {
      const allowed = params.allowed_updates;
      ticket = this.updates.poll(
        {
          offset: optionalInt(params, "offset"),
          limit: optionalInt(params, "limit"),
          timeout: optionalInt(params, "timeout"),
          allowed_updates: Array.isArray(allowed) ? allowed.filter((k): k is string => typeof k === "string") : undefined,
        },
        (outcome) => {
          if ("error" in outcome) return this.respond(res, call, outcome.error);
          this.respond(res, call, { result: outcome.updates });
          const sentAt = call.answeredAt;
          if (sentAt === undefined) return;
          for (const update of outcome.updates) if (!this.delivered.has(update.update_id)) this.delivered.set(update.update_id, sentAt);
        },
      );
    } catch (err) {
      return this.respond(res, call, err instanceof BotApiError ? err : new BotApiError(400, "Bad Request: invalid getUpdates parameters"));
    }
    // A client that gives up on a held poll leaves its updates unconfirmed, for the next poll to receive.
    res.on("close", () => {
      if (res.writableFinished) return;
      ticket.cancel();
      this.log.settle(call, 0, undefined);
    });
  }

  private respond(res: ServerResponse, call: RecordedCall, outcome: Outcome): void {
    const { status, body, contentType } = rendered(outcome);
    if (this.stopped || res.destroyed) {
      this.log.settle(call, 0, undefined);
      return;
    }
    // Read before writing: the client may act on the answer before this process runs again.
    call.answeredAt = preciseNow();
    res.writeHead(status, { "content-type": contentType });
    res.end(body);
    this.log.settle(call, status, parsedOrText(body));
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const sleep = {
        wake: () => {
          this.sleeps.delete(sleep);
          resolve();
        },
        timer: setTimeout(() => sleep.wake(), ms),
      };
      this.sleeps.add(sleep);
    });
  }
}
