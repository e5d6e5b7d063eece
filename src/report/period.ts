// A report period: inclusive calendar dates in WIB, and the epoch-millisecond range and day numbers the queries use.
import { DAY_MS, WIB_OFFSET_MS, type TimeRange } from "../db/report-queries.js";

export interface Period extends TimeRange {
  /** First day, YYYY-MM-DD (WIB). */
  from: string;
  /** Last day, included, YYYY-MM-DD (WIB). */
  to: string;
}

/** The longest period a report covers: a year, leap day included. */
export const MAX_PERIOD_DAYS = 366;

/** "2026-11-20" → 20 November 2026 00:00 WIB, in epoch ms; null when it is no real date. */
function wibMidnight(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(utc).toISOString().slice(0, 10) === date ? utc - WIB_OFFSET_MS : null;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; problem: string };

/** Both dates YYYY-MM-DD, `from` not after `to`, at most MAX_PERIOD_DAYS days. */
export function periodOf(from: string, to: string): PeriodResult {
  const start = wibMidnight(from);
  if (start === null) return { ok: false, problem: `tanggal awal "${from}" bukan tanggal yang sah (format YYYY-MM-DD)` };
  const last = wibMidnight(to);
  if (last === null) return { ok: false, problem: `tanggal akhir "${to}" bukan tanggal yang sah (format YYYY-MM-DD)` };
  if (last < start) return { ok: false, problem: `tanggal akhir ${to} lebih awal daripada tanggal awal ${from}` };
  if ((last - start) / DAY_MS + 1 > MAX_PERIOD_DAYS) return { ok: false, problem: `periode paling panjang ${MAX_PERIOD_DAYS} hari` };
  return { ok: true, period: { from, to, start, end: last + DAY_MS } };
}

/** The calendar date (WIB) of an instant, YYYY-MM-DD. */
export function wibDate(epochMs: number): string {
  return new Date(epochMs + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** The `count` days ending with today (WIB), today included: the window of the weekly summary. */
export function lastDays(now: number, count: number): Period {
  const to = wibDate(now);
  const from = wibDate(now - (count - 1) * DAY_MS);
  return { from, to, start: wibMidnight(from)!, end: wibMidnight(to)! + DAY_MS };
}

/** The day number the queries group by (days since 1970-01-01, WIB) → YYYY-MM-DD. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Every day number of the period, first to last. */
export function daysOf(period: Period): number[] {
  const first = (period.start + WIB_OFFSET_MS) / DAY_MS;
  const count = (period.end - period.start) / DAY_MS;
  return Array.from({ length: count }, (_, i) => first + i);
}

/** 0 = Monday (Senin) … 6 = Sunday (Minggu), as the queries number weekdays. */
export function weekdayOfDay(day: number): number {
  return (day + 3) % 7;
}

/** The weeks (Senin–Minggu, WIB) the period touches, the first and last cut to the period. */
export function weeksOf(period: Period): Period[] {
  const weeks: Period[] = [];
  for (const day of daysOf(period)) {
    const date = dateOfDay(day);
    const end = (day + 1) * DAY_MS - WIB_OFFSET_MS;
    const current = weeks[weeks.length - 1];
    if (current && weekdayOfDay(day) !== 0) {
      current.to = date;
      current.end = end;
    } else weeks.push({ from: date, to: date, start: end - DAY_MS, end });
  }
  return weeks;
}
