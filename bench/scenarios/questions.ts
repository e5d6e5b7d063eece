// Questions: employees ask at the same moment; how long until every question is in the staff group, against the
// earliest the group's window allows (counting what it already held when they asked), and how soon each employee got
// the acknowledgement.
import type { User } from "node-telegram-bot-api";
import type { FakeTelegram } from "../../test/support/fake-telegram.js";
import { TELEGRAM_FLOOD_LIMITS } from "../../test/support/fake-telegram/flood-control.js";
import { preciseNow } from "../../test/support/fake-telegram/precise-clock.js";
import type { RollingLimit } from "../../test/support/fake-telegram/types.js";
import { earliestLastArrivalMs } from "../window-bound.js";
import type { BotProcess } from "../bot-process.js";
import { figure, type Figure } from "../figures.js";
import { median, percentile } from "../stats.js";
import { callsWithin, count429s, isDeliveryTo, STAFF_GROUP, timeUntilLast, untilPolling } from "../telegram.js";

const GROUP_WINDOW: RollingLimit = TELEGRAM_FLOOD_LIMITS.group[0]!;

const QUESTIONS = [
  "Selamat pagi, saya ingin menanyakan status usulan kenaikan pangkat saya periode April.",
  "Mohon informasi, kapan tunjangan kinerja bulan ini dibayarkan?",
  "Bagaimana cara mengajukan cuti besar dan berapa lama prosesnya?",
  "Data jabatan saya di aplikasi masih yang lama, mohon diperbarui.",
];

/** `name` prefixes the figures: "questions", or e.g. "restart_questions" for the same after a restart. */
export async function questionsScenario(fake: FakeTelegram, bot: BotProcess, employees: readonly User[], name = "questions"): Promise<Figure[]> {
  await untilPolling(fake, bot);
  const refused = count429s(name, fake);
  const held = fake.countedSends(STAFF_GROUP.id);
  const askedAt = preciseNow();
  employees.forEach((user, i) => fake.userSays(user, QUESTIONS[i % QUESTIONS.length]!));
  const boundS = earliestLastArrivalMs(held, employees.length, GROUP_WINDOW, askedAt) / 1000;
  const timeoutMs = (boundS + 60) * 1000;
  const inGroup = isDeliveryTo(STAFF_GROUP.id);
  const acknowledged = isDeliveryTo(new Set(employees.map((u) => u.id)));
  const [posted, acks] = await Promise.all([
    callsWithin(fake, bot, (c) => c.arrivedAt >= askedAt && inGroup(c), employees.length, timeoutMs),
    callsWithin(fake, bot, (c) => c.arrivedAt >= askedAt && acknowledged(c), employees.length, timeoutMs),
  ]);
  const drain = timeUntilLast(posted, employees.length, askedAt, timeoutMs, `${employees.length} employees ask at once → the last question arrives in the staff group`);
  const drainS = drain.seconds;
  const ackMs = acks.map((c) => c.executedAt! - askedAt);
  const ackNote = "question sent → the employee's acknowledgement arrives at Telegram";
  // With an employee not acknowledged at all, the p95 is not met whatever the others' times.
  const unacknowledged = employees.length - acks.length;
  const windowS = GROUP_WINDOW.windowMs / 1000;
  const before =
    held.length === 0
      ? "the window was empty when they asked"
      : `the window already held ${held.length} sends when they asked (the oldest ${((askedAt - held[0]!) / 1000).toFixed(1)} s old), so ` +
        `${Math.max(0, GROUP_WINDOW.count - held.length)} could go at once and the rest as those aged out`;
  return [
    figure(`${name}.group_drain_s`, drainS, { digits: 2, note: drain.note }),
    figure(`${name}.group_bound_s`, boundS, {
      digits: 0,
      note:
        `Telegram lets ${GROUP_WINDOW.count} messages into a group in any ${windowS} s: message k no earlier than ${windowS} s after ` +
        `message k−${GROUP_WINDOW.count}; ${before}; so the ${employees.length}th no earlier than ${boundS.toFixed(1)} s after they asked`,
    }),
    boundS > 0
      ? figure(`${name}.group_ratio`, drainS / boundS, { digits: 2, target: { op: "≤", value: 1.1 } })
      : figure(`${name}.group_ratio`, Number.NaN, { note: `not applicable: ${employees.length} questions fit in the window at once (the full run asks 40)` }),
    figure(`${name}.ack_p50_ms`, ackMs.length > 0 ? median(ackMs) : Number.NaN, { samples: ackMs }),
    figure(`${name}.ack_p95_ms`, unacknowledged > 0 ? Number.NaN : percentile(ackMs, 95), {
      target: { op: "≤", value: 1500 },
      note: unacknowledged > 0 ? `${ackNote}; ${unacknowledged} of ${employees.length} not acknowledged within ${Math.round(timeoutMs / 1000)} s` : ackNote,
    }),
    refused(),
  ];
}
