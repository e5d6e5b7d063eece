// Gathers every figure of a report period from the database: the counts the queries make, laid out per day and per
// hour of the week, and the median and 90th percentile of the first-answer durations they select.
import type { Db } from "../db/database.js";
import {
  answersPerStaff,
  commandUse,
  firstAnswerTimes,
  messagesPerDay,
  messagesPerHourOfWeek,
  messageTotals,
  newRegistrations,
  oldestOpenTickets,
  openTicketAges,
  registrationPerUnit,
  responseClasses,
  suggestionTotals,
  ticketsClosedByGuide,
  ticketTotals,
  unmatchedQuestionWords,
  type GuideClosure,
  type MessageTotals,
  type OpenTicket,
  type OpenTicketClass,
  type StaffAnswers,
  type TicketTotals,
  type UnitRegistration,
} from "../db/report-queries.js";
import { median, percentile } from "./percentile.js";
import { dateOfDay, daysOf, weekdayOfDay, type Period } from "./period.js";
import { frequentWords, type WordCount } from "./unmatched-words.js";
import { classifyUsage, type Usage } from "./usage.js";

export interface DayFigures {
  /** YYYY-MM-DD, WIB. */
  date: string;
  /** 0 = Senin … 6 = Minggu. */
  weekday: number;
  automatic: number;
  free: number;
}

export interface Durations {
  median: number | null;
  p90: number | null;
}

export interface ReportFigures {
  period: Period;
  /** When the figures were taken: open-ticket ages and the registration snapshot are as of this moment. */
  madeAt: number;
  messages: MessageTotals;
  /** Every day of the period, quiet days included. */
  perDay: DayFigures[];
  /** Messages per [weekday 0 = Senin … 6 = Minggu][hour 0–23], WIB. */
  hourOfWeek: number[][];
  usage: Usage;
  tickets: {
    totals: TicketTotals;
    firstAnswer: Durations;
    /** Answered tickets per class of RESPONSE_CLASS_LIMITS. */
    responseClasses: number[];
    perStaff: (StaffAnswers & { median: number | null })[];
    /** Tickets still open at `madeAt`, per class of AGE_CLASS_LIMITS. */
    openByAge: OpenTicketClass[];
    openTotal: number;
    oldestOpen: OpenTicket[];
  };
  /** Answers before asking: guide topics offered with questions, opened, and closing tickets. */
  guides: {
    /** Questions and follow-ups with words that reached the staff (each searched in the guides). */
    searched: number;
    /** Of those, offered at least one guide topic. */
    offered: number;
    /** Tickets of the period their askers closed with a topic, per topic. */
    closedByGuide: GuideClosure[];
    /** The most frequent words of the questions nothing matched. */
    unmatchedWords: WordCount[];
  };
  registration: {
    /** Active employees per work unit, as of `madeAt`. */
    units: UnitRegistration[];
    active: number;
    registered: number;
    newInPeriod: number;
  };
}

/** How many of the oldest open tickets are listed by name. */
export const OLDEST_OPEN_LISTED = 10;
/** How many of the words of unmatched questions the report lists. */
export const UNMATCHED_WORDS_LISTED = 20;

export async function collectFigures(db: Db, period: Period, now: number): Promise<ReportFigures> {
  const until = Math.min(period.end, now);
  const [suggestions, closedByGuide, unmatched] = await Promise.all([
    suggestionTotals(db, period),
    ticketsClosedByGuide(db, period),
    unmatchedQuestionWords(db, period),
  ]);
  const [totals, days, hours, commands, ticketCounts, answers, classes, staff, openByAge, oldestOpen, units, newInPeriod] = await Promise.all([
    messageTotals(db, period),
    messagesPerDay(db, period),
    messagesPerHourOfWeek(db, period),
    commandUse(db, period),
    ticketTotals(db, period),
    firstAnswerTimes(db, period),
    responseClasses(db, period),
    answersPerStaff(db, period),
    openTicketAges(db, until, now),
    oldestOpenTickets(db, until, now, OLDEST_OPEN_LISTED),
    registrationPerUnit(db),
    newRegistrations(db, period),
  ]);

  const durations = answers.map((a) => a.duration);
  const usage = classifyUsage(commands);
  const byDay = new Map(days.map((d) => [d.day, d]));
  const hourOfWeek = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const h of hours) hourOfWeek[h.weekday]![h.hour] = h.messages;

  return {
    period,
    madeAt: now,
    messages: totals,
    perDay: daysOf(period).map((day) => ({
      date: dateOfDay(day),
      weekday: weekdayOfDay(day),
      automatic: byDay.get(day)?.automatic ?? 0,
      free: byDay.get(day)?.free ?? 0,
    })),
    hourOfWeek,
    usage,
    tickets: {
      totals: ticketCounts,
      firstAnswer: { median: median(durations), p90: percentile(durations, 90) },
      responseClasses: classes,
      perStaff: staff.map((s) => ({ ...s, median: median(answers.filter((a) => a.staffId === s.staffId).map((a) => a.duration)) })),
      openByAge,
      openTotal: openByAge.reduce((sum, c) => sum + c.tickets, 0),
      oldestOpen,
    },
    guides: {
      ...suggestions,
      closedByGuide,
      unmatchedWords: frequentWords(unmatched, UNMATCHED_WORDS_LISTED),
    },
    registration: {
      units,
      active: units.reduce((sum, u) => sum + u.active, 0),
      registered: units.reduce((sum, u) => sum + u.registered, 0),
      newInPeriod,
    },
  };
}
