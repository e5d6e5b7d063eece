// The Telegram side of the bench: the fake Bot API with latency, jitter and strict flood limits, the staff group, and
// the waits, timings and 429 counts the scenarios read from it. All times are on the fake's preciseNow() clock.
import type { Chat } from "node-telegram-bot-api";
import { FakeTelegram, type RecordedCall } from "../test/support/fake-telegram.js";
import { isFloodLimited } from "../test/support/fake-telegram/flood-control.js";
import type { FloodRecord } from "../test/support/fake-telegram/types.js";
import { makeGroup } from "../test/support/updates.js";
import type { BotProcess } from "./bot-process.js";
import { figure, type Figure } from "./figures.js";
import type { Network } from "./options.js";

/** Shaped like a real token: the bot's configuration refuses anything else. */
export const BOT_TOKEN = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
export const STAFF_GROUP: Chat = makeGroup(-1001234567890, "OSDM Layanan");

export async function startTelegram({ latencyMs, jitterMs }: Network): Promise<FakeTelegram> {
  const fake = await FakeTelegram.start({ token: BOT_TOKEN, latencyMs, jitterMs, enforceLimits: true });
  fake.knowChat(STAFF_GROUP);
  return fake;
}

/** A message the bot got into one of the chats: a send, copy, forward or edit that Telegram accepted. */
export function isDeliveryTo(chats: number | ReadonlySet<number>): (c: RecordedCall) => boolean {
  const wanted = typeof chats === "number" ? new Set([chats]) : chats;
  return (c) => c.status === 200 && isFloodLimited(c.method) && typeof c.params.chat_id === "number" && wanted.has(c.params.chat_id);
}

/** A message the bot got into `chatId` whose text or caption contains `marker`. */
export function isPostContaining(chatId: number, marker: string): (c: RecordedCall) => boolean {
  const delivered = isDeliveryTo(chatId);
  return (c) => delivered(c) && textOf(c).includes(marker);
}

/** The text or caption a call carried; "" when it carried neither. */
export function textOf(c: Pick<RecordedCall, "params">): string {
  const { text, caption } = c.params;
  return [text, caption].filter((t): t is string => typeof t === "string").join("\n");
}

/** Start counting the 429s the fakes answer; the function returned gives them as the figure `<name>.429`, target 0. */
export function count429s(name: string, ...fakes: FakeTelegram[]): () => Figure {
  const before = fakes.map((f) => f.floodLog.length);
  return () => {
    const refused = fakes.flatMap((f, i) => f.floodLog.slice(before[i]));
    const shown = refused.slice(0, 3).map(describe429).join("; ");
    return figure(`${name}.429`, refused.length, {
      digits: 0,
      target: { op: "=", value: 0 },
      ...(refused.length > 0 ? { note: `e.g. ${shown}${refused.length > 3 ? "; …" : ""}` } : {}),
    });
  };
}

function describe429(r: FloodRecord): string {
  return `${r.method} to ${r.chatId ?? "?"}: retry_after ${r.retryAfter} (${r.reason}${r.scope ? `, ${r.scope} limit` : ""})`;
}

/** Waits until `done()` holds, checking every few ms; fails early with the bot's last words if the bot has exited. */
export async function until(what: string, done: () => boolean, bot: BotProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (!bot.running) throw new Error(`the bot exited while the bench waited for ${what}:\n${bot.output()}`);
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}; the bot printed:\n${bot.output() || "(nothing)"}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Milliseconds from spawning the bot to its first getUpdates reaching Telegram. */
export async function timeToFirstPoll(fake: FakeTelegram, bot: BotProcess, timeoutMs = 60_000): Promise<number> {
  const first = () => fake.callsOf("getUpdates").find((c) => c.arrivedAt >= bot.startedAt);
  await until("the first getUpdates", () => first() !== undefined, bot, timeoutMs);
  return first()!.arrivedAt - bot.startedAt;
}

/** Resolves when the bot has a getUpdates held open, i.e. it has taken everything and waits for more. */
export function untilPolling(fake: FakeTelegram, bot: BotProcess, timeoutMs = 30_000): Promise<void> {
  return until("the bot to poll again", () => fake.isPolling(), bot, timeoutMs);
}

/**
 * Waits for `count` calls matching; when they have not all come within `timeoutMs`, returns those that have, so that
 * a slow bot yields a figure instead of stopping the bench. A bot that exits still stops it.
 */
export async function callsWithin(fake: FakeTelegram, bot: BotProcess, pred: (c: RecordedCall) => boolean, count: number, timeoutMs: number): Promise<RecordedCall[]> {
  try {
    return await fake.waitForCalls(pred, count, timeoutMs);
  } catch {
    if (!bot.running) throw new Error(`the bot exited while the bench waited for its messages:\n${bot.output()}`);
    return fake.calls.filter((c) => c.status !== 0 && pred(c));
  }
}

/** The first post containing each marker in `chatId`, or those of them that came within `timeoutMs` (see callsWithin). */
export async function firstPostsOf(fake: FakeTelegram, bot: BotProcess, chatId: number, markers: readonly string[], timeoutMs: number): Promise<RecordedCall[]> {
  const settled = await Promise.allSettled(markers.map((m) => fake.waitForCall(isPostContaining(chatId, m), timeoutMs)));
  if (!bot.running) throw new Error(`the bot exited while the bench waited for posts in ${chatId}:\n${bot.output()}`);
  return settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
}

/**
 * Seconds from `since` until the last of `expected` calls reached Telegram, with a note saying so; NaN, and a note
 * saying how many came, when fewer than expected came within `timeoutMs`.
 */
export function timeUntilLast(calls: readonly RecordedCall[], expected: number, since: number, timeoutMs: number, what: string): { seconds: number; note: string } {
  if (calls.length < expected) return { seconds: Number.NaN, note: `${what}; only ${calls.length} of ${expected} within ${Math.round(timeoutMs / 1000)} s` };
  return { seconds: (Math.max(...calls.map((c) => c.executedAt ?? c.arrivedAt)) - since) / 1000, note: what };
}

/** Waits for `count` calls matching, naming the bot's output when they do not come. */
export async function waitForCalls(fake: FakeTelegram, bot: BotProcess, pred: (c: RecordedCall) => boolean, count: number, timeoutMs: number): Promise<RecordedCall[]> {
  try {
    return await fake.waitForCalls(pred, count, timeoutMs);
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}\nThe bot printed:\n${bot.output() || "(nothing)"}`);
  }
}
