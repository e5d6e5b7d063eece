// Questions: employees ask at the same moment; how long until every question is in the staff group, against the
// bound of Telegram's 20 messages a minute per group, and how soon each employee got the acknowledgement.
import type { User } from "node-telegram-bot-api";
import type { FakeTelegram } from "../../test/support/fake-telegram.js";
import { preciseNow } from "../../test/support/fake-telegram/precise-clock.js";
import type { BotProcess } from "../bot-process.js";
import { figure, type Figure } from "../figures.js";
import { median, percentile } from "../stats.js";
import { isDeliveryTo, STAFF_GROUP, untilPolling, waitForCalls } from "../telegram.js";

const GROUP_PER_WINDOW = 20;
const WINDOW_S = 60;

const QUESTIONS = [
  "Selamat pagi, saya ingin menanyakan status usulan kenaikan pangkat saya periode April.",
  "Mohon informasi, kapan tunjangan kinerja bulan ini dibayarkan?",
  "Bagaimana cara mengajukan cuti besar dan berapa lama prosesnya?",
  "Data jabatan saya di aplikasi masih yang lama, mohon diperbarui.",
];

export async function questionsScenario(fake: FakeTelegram, bot: BotProcess, employees: readonly User[]): Promise<Figure[]> {
  await untilPolling(fake, bot);
  const refusedBefore = fake.count429;
  const askedAt = preciseNow();
  employees.forEach((user, i) => fake.userSays(user, QUESTIONS[i % QUESTIONS.length]!));
  // Message k (from 0) may go out no earlier than WINDOW_S × floor(k / 20) after the first: 20 in any window.
  const windowsAfterFirst = Math.ceil(employees.length / GROUP_PER_WINDOW) - 1;
  const boundS = WINDOW_S * windowsAfterFirst;
  const timeoutMs = (boundS + 60) * 1000;
  const inGroup = isDeliveryTo(STAFF_GROUP.id);
  const acknowledged = isDeliveryTo(new Set(employees.map((u) => u.id)));
  const [posted, acks] = await Promise.all([
    waitForCalls(fake, bot, (c) => c.arrivedAt >= askedAt && inGroup(c), employees.length, timeoutMs),
    waitForCalls(fake, bot, (c) => c.arrivedAt >= askedAt && acknowledged(c), employees.length, timeoutMs),
  ]);
  const drainS = (Math.max(...posted.map((c) => c.arrivedAt)) - askedAt) / 1000;
  const ackMs = acks.map((c) => c.arrivedAt - askedAt);
  return [
    figure("questions.group_drain_s", drainS, { digits: 2, note: `${employees.length} employees ask at once → the last question arrives in the staff group` }),
    figure("questions.group_bound_s", boundS, {
      digits: 0,
      note:
        `Telegram lets ${GROUP_PER_WINDOW} messages into a group in any ${WINDOW_S} s: messages 1–${GROUP_PER_WINDOW} may go at 0 s, ` +
        `message k no earlier than ${WINDOW_S} s after message k−${GROUP_PER_WINDOW}; so the ${employees.length}th no earlier than ${boundS} s after the first`,
    }),
    windowsAfterFirst > 0
      ? figure("questions.group_ratio", drainS / boundS, { digits: 2, target: { op: "≤", value: 1.1 } })
      : figure("questions.group_ratio", Number.NaN, { note: `not applicable: ${employees.length} questions fit in one window (the full run asks 40)` }),
    figure("questions.ack_p50_ms", median(ackMs), { samples: ackMs }),
    figure("questions.ack_p95_ms", percentile(ackMs, 95), { target: { op: "≤", value: 1500 }, note: "question sent → the employee's acknowledgement arrives at Telegram" }),
    figure("questions.429", fake.count429 - refusedBefore, { digits: 0 }),
  ];
}
