// The one place that says what a failed Bot API call means. Every path that talks to Telegram (start-up, the
// update runner, direct answers, the outbox) branches on this value, never on an error's message text.
import { NetworkError, ParseError, TelegramApiError, TimeoutError } from "node-telegram-bot-api";

export type TelegramFailure =
  /** Telegram (or the way to it) is out, or answered something that is not the Bot API: may pass with time. */
  | { kind: "outage" }
  /** Too many requests: wait `retryAfterMs`, then go on at the sustained rate. */
  | { kind: "flood"; retryAfterMs: number }
  /** This chat will not take messages from the bot (blocked, kicked, deleted account, chat gone). */
  | { kind: "refused"; blocked: boolean }
  /**
   * This request will never pass as it is (a malformed message, a message to reply to that is gone…); `topic`: not
   * here, because its forum topic was deleted ("gone") or closed by hand: it may pass in a new or reopened topic.
   */
  | { kind: "bad-request"; topic?: "gone" | "closed" }
  /** The token is wrong or revoked, or the method does not exist on this server. */
  | { kind: "auth" }
  /** Not Telegram at all: a bug or a database error on our side. */
  | { kind: "internal" };

/** Telegram always sends retry_after with a 429; a server that does not is given a careful default. */
const DEFAULT_FLOOD_WAIT_MS = 5_000;

export function classifyFailure(err: unknown): TelegramFailure {
  if (err instanceof NetworkError || err instanceof TimeoutError || err instanceof ParseError) return { kind: "outage" };
  if (!(err instanceof TelegramApiError)) return { kind: "internal" };
  const code = err.errorCode;
  if (code === 429) return { kind: "flood", retryAfterMs: err.retryAfter !== undefined && err.retryAfter >= 0 ? err.retryAfter * 1000 : DEFAULT_FLOOD_WAIT_MS };
  if (code === 401 || code === 404) return { kind: "auth" };
  if (code === 403) return { kind: "refused", blocked: true };
  if (code === 400) return badRequest(err.description ?? "");
  // 5xx, and any code or body the Bot API does not define.
  return { kind: "outage" };
}

function badRequest(description: string): TelegramFailure {
  if (/chat not found|user is deactivated|bot was kicked|peer_id_invalid/i.test(description)) return { kind: "refused", blocked: false };
  // "TOPIC_DELETED" is what users report from a server whose cache is stale; the current one says "thread not found".
  if (/message thread not found|TOPIC_DELETED|TOPIC_ID_INVALID/i.test(description)) return { kind: "bad-request", topic: "gone" };
  if (/TOPIC_CLOSED/i.test(description)) return { kind: "bad-request", topic: "closed" };
  return { kind: "bad-request" };
}

/** Worth trying again later: Telegram is out, or asks us to slow down. */
export function isTransient(err: unknown): boolean {
  const { kind } = classifyFailure(err);
  return kind === "outage" || kind === "flood";
}

/** The wait Telegram asked for, if this is a flood wait. */
export function floodWaitMs(err: unknown): number | undefined {
  const failure = classifyFailure(err);
  return failure.kind === "flood" ? failure.retryAfterMs : undefined;
}
