// The shapes a test sees of the fake Bot API: its options, the calls it recorded and the faults it can inject.
import type { Message, Update } from "node-telegram-bot-api";

export interface FloodLimits {
  globalPerSec?: number;
  privatePerSec?: number;
  privateBurst?: number;
  groupPerMinute?: number;
}

export interface FakeTelegramOptions {
  /** Default "123456:TEST"; any other token is answered 401 Unauthorized. */
  token?: string;
  /** Default 123456; getMe and the `from` of every bot message use it. */
  botId?: number;
  /** Default "sinawai_test_bot". */
  botUsername?: string;
  /** Delay before answering every call except getUpdates; default 0. */
  latencyMs?: number;
  /** Telegram-like flood control on send/copy/forward/edit methods; off by default. */
  enforceLimits?: boolean | FloodLimits;
  /** Default 0 (a random free port); a fixed port lets a test restart "Telegram" where the bot expects it. */
  port?: number;
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
  /** preciseNow() when the answer was written; undefined while unanswered, and for a dropped, hung or abandoned request. */
  answeredAt?: number;
  /** HTTP status answered; 0 while unanswered, and for a dropped, hung or abandoned request. */
  status: number;
  /** The JSON envelope answered, undefined when there was none. */
  response: unknown;
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
  /** Destroy the socket without answering. With `processed`, the call takes effect first: the answer is what is lost. */
  | { drop: true; processed?: boolean }
  /** Never answer; the connection is closed by stop(). */
  | { hang: true };

export type FaultMatch = string | ((c: { method: string; params: Record<string, unknown> }) => boolean);
