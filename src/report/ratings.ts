// Employees' ratings of their closed tickets: the summary of a set of scores, and the comments laid out by week with
// nothing beside them that could name their writers.
import type { TicketComment } from "../db/report-queries.js";
import type { Period } from "./period.js";

/** The scale of the rating request sent when a ticket closes: 1 (sangat kurang) to 5 (sangat baik). */
export const RATING_SCALE = [1, 2, 3, 4, 5] as const;

export interface RatingSummary {
  count: number;
  /** The mean score; null without ratings. */
  average: number | null;
  /** How many ratings of 1, 2, 3, 4 and 5: index 0 counts the 1s. */
  distribution: number[];
}

export function ratingSummary(scores: readonly number[]): RatingSummary {
  return {
    count: scores.length,
    average: scores.length === 0 ? null : scores.reduce((sum, s) => sum + s, 0) / scores.length,
    distribution: RATING_SCALE.map((score) => scores.filter((s) => s === score).length),
  };
}

export interface WeekComment {
  /** The week of the ticket's question: the only time shown with a comment. */
  week: Pick<Period, "from" | "to">;
  rating: number | null;
  text: string;
}

/**
 * Every comment with words, under the week it belongs to; within a week the lowest ratings first (what needs
 * attention), then alphabetically, never in the order written, which could be matched to a ticket.
 */
export function commentsByWeek(comments: readonly TicketComment[], weeks: readonly Period[]): WeekComment[] {
  return comments
    .map((c) => ({ index: weeks.findIndex((w) => c.asked >= w.start && c.asked < w.end), rating: c.rating, text: c.text.trim() }))
    .filter((c) => c.index >= 0 && c.text !== "")
    .sort((a, b) => a.index - b.index || (a.rating ?? 6) - (b.rating ?? 6) || a.text.localeCompare(b.text, "id"))
    .map((c) => ({ week: { from: weeks[c.index]!.from, to: weeks[c.index]!.to }, rating: c.rating, text: c.text }));
}
