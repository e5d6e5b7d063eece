// Idle: one user at a time sends a menu command; the bot's own time per update (p50, p95), and the first, cold one.
import type { User } from "node-telegram-bot-api";
import type { FakeTelegram } from "../../test/support/fake-telegram.js";
import type { BotProcess } from "../bot-process.js";
import { figure, type Figure } from "../figures.js";
import { timeEachAlone } from "../one-at-a-time.js";
import { median, percentile } from "../stats.js";
import { count429s } from "../telegram.js";

export const MENU_COMMANDS = ["/menu", "/start", "/bantuan", "/tentang", "/renbangkompeg", "/mutasi", "/jahdis", "/pengkinpeg", "/terkini", "/dokumen"];

/** Each user sends one command (so no chat's own limits come into it); the first `warmup` are not counted. */
export async function idleScenario(fake: FakeTelegram, bot: BotProcess, users: readonly User[], commands: readonly string[], warmup: number): Promise<Figure[]> {
  const refused = count429s("idle", fake);
  const all = await timeEachAlone(fake, bot, users.map((user, i) => ({ user, text: commands[i % commands.length]! })));
  const samples = all.slice(warmup);
  const p95 = percentile(samples, 95);
  return [
    figure("idle.p50_ms", median(samples), { samples }),
    figure("idle.p95_ms", p95, {
      target: { op: "≤", value: 15 },
      note: `${samples.length} commands (${commands.join(" ")} in turn), one at a time, after ${warmup} warm-up ones; update leaving getUpdates → reply request arriving`,
    }),
    figure("idle.max_ms", Math.max(...samples)),
    figure("idle.first_update_ms", all[0]!, { note: "the first update after start (cold), one of the warm-up ones" }),
    refused(),
  ];
}
