// One busy employee: a registered employee sends message after message (every one a follow-up to their ticket, each
// headed for the staff group), then other employees ask one question each. Their questions must not wait behind the
// busy one's backlog: how long until all are in the staff group.
import type { User } from "node-telegram-bot-api";
import type { FakeTelegram } from "../../test/support/fake-telegram.js";
import { preciseNow } from "../../test/support/fake-telegram/precise-clock.js";
import type { BotProcess } from "../bot-process.js";
import type { Figure } from "../figures.js";
import { count429s, untilPolling } from "../telegram.js";
import { askedOnce, timeUntilInGroup } from "./later-questions.js";

/** 200 messages in a minute in the full run. */
export const BUSY_INTERVAL_MS = 300;

export async function busyEmployeeScenario(fake: FakeTelegram, bot: BotProcess, busy: User, messages: number, others: readonly User[]): Promise<Figure[]> {
  await untilPolling(fake, bot);
  const refused = count429s("busy", fake);
  for (let i = 1; i <= messages; i++) {
    fake.userSays(busy, `[sibuk-${i}] Maaf, saya tambahkan lagi: mohon dicek juga berkas nomor ${i}.`);
    // Pacing the employee's typing is what this scenario is about; the bot gets no say in it.
    if (i < messages) await new Promise((resolve) => setTimeout(resolve, BUSY_INTERVAL_MS));
  }
  const askedAt = preciseNow();
  const markers = askedOnce(fake, others, "antre");
  return [
    await timeUntilInGroup(fake, bot, markers, askedAt, {
      name: "busy.others_in_group_s",
      note: `one employee sent ${messages} messages, one every ${BUSY_INTERVAL_MS} ms; right after the last, ${others.length} others ask one question each → the last of theirs arrives in the staff group`,
    }),
    refused(),
  ];
}
