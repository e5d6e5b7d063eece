// Burst: many users send /tentang at the same moment; how long until all are answered, against the bound that
// Telegram's 30 messages a second sets, and how many requests Telegram refused with 429.
import type { User } from "node-telegram-bot-api";
import type { FakeTelegram } from "../../test/support/fake-telegram.js";
import { preciseNow } from "../../test/support/fake-telegram/precise-clock.js";
import type { BotProcess } from "../bot-process.js";
import { figure, type Figure } from "../figures.js";
import { isDeliveryTo, untilPolling, waitForCalls } from "../telegram.js";

const GLOBAL_PER_SEC = 30;

export interface BurstResult {
  figures: Figure[];
  drainS: number;
}

export async function burstScenario(fake: FakeTelegram, bot: BotProcess, users: readonly User[], latencyMs: number): Promise<BurstResult> {
  await untilPolling(fake, bot);
  const refusedBefore = fake.count429;
  const sentAt = preciseNow();
  for (const user of users) fake.userSays(user, "/tentang");
  // Room for a bot that answers one update at a time, as the baseline does.
  const timeoutMs = 60_000 + users.length * (latencyMs + 50);
  const answered = isDeliveryTo(new Set(users.map((u) => u.id)));
  const replies = await waitForCalls(fake, bot, (c) => c.arrivedAt >= sentAt && answered(c), users.length, timeoutMs);
  const drainS = (Math.max(...replies.map((c) => c.arrivedAt)) - sentAt) / 1000;
  const boundS = users.length / GLOBAL_PER_SEC;
  return {
    drainS,
    figures: [
      figure("burst.drain_s", drainS, { digits: 2, note: `${users.length} users send /tentang at once → the last answer arrives at Telegram` }),
      figure("burst.bound_s", boundS, { digits: 2, note: `${users.length} messages / ${GLOBAL_PER_SEC} per s (Telegram's overall limit)` }),
      figure("burst.drain_ratio", drainS / boundS, { digits: 2, target: { op: "≤", value: 1.1 } }),
      figure("burst.429", fake.count429 - refusedBefore, { digits: 0, target: { op: "=", value: 0 } }),
    ],
  };
}
