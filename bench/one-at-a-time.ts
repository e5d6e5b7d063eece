// The bot's own time per update on an otherwise idle bot: users write one at a time, and each sample runs from the
// moment the update left getUpdates to the arrival of the bot's first message in that user's chat.
import type { User } from "node-telegram-bot-api";
import type { FakeTelegram } from "../test/support/fake-telegram.js";
import { preciseNow } from "../test/support/fake-telegram/precise-clock.js";
import type { BotProcess } from "./bot-process.js";
import { isDeliveryTo, untilPolling, waitForCalls } from "./telegram.js";

export interface Ask {
  user: User;
  text: string;
}

/** Time for what follows an answer (logging it, marking the update done) to finish before the next update comes. */
const QUIET_MS = 30;
const ANSWER_TIMEOUT_MS = 15_000;

/** One sample (ms) per ask, in order. */
export async function timeEachAlone(fake: FakeTelegram, bot: BotProcess, asks: readonly Ask[]): Promise<number[]> {
  const samples: number[] = [];
  for (const { user, text } of asks) {
    await untilPolling(fake, bot);
    const pushedAt = preciseNow();
    const update = fake.userSays(user, text);
    const delivered = isDeliveryTo(user.id);
    const [reply] = await waitForCalls(fake, bot, (c) => c.arrivedAt >= pushedAt && delivered(c), 1, ANSWER_TIMEOUT_MS);
    const left = fake.deliveredAt(update.update_id);
    if (reply === undefined || left === undefined) throw new Error(`no timing for ${text} from ${user.id}`);
    samples.push(reply.arrivedAt - left);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  }
  return samples;
}
