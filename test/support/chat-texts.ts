// What the bot has written into a chat, as the tests read it: its n-th message, once it is there.
import type { FakeTelegram } from "./fake-telegram.js";

/** The texts (or captions) of the bot's messages in a chat, oldest first. */
function textsIn(fake: FakeTelegram, chatId: number): string[] {
  return fake.messagesIn(chatId).map((m) => m.text ?? m.caption ?? "");
}

/** Waits until the bot's `count`-th message into a chat has been accepted, and returns its text. */
export async function nthText(fake: FakeTelegram, chatId: number, count: number): Promise<string> {
  await fake.waitForCalls((c) => c.method === "sendMessage" && c.params.chat_id === chatId && c.status === 200, count);
  return textsIn(fake, chatId)[count - 1]!;
}
