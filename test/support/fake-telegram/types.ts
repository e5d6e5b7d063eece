// The shapes a test sees of the fake Bot API: its options, the calls it recorded and the faults it can inject.
import type { Message, Update } from "node-telegram-bot-api";

/** At most `count` messages in any rolling `windowMs`. */
export interface RollingLimit {
  count: number;
  windowMs: number;
}

/**
 * Flood limits, stricter than Telegram promises: every window is a strict rolling one, counted when a request
 * executes, and a request made during a flood wait is refused again with a longer wait. Each field replaces its default.
 */
export interface FloodLimits {
  /** All chats together; default 30 in any 1000 ms. */
  global?: RollingLimit[];
  /** Each private chat (id > 0); default 3 in any 1000 ms and 10 in any 10 000 ms. */
  privateChat?: RollingLimit[];
  /** Each group (id < 0); default 20 in any 60 000 ms. */
  group?: RollingLimit[];
  /** The longest flood wait a repeated flood grows to; default 300 s. */
  maxFloodWaitSec?: number;
}

export interface FakeTelegramOptions {
  /** Default "123456:TEST"; any other token is answered 401 Unauthorized. */
  token?: string;
  /** Default 123456; getMe and the `from` of every bot message use it. */
  botId?: number;
  /** Default "sinawai_test_bot". */
  botUsername?: string;
  /**
   * Round trip of every call except getUpdates; default 0. Half of it (± jitterMs) passes before the call executes
   * at "Telegram", the other half before the answer is written.
   */
  latencyMs?: number;
  /** Spread of the inbound half of the latency, drawn uniformly from [max(0, latencyMs/2 − jitterMs), latencyMs/2 + jitterMs]; default 0. */
  jitterMs?: number;
  /** Seed of the jitter's random source, to replay an arrival order; default a random one. */
  jitterSeed?: number;
  /**
   * Flood control on send/copy/forward/edit methods and the topic methods that post into a group, stricter than
   * Telegram's (see FloodLimits); off by default.
   * Refusals are answered 429 and recorded in floodLog.
   */
  enforceLimits?: boolean | FloodLimits;
  /** Default 0 (a random free port); a fixed port lets a test restart "Telegram" where the bot expects it. */
  port?: number;
  /** Methods this Bot API lacks (as an older emulator might): they answer 404 Not Found like an unknown method. */
  missingMethods?: string[];
}

/** A 429 the fake answered. */
export interface FloodRecord {
  /** preciseNow() when the request executed and was refused; a flood wait runs from here. */
  at: number;
  method: string;
  chatId: number | undefined;
  retryAfter: number;
  /** window: a rolling window was full; flood-wait: asked again before an earlier 429's wait had passed; injected: a fault. */
  reason: "window" | "flood-wait" | "injected";
  /** Whose limit refused: the bot's overall one or the chat's; undefined for an injected 429. */
  scope?: "global" | "chat";
}

/** An uploaded multipart file as the bot sent it. */
export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
  data: Buffer;
}

export interface RecordedCall {
  method: string;
  /** Decoded parameters: numbers, booleans and JSON objects/arrays parsed back; free text left as sent. */
  params: Record<string, unknown>;
  files: RecordedFile[];
  /** Date.now() when the request had fully arrived. */
  at: number;
  /** The moment of `at` on the preciseNow() clock, for timings finer than a millisecond. */
  arrivedAt: number;
  /**
   * preciseNow() when the call took effect at "Telegram", after the inbound half of the latency: its ids, flood
   * limits and storage happen then (an injected fault answers then). Undefined for getUpdates, and for a call dropped,
   * hung or cut off before that moment.
   */
  executedAt?: number;
  /** preciseNow() when the answer was written; undefined while unanswered, and for a dropped, hung or abandoned request. */
  answeredAt?: number;
  /** HTTP status answered; 0 while unanswered, and for a dropped, hung or abandoned request. */
  status: number;
  /** The JSON envelope answered (a raw-body fault's text when it is not JSON); undefined when there was none. */
  response: unknown;
}

/** A forum topic as the fake holds it, General included; FakeTelegram.topicsOf lists them. */
export interface TopicInfo {
  /** The message_thread_id of its messages: the id of its forum_topic_created message; 1 for General, whose messages carry none. */
  threadId: number;
  name: string;
  iconColor: number;
  iconCustomEmojiId?: string;
  closed: boolean;
  /** A deleted topic keeps its entry, so a test can tell it from one that never was; its messages are gone. */
  deleted: boolean;
  /** The user (or bot) who opened it; undefined for General. */
  createdBy?: number;
}

/** A message as the fake holds it; the same object shape Telegram returns. */
export type StoredMessage = Message;

/**
 * An update to inject: any Update variant, with update_id optional. Written out per variant because
 * `Omit<Update, "update_id">` on the union would keep no keys at all and accept anything.
 */
export type UpdateInput = Update extends infer U
  ? U extends { update_id: number }
    ? Omit<U, "update_id"> & { update_id?: number }
    : never
  : never;

export type Fault =
  | { status: 429; retryAfter: number }
  | { status: 500 | 502 }
  | { status: 400 | 403; description: string }
  /** Any status with a body that is not Telegram's envelope, as a proxy or a broken gateway answers; contentType defaults to application/json. */
  | { status: number; body: string; contentType?: string }
  /** Destroy the socket without answering. With `processed`, the call takes effect first: the answer is what is lost. */
  | { drop: true; processed?: boolean }
  /** Never answer; the connection is closed by stop(). */
  | { hang: true };

export type FaultMatch = string | ((c: { method: string; params: Record<string, unknown> }) => boolean);
