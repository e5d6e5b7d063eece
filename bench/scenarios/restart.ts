// Questions right after a restart: the previous bot process had just posted into the staff group, so its window is
// partly full when the new process starts; the new one must not post as if it were empty.
import type { User } from "node-telegram-bot-api";
import type { Figure } from "../figures.js";
import { insertPastPosts } from "../seed-rows.js";
import type { SinawaiGroup } from "../sinawai-group.js";
import { STAFF_GROUP } from "../telegram.js";
import { questionsScenario } from "./questions.js";

/** How many posts the previous process made into the group, and over how long before it stopped. */
export const PREVIOUS_POSTS = 15;
const PREVIOUS_SPREAD_MS = 10_000;

/**
 * Stops the running bot; counts PREVIOUS_POSTS posts into the group's window at Telegram as if the stopped process
 * had made them over its last PREVIOUS_SPREAD_MS, and logs them in `pesan` as that process would have; starts the bot
 * again and runs the questions at once.
 */
export async function restartQuestionsScenario(g: SinawaiGroup, employees: readonly User[]): Promise<Figure[]> {
  await g.stopBot();
  g.fake.prefillWindow(STAFF_GROUP.id, PREVIOUS_POSTS, { spreadMs: PREVIOUS_SPREAD_MS });
  // The fake's clock (performance.timeOrigin + performance.now()) and the bot's (Date.now()) agree to a millisecond or so.
  await insertPastPosts(g.db(), STAFF_GROUP.id, g.fake.countedSends(STAFF_GROUP.id));
  await g.startBot();
  return questionsScenario(g.fake, g.bot, employees, "restart_questions");
}
