// Questions that come behind trouble (a busy employee, a question that cannot be delivered): each employee asks one,
// and the figure is how long until every one of them is in the staff group.
import type { User } from "node-telegram-bot-api";
import type { FakeTelegram } from "../../test/support/fake-telegram.js";
import type { BotProcess } from "../bot-process.js";
import { figure, type Figure } from "../figures.js";
import { firstPostsOf, STAFF_GROUP, timeUntilLast } from "../telegram.js";

const TARGET_S = 60;
/** Long enough to see by how much a slow bot misses the target, short enough that a stuck one does not hold the bench. */
const GIVE_UP_MS = 2 * TARGET_S * 1000;

/** Each user asks one question carrying its own marker, e.g. "[antre-700000003]"; returns the markers in order. */
export function askedOnce(fake: FakeTelegram, users: readonly User[], tag: string): string[] {
  return users.map((user) => {
    const marker = `[${tag}-${user.id}]`;
    fake.userSays(user, `${marker} Selamat siang, mohon info jadwal pelantikan jabatan fungsional bulan ini.`);
    return marker;
  });
}

/** Seconds from `askedAt` until a post carrying each marker arrived in the staff group; target ≤ 60 s. */
export async function timeUntilInGroup(
  fake: FakeTelegram,
  bot: BotProcess,
  markers: readonly string[],
  askedAt: number,
  { name, note }: { name: string; note: string },
): Promise<Figure> {
  const posts = await firstPostsOf(fake, bot, STAFF_GROUP.id, markers, GIVE_UP_MS);
  const last = timeUntilLast(posts, markers.length, askedAt, GIVE_UP_MS, note);
  return figure(name, last.seconds, { digits: 2, target: { op: "≤", value: TARGET_S }, note: last.note });
}
