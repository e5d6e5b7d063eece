// Employee data: /datapribadi and /tunkin, timed one at a time as on the idle bot, on two bots side by side, one with
// an empty and one with a big database; the p95 of each compared.
import type { User } from "node-telegram-bot-api";
import type { FakeTelegram } from "../../test/support/fake-telegram.js";
import type { BotProcess } from "../bot-process.js";
import { figure, type Figure } from "../figures.js";
import { timeEachAlone } from "../one-at-a-time.js";
import { median, percentile } from "../stats.js";
import { count429s } from "../telegram.js";

const DATA_COMMANDS = ["datapribadi", "tunkin"] as const;

export type DataTimings = Record<(typeof DATA_COMMANDS)[number], number[]>;

export interface Side {
  fake: FakeTelegram;
  bot: BotProcess;
}

/**
 * Every ask goes to both bots in turn, first to one and at the next ask first to the other, so whatever else the
 * machine is doing falls on both alike. The warm-up users ask once each, unmeasured; then every user sends both
 * commands, in two passes with the order alternating, so a user's two messages are far apart (no chat limit applies).
 */
export async function timeEmployeeData(empty: Side, big: Side, warmUsers: readonly User[], users: readonly User[]): Promise<{ empty: DataTimings; big: DataTimings; refused: Figure }> {
  const refused = count429s("data", empty.fake, big.fake);
  const commandFor = (i: number) => DATA_COMMANDS[i % DATA_COMMANDS.length]!;
  const timings = { empty: noTimings(), big: noTimings() };
  const plan = [
    ...warmUsers.map((user, i) => ({ user, command: commandFor(i), measured: false })),
    ...[0, 1].flatMap((pass) => users.map((user, i) => ({ user, command: commandFor(i + pass), measured: true }))),
  ];
  for (const [i, { user, command, measured }] of plan.entries()) {
    for (const side of i % 2 === 0 ? (["empty", "big"] as const) : (["big", "empty"] as const)) {
      const { fake, bot } = side === "empty" ? empty : big;
      const [sample] = await timeEachAlone(fake, bot, [{ user, text: `/${command}` }]);
      if (measured) timings[side][command].push(sample!);
    }
  }
  return { ...timings, refused: refused() };
}

function noTimings(): DataTimings {
  return { datapribadi: [], tunkin: [] };
}

/** `big` describes the big database, e.g. "5000 employees and 1000000 pesan rows". */
export function compareDataTimings(empty: DataTimings, full: DataTimings, big: string): Figure[] {
  return DATA_COMMANDS.flatMap((command) => {
    const emptyP95 = percentile(empty[command], 95);
    const bigP95 = percentile(full[command], 95);
    return [
      figure(`data.${command}.empty_p50_ms`, median(empty[command]), { samples: empty[command] }),
      figure(`data.${command}.empty_p95_ms`, emptyP95),
      figure(`data.${command}.big_p50_ms`, median(full[command]), { samples: full[command] }),
      figure(`data.${command}.big_p95_ms`, bigP95),
      figure(`data.${command}.p95_ratio`, bigP95 / emptyP95, {
        digits: 2,
        target: { op: "≤", value: 1.2 },
        note: `/${command} p95 with ${big} ÷ p95 with only the employees who ask (${empty[command].length} samples each, asked of both bots in turn)`,
      }),
    ];
  });
}
