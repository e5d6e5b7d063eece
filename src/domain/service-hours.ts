// Service hours (jam layanan) as arithmetic on instants: whether the team is on duty, when it next is, how much of a
// span it was on duty, and when a target counted in working time falls. Instants are epoch milliseconds; WIB is UTC+7
// all year, as Indonesia keeps no daylight saving time.
import { formatClockTime, formatIndonesianDate, WEEKDAYS } from "../content/indonesian-date.js";
import type { Holiday, ServiceHours } from "../content/types.js";
import { DAY_MS, WIB_OFFSET_MS } from "../db/report-queries.js";

const MINUTE_MS = 60_000;
/** Days without duty after which there is none to find: longer than any run of weekends, holidays and cuti bersama. */
const SEARCH_DAYS = 400;

export interface WibParts {
  /** YYYY-MM-DD */
  date: string;
  /** 1 = Senin … 7 = Minggu. */
  weekday: number;
  /** Whole minutes after 00.00. */
  minute: number;
}

/** One stretch on duty, [start, end) in epoch ms. */
interface Shift {
  start: number;
  end: number;
}

export function wibParts(at: number): WibParts {
  const day = wibDay(at);
  return { date: dateOf(day), weekday: weekdayOf(day), minute: Math.floor((at - midnightOf(day)) / MINUTE_MS) };
}

/** "Senin, 30 November 2026 pukul 07.30 WIB": when the team answers, as the employee reads it. */
export function formatDuty(at: number): string {
  const { date, weekday, minute } = wibParts(at);
  return `${WEEKDAYS[weekday - 1]}, ${formatIndonesianDate(date)} pukul ${formatClockTime(minute)} WIB`;
}

/** From the start of a working day's hours, included, to their end, excluded; never on a holiday. */
export function isOnDuty(hours: ServiceHours, at: number): boolean {
  return nextOnDuty(hours, at) === at;
}

/** `at` itself when the team is on duty; null only when it has no working day at all. */
export function nextOnDuty(hours: ServiceHours, at: number): number | null {
  const first = shiftsFrom(hours, at).next();
  return first.done ? null : first.value.start;
}

/** When the team is back, if it is off duty at `at`; null while it is on duty (or when it never is). */
export function backOnDuty(hours: ServiceHours, at: number): number | null {
  const next = nextOnDuty(hours, at);
  return next === at ? null : next;
}

/** The time on duty within [from, to): what an answer's wait counts against a target in working hours. */
export function workingMsBetween(hours: ServiceHours, from: number, to: number): number {
  let total = 0;
  for (const shift of shiftsFrom(hours, from)) {
    if (shift.start >= to) break;
    total += Math.min(shift.end, to) - shift.start;
  }
  return total;
}

/**
 * The earliest instant by which `ms` of duty have passed since `from`: the deadline of a target in working hours, so
 * that workingMsBetween(hours, from, addWorkingMs(hours, from, ms)) === ms.
 */
export function addWorkingMs(hours: ServiceHours, from: number, ms: number): number {
  if (ms <= 0) return from;
  let left = ms;
  for (const shift of shiftsFrom(hours, from)) {
    if (left <= shift.end - shift.start) return shift.start + left;
    left -= shift.end - shift.start;
  }
  // parseServiceHours refuses a file without a working day, so only hand-made hours get here.
  throw new RangeError("service hours without a working day have no deadline");
}

/** The first `count` holidays from today (WIB) on, today's included. */
export function upcomingHolidays(hours: ServiceHours, at: number, count: number): Holiday[] {
  const today = dateOf(wibDay(at));
  return hours.holidays.filter((holiday) => holiday.date >= today).slice(0, count);
}

/** The stretches on duty from `at` on, in order, the first cut to begin at `at`; none after SEARCH_DAYS idle days. */
function* shiftsFrom(hours: ServiceHours, at: number): Generator<Shift> {
  const holidays = new Set(hours.holidays.map((holiday) => holiday.date));
  for (let day = wibDay(at), idle = 0; idle < SEARCH_DAYS; day++) {
    const shift = holidays.has(dateOf(day)) ? undefined : shiftOn(hours, day);
    if (!shift || shift.end <= at) {
      idle++;
      continue;
    }
    idle = 0;
    yield { start: Math.max(shift.start, at), end: shift.end };
  }
}

/** The working hours of a day by its weekday alone, holidays aside. */
function shiftOn(hours: ServiceHours, day: number): Shift | undefined {
  const working = hours.days.find((candidate) => candidate.weekday === weekdayOf(day));
  if (!working) return undefined;
  const midnight = midnightOf(day);
  return { start: midnight + working.startMinute * MINUTE_MS, end: midnight + working.endMinute * MINUTE_MS };
}

/** Days since 1 January 1970 in WIB. */
function wibDay(at: number): number {
  return Math.floor((at + WIB_OFFSET_MS) / DAY_MS);
}

function midnightOf(day: number): number {
  return day * DAY_MS - WIB_OFFSET_MS;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 1 January 1970 was a Thursday (Kamis, 4). */
function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
