// Registration: employees send `/daftar NIP PASSWORD` with their right password at the same moment. Each check runs
// scrypt, which holds 16 MiB while it runs, so this is where the bot's memory peaks; how high, and were all registered.
import type { User } from "node-telegram-bot-api";
import { findByTelegramId } from "../../src/db/pengguna-repo.js";
import type { Db } from "../../src/db/database.js";
import type { FakeTelegram } from "../../test/support/fake-telegram.js";
import { preciseNow } from "../../test/support/fake-telegram/precise-clock.js";
import type { BotProcess } from "../bot-process.js";
import { figure, type Figure } from "../figures.js";
import { callsWithin, count429s, isDeliveryTo, timeUntilLast, untilPolling } from "../telegram.js";

export interface Registrant {
  user: User;
  nip: string;
  password: string;
}

const ANSWER_TIMEOUT_MS = 60_000;

export async function registrationScenario(fake: FakeTelegram, bot: BotProcess, db: Db, registrants: readonly Registrant[]): Promise<Figure[]> {
  await untilPolling(fake, bot);
  const refused = count429s("daftar", fake);
  const sentAt = preciseNow();
  for (const { user, nip, password } of registrants) fake.userSays(user, `/daftar ${nip} ${password}`);
  const answered = isDeliveryTo(new Set(registrants.map((r) => r.user.id)));
  const answers = await callsWithin(fake, bot, (c) => c.arrivedAt >= sentAt && answered(c), registrants.length, ANSWER_TIMEOUT_MS);
  const last = timeUntilLast(answers, registrants.length, sentAt, ANSWER_TIMEOUT_MS, `${registrants.length} employees send /daftar NIP PASSWORD at once → the last answer arrives at Telegram`);
  // VmHWM is the process's peak over its life: this group's bot did nothing before but start.
  const peak = bot.peakRssMb();
  const bound = await Promise.all(registrants.map(async (r) => (await findByTelegramId(db, r.user.id))?.nip === r.nip));
  return [
    figure("daftar.answered_s", last.seconds, { digits: 2, note: last.note }),
    figure("daftar.registered", bound.filter(Boolean).length, {
      digits: 0,
      target: { op: "=", value: registrants.length },
      note: "employees whose Telegram account the database binds to their NIP afterwards",
    }),
    figure("daftar.peak_rss_mb", peak ?? Number.NaN, {
      target: { op: "≤", value: 150 },
      note: peak === undefined ? "/proc/<pid>/status was not readable" : "VmHWM of the bot process (started for this scenario alone), read once all were answered",
    }),
    refused(),
  ];
}
