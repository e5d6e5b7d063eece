// How the report and the weekly summary write numbers, shares, durations, dates and periods for Indonesian readers.
import { formatDuration } from "../bot/format.js";
import { formatClockTime, formatIndonesianDate } from "../content/indonesian-date.js";
import { HOUR_MS, WIB_OFFSET_MS } from "../db/report-queries.js";
import { escapeHtml } from "../domain/html.js";
import { wibDate, type Period } from "./period.js";

export const WEEKDAYS_SHORT = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"] as const;

const MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];
const INTEGER = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 0, maximumFractionDigits: 1 });
const RATING = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const TARGET_HOURS = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 });

/** 1234 → "1.234". */
export function formatCount(n: number): string {
  return INTEGER.format(n);
}

/** 12.345 → "12,3". */
export function formatDecimal(n: number): string {
  return ONE_DECIMAL.format(n);
}

/** 23 of 40 → "57,5%"; "–" when there is nothing to take a share of. */
export function formatShare(part: number, whole: number): string {
  return whole === 0 ? "–" : `${ONE_DECIMAL.format((part / whole) * 100)}%`;
}

/** "1 jam 5 menit"; "–" for no value (no ticket answered). */
export function formatWait(ms: number | null): string {
  return ms === null ? "–" : formatDuration(ms);
}

/** A time in service hours, "26 jam 10 menit", "8 jam", "45 menit": in hours, as a service day is no calendar day. */
export function formatServiceTime(ms: number | null): string {
  if (ms === null) return "–";
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} menit`;
  return rest === 0 ? `${hours} jam` : `${hours} jam ${rest} menit`;
}

/** The answer target as TARGET_JAWAB_JAM says it: "8 jam layanan", "4,5 jam layanan". */
export function formatTarget(ms: number): string {
  return `${TARGET_HOURS.format(ms / HOUR_MS)} jam layanan`;
}

/** An average rating, always with one decimal: 4 → "4,0"; "–" without ratings. */
export function formatRating(average: number | null): string {
  return average === null ? "–" : RATING.format(average);
}

/** "2026-11-03" → "3 Nov". */
export function formatShortDate(isoDate: string): string {
  const [, month, day] = isoDate.split("-").map(Number);
  return `${day} ${MONTHS_SHORT[(month ?? 1) - 1]}`;
}

/** "1–30 November 2026", "28 Oktober – 3 November 2026", "3 November 2026": the dates say WIB elsewhere. */
export function formatPeriod(period: Pick<Period, "from" | "to">): string {
  return dateSpan(period, formatIndonesianDate);
}

/** A week in a table: "2–8 Nov", "26 Okt – 1 Nov"; the year is the report's. */
export function formatWeek(week: Pick<Period, "from" | "to">): string {
  return dateSpan(week, formatShortDate);
}

/** Two dates written as "day month year", what they share written once, at the end. */
function dateSpan(period: Pick<Period, "from" | "to">, write: (isoDate: string) => string): string {
  const from = write(period.from);
  const to = write(period.to);
  if (period.from === period.to) return to;
  const [fromDay, fromMonth, fromYear] = from.split(" ");
  const [, toMonth, toYear] = to.split(" ");
  if (fromYear !== toYear) return `${from} – ${to}`;
  if (fromMonth !== toMonth) return `${fromDay} ${fromMonth} – ${to}`;
  return `${fromDay}–${to}`;
}

/** "1 Desember 2026 pukul 08.15 WIB": the dot between hour and minute is the Indonesian way. */
export function formatMoment(epochMs: number): string {
  const wib = new Date(epochMs + WIB_OFFSET_MS);
  return `${formatIndonesianDate(wibDate(epochMs))} pukul ${formatClockTime(wib.getUTCHours() * 60 + wib.getUTCMinutes())} WIB`;
}

/** HTML and SVG text and attribute values (Telegram's escaping plus quotes): data never becomes markup. */
export function escapeMarkup(text: string): string {
  return escapeHtml(text).replace(/"/g, "&quot;");
}
