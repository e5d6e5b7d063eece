// The Telegram side of the bench: the fake Bot API with latency and Telegram's limits, the staff group, and the waits
// and timings the scenarios read from it. All times are on the fake's preciseNow() clock.
import type { Chat } from "node-telegram-bot-api";
import { FakeTelegram, type RecordedCall } from "../test/support/fake-telegram.js";
import { isFloodLimited } from "../test/support/fake-telegram/flood-control.js";
import { makeGroup } from "../test/support/updates.js";
import type { BotProcess } from "./bot-process.js";

/** Shaped like a real token: the bot's configuration refuses anything else. */
export const BOT_TOKEN = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
export const STAFF_GROUP: Chat = makeGroup(-1001234567890, "OSDM Layanan");

export async function startTelegram(latencyMs: number): Promise<FakeTelegram> {
  const fake = await FakeTelegram.start({ token: BOT_TOKEN, latencyMs, enforceLimits: true });
  fake.knowChat(STAFF_GROUP);
  return fake;
}

/** A message the bot got into one of the chats: a send, copy, forward or edit that Telegram accepted. */
export function isDeliveryTo(chats: number | ReadonlySet<number>): (c: RecordedCall) => boolean {
  const wanted = typeof chats === "number" ? new Set([chats]) : chats;
  return (c) => c.status === 200 && isFloodLimited(c.method) && typeof c.params.chat_id === "number" && wanted.has(c.params.chat_id);
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

/** Waits for `count` calls matching, naming the bot's output when they do not come. */
export async function waitForCalls(fake: FakeTelegram, bot: BotProcess, pred: (c: RecordedCall) => boolean, count: number, timeoutMs: number): Promise<RecordedCall[]> {
  try {
    return await fake.waitForCalls(pred, count, timeoutMs);
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}\nThe bot printed:\n${bot.output() || "(nothing)"}`);
  }
}
