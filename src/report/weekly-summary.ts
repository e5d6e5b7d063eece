// The query side of /statistik: the figures of the last 7 days (today included, WIB), written as the summary text.
import type { Db } from "../db/database.js";
import { collectFigures } from "./figures.js";
import { lastDays } from "./period.js";
import type { AnswerTarget } from "./ticket-figures.js";
import { formatWeeklySummary } from "./weekly-summary-text.js";

export const SUMMARY_DAYS = 7;

/** Telegram HTML for the staff group; every name from the data is escaped. */
export async function weeklySummary(db: Db, now: number, target: AnswerTarget): Promise<string> {
  return formatWeeklySummary(await collectFigures(db, lastDays(now, SUMMARY_DAYS), now, target));
}
