// The figures of a period's tickets, from their rows: the first answer on the clock and in service hours, judged
// against the answer target, and the employees' ratings, for all tickets, per week, per staff member and per way of
// closing. Worked out here because service hours (weekdays, holidays) are calendar arithmetic SQL cannot do.
import type { ServiceHours } from "../content/types.js";
import { CLOSING_KINDS, DAY_MS, HOUR_MS, type AskedTicket, type ClosingKind } from "../db/report-queries.js";
import { workingMsBetween } from "../domain/service-hours.js";
import { median, percentile } from "./percentile.js";
import type { Period } from "./period.js";
import { ratingSummary, type RatingSummary } from "./ratings.js";

/** What a first answer is judged against. */
export interface AnswerTarget {
  /** The bureau's service hours (jam-layanan.md). */
  hours: ServiceHours;
  /** TARGET_JAWAB_JAM, in milliseconds of service hours. */
  targetMs: number;
}

export interface Durations {
  median: number | null;
  p90: number | null;
}

export interface TicketGroup {
  tickets: number;
  answered: number;
  closed: number;
  /** From the question to the first answer, on the clock. */
  wait: Durations;
  /** The same spans, counting service hours only. */
  serviceWait: Durations;
  /** Answered within the target. */
  withinTarget: number;
  /** Tickets with a known verdict: the answered ones, and the unanswered ones that waited longer than the target. */
  judged: number;
  ratings: RatingSummary;
}

export type WeekTickets = TicketGroup & Pick<Period, "from" | "to">;
/** A staff member's first answers (the ticket group), and how many tickets they had taken with /ambil. */
export type StaffTickets = TicketGroup & { staffId: number; name: string; claimed: number };
export type ClosingTickets = TicketGroup & { kind: ClosingKind };

/** Upper bounds (exclusive, ms) of the response-time classes; the last class is open-ended. */
export const RESPONSE_CLASS_LIMITS = [15 * 60_000, HOUR_MS, 4 * HOUR_MS, DAY_MS] as const;

/** A ticket with its waits worked out. */
export interface TimedTicket extends AskedTicket {
  wait: number | null;
  serviceWait: number | null;
  /** Answered within the target (true), answered later or left waiting longer (false), or not known yet (null). */
  inTarget: boolean | null;
}

/**
 * An unanswered ticket counts against the target once it has waited longer than the target, until it was closed
 * (a guide topic may have answered it) or until now; before that it is not judged.
 */
export function timeTicket(ticket: AskedTicket, target: AnswerTarget, now: number): TimedTicket {
  if (ticket.firstAnswer !== null) {
    const serviceWait = workingMsBetween(target.hours, ticket.asked, ticket.firstAnswer);
    return { ...ticket, wait: ticket.firstAnswer - ticket.asked, serviceWait, inTarget: serviceWait <= target.targetMs };
  }
  const waited = workingMsBetween(target.hours, ticket.asked, ticket.closed ?? now);
  return { ...ticket, wait: null, serviceWait: null, inTarget: waited > target.targetMs ? false : null };
}

export function ticketGroup(tickets: readonly TimedTicket[]): TicketGroup {
  const waits = sortedValues(tickets.map((t) => t.wait));
  return {
    tickets: tickets.length,
    answered: waits.length,
    closed: tickets.filter((t) => t.closed !== null).length,
    wait: durations(waits),
    serviceWait: durations(sortedValues(tickets.map((t) => t.serviceWait))),
    withinTarget: tickets.filter((t) => t.inTarget === true).length,
    judged: tickets.filter((t) => t.inTarget !== null).length,
    ratings: ratingSummary(tickets.flatMap((t) => (t.rating === null ? [] : [t.rating]))),
  };
}

/** By the week of the question. */
export function ticketsPerWeek(tickets: readonly TimedTicket[], weeks: readonly Period[]): WeekTickets[] {
  return weeks.map((w) => ({ from: w.from, to: w.to, ...ticketGroup(tickets.filter((t) => t.asked >= w.start && t.asked < w.end)) }));
}

/**
 * By staff member: the tickets they answered first, and how many they had taken (/ambil); most tickets first. Each is
 * named by the alphabetically last name recorded (a renamed account leaves several).
 */
export function ticketsPerStaff(tickets: readonly TimedTicket[]): StaffTickets[] {
  const staff = new Map<number, { name: string; answered: TimedTicket[]; claimed: number }>();
  const entryOf = (id: number, name: string | null) => {
    const entry = staff.get(id) ?? { name: "", answered: [], claimed: 0 };
    if ((name ?? "") > entry.name) entry.name = name!;
    staff.set(id, entry);
    return entry;
  };
  for (const t of tickets) {
    if (t.staffId !== null) entryOf(t.staffId, t.staffName).answered.push(t);
    if (t.claimedBy !== null) entryOf(t.claimedBy, t.claimerName).claimed++;
  }
  return [...staff]
    .map(([staffId, s]) => ({ staffId, name: s.name, claimed: s.claimed, ...ticketGroup(s.answered) }))
    .sort((a, b) => b.tickets - a.tickets || b.claimed - a.claimed || a.name.localeCompare(b.name, "id"));
}

/** By how they were closed, every way listed. */
export function ticketsPerClosing(tickets: readonly TimedTicket[]): ClosingTickets[] {
  return CLOSING_KINDS.map((kind) => ({ kind, ...ticketGroup(tickets.filter((t) => t.closedBy === kind)) }));
}

/** How many of the durations fall in each class of `limits`; index = class. */
export function classCounts(values: readonly number[], limits: readonly number[]): number[] {
  const counts = new Array<number>(limits.length + 1).fill(0);
  for (const value of values) {
    const index = limits.findIndex((limit) => value < limit);
    counts[index === -1 ? limits.length : index]!++;
  }
  return counts;
}

function sortedValues(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null).sort((a, b) => a - b);
}

function durations(sorted: readonly number[]): Durations {
  return { median: median(sorted), p90: percentile(sorted, 90) };
}
