// Burst: many users send /tentang at the same moment; how long until all are answered, against the bound that
// Telegram's overall window (30 messages in any second) sets, counting what it already held when the burst began,
// and how many requests Telegram refused with 429.
import type { User } from "node-telegram-bot-api";
import type { FakeTelegram } from "../../test/support/fake-telegram.js";
import { TELEGRAM_FLOOD_LIMITS } from "../../test/support/fake-telegram/flood-control.js";
import { preciseNow } from "../../test/support/fake-telegram/precise-clock.js";
import type { BotProcess } from "../bot-process.js";
import { figure, type Figure } from "../figures.js";
import { heldDelayMs } from "../window-bound.js";
import { callsWithin, count429s, isDeliveryTo, timeUntilLast, untilPolling } from "../telegram.js";

const GLOBAL_WINDOW = TELEGRAM_FLOOD_LIMITS.global[0]!;

export interface BurstResult {
  figures: Figure[];
  drainS: number;
}

export async function burstScenario(fake: FakeTelegram, bot: BotProcess, users: readonly User[], latencyMs: number): Promise<BurstResult> {
  await untilPolling(fake, bot);
  const refused = count429s("burst", fake);
  const held = fake.countedSends(undefined);
  const sentAt = preciseNow();
  for (const user of users) fake.userSays(user, "/tentang");
  // Room for a bot that answers one update at a time, as the baseline does.
  const timeoutMs = 60_000 + users.length * (latencyMs + 50);
  const answered = isDeliveryTo(new Set(users.map((u) => u.id)));
  const replies = await callsWithin(fake, bot, (c) => c.arrivedAt >= sentAt && answered(c), users.length, timeoutMs);
  const { seconds: drainS, note } = timeUntilLast(replies, users.length, sentAt, timeoutMs, `${users.length} users send /tentang at once → the last answer arrives at Telegram`);
  const perSec = GLOBAL_WINDOW.count / (GLOBAL_WINDOW.windowMs / 1000);
  // The scenario before (one command at a time) may have sent within the last second: the burst cannot use those slots.
  const delayS = heldDelayMs(held, users.length, GLOBAL_WINDOW, sentAt) / 1000;
  const boundS = users.length / perSec + delayS;
  const recent = held.filter((t) => t > sentAt - GLOBAL_WINDOW.windowMs).length;
  return {
    drainS,
    figures: [
      figure("burst.drain_s", drainS, { digits: 2, note }),
      figure("burst.bound_s", boundS, {
        digits: 2,
        note:
          `${users.length} messages / ${perSec} per s (Telegram's overall limit)` +
          (delayS > 0 ? ` + ${delayS.toFixed(2)} s: the overall window already held ${recent} sends of the last second when the burst began` : "; the overall window was empty when the burst began"),
      }),
      figure("burst.drain_ratio", drainS / boundS, { digits: 2, target: { op: "≤", value: 1.1 } }),
      refused(),
    ],
  };
}
