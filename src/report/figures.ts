// Gathers every figure of a report period from the database: the counts the queries make, laid out per day and per
// hour of the week, and the ticket figures worked out from the period's ticket rows against the answer target.
import type { Db } from "../db/database.js";
import {
  askedTickets,
  commandUse,
  messagesPerDay,
  messagesPerHourOfWeek,
  messageTotals,
  newRegistrations,
  oldestOpenTickets,
  openTicketAges,
  registrationPerUnit,
  suggestionTotals,
  ticketComments,
  ticketsClosedByGuide,
  unmatchedQuestionWords,
  type GuideClosure,
  type MessageTotals,
  type OpenTicket,
  type OpenTicketClass,
  type UnitRegistration,
} from "../db/report-queries.js";
import { dateOfDay, daysOf, weekdayOfDay, weeksOf, type Period } from "./period.js";
import { commentsByWeek, type RatingSummary, type WeekComment } from "./ratings.js";
import {
  classCounts,
  RESPONSE_CLASS_LIMITS,
  ticketGroup,
  ticketsPerClosing,
  ticketsPerStaff,
  ticketsPerWeek,
  timeTicket,
  type AnswerTarget,
  type ClosingTickets,
  type Durations,
  type StaffTickets,
  type WeekTickets,
} from "./ticket-figures.js";
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

export interface TicketTotals {
  asked: number;
  answered: number;
  closed: number;
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
    /** From the question to the first answer, on the clock. */
    firstAnswer: Durations;
    /** The same spans, counting service hours only. */
    firstAnswerService: Durations;
    /** The first answers judged against TARGET_JAWAB_JAM (see TicketGroup). */
    target: { ms: number; within: number; judged: number };
    /** Answered tickets per class of RESPONSE_CLASS_LIMITS. */
    responseClasses: number[];
    /** Every week (Senin–Minggu) of the period, by the week of the question. */
    perWeek: WeekTickets[];
    /** By the staff member of the first answer. */
    perStaff: StaffTickets[];
    /** Closed tickets by how they were closed. */
    perClosing: ClosingTickets[];
    /** Tickets still open at `madeAt`, per class of AGE_CLASS_LIMITS. */
    openByAge: OpenTicketClass[];
    openTotal: number;
    oldestOpen: OpenTicket[];
  };
  /** The employees' ratings of the period's tickets closed by `madeAt` (per week, staff and closing: see `tickets`). */
  ratings: RatingSummary & {
    /** Closed tickets: what the number of ratings is a share of. */
    closed: number;
    comments: WeekComment[];
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

export async function collectFigures(db: Db, period: Period, now: number, target: AnswerTarget): Promise<ReportFigures> {
  const until = Math.min(period.end, now);
  const [suggestions, closedByGuide, unmatched, asked, comments] = await Promise.all([
    suggestionTotals(db, period),
    ticketsClosedByGuide(db, period),
    unmatchedQuestionWords(db, period),
    askedTickets(db, period),
    ticketComments(db, period),
  ]);
  const [totals, days, hours, commands, openByAge, oldestOpen, units, newInPeriod] = await Promise.all([
    messageTotals(db, period),
    messagesPerDay(db, period),
    messagesPerHourOfWeek(db, period),
    commandUse(db, period),
    openTicketAges(db, until, now),
    oldestOpenTickets(db, until, now, OLDEST_OPEN_LISTED),
    registrationPerUnit(db),
    newRegistrations(db, period),
  ]);

  const tickets = asked.map((t) => timeTicket(t, target, now));
  const all = ticketGroup(tickets);
  const weeks = weeksOf(period);
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
      totals: { asked: all.tickets, answered: all.answered, closed: all.closed },
      firstAnswer: all.wait,
      firstAnswerService: all.serviceWait,
      target: { ms: target.targetMs, within: all.withinTarget, judged: all.judged },
      responseClasses: classCounts(tickets.flatMap((t) => (t.wait === null ? [] : [t.wait])), RESPONSE_CLASS_LIMITS),
      perWeek: ticketsPerWeek(tickets, weeks),
      perStaff: ticketsPerStaff(tickets),
      perClosing: ticketsPerClosing(tickets),
      openByAge,
      openTotal: openByAge.reduce((sum, c) => sum + c.tickets, 0),
      oldestOpen,
    },
    ratings: { ...all.ratings, closed: all.closed, comments: commentsByWeek(comments, weeks) },
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
