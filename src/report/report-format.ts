// How the report and the weekly summary write numbers, shares, durations, dates and periods for Indonesian readers.
import { formatDuration } from "../bot/format.js";
import { formatIndonesianDate } from "../content/indonesian-date.js";
import { WIB_OFFSET_MS } from "../db/report-queries.js";
import { escapeHtml } from "../domain/html.js";
import { wibDate, type Period } from "./period.js";

export const WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"] as const;
export const WEEKDAYS_SHORT = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"] as const;

const MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];
const INTEGER = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 0, maximumFractionDigits: 1 });

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

/** "2026-11-03" → "3 Nov". */
export function formatShortDate(isoDate: string): string {
  const [, month, day] = isoDate.split("-").map(Number);
  return `${day} ${MONTHS_SHORT[(month ?? 1) - 1]}`;
}

/** "1–30 November 2026", "28 Oktober – 3 November 2026", "3 November 2026": the dates say WIB elsewhere. */
export function formatPeriod(period: Pick<Period, "from" | "to">): string {
  const from = formatIndonesianDate(period.from);
  const to = formatIndonesianDate(period.to);
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
  const hh = String(wib.getUTCHours()).padStart(2, "0");
  const mm = String(wib.getUTCMinutes()).padStart(2, "0");
  return `${formatIndonesianDate(wibDate(epochMs))} pukul ${hh}.${mm} WIB`;
}

/** HTML and SVG text and attribute values (Telegram's escaping plus quotes): data never becomes markup. */
export function escapeMarkup(text: string): string {
  return escapeHtml(text).replace(/"/g, "&quot;");
}
