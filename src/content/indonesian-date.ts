// Dates as HR admins type them and as users read them: "20 November 2026" ⇄ "2026-11-20".

const MONTHS = [
  "Januari", "Februari", "Maret", "April", "Mei", "Juni",
  "Juli", "Agustus", "September", "Oktober", "November", "Desember",
];

/** Monday first, as the bureau's week starts: WEEKDAYS[0] is Senin. */
export const WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"] as const;

/**
 * Accepts "20 November 2026" (optionally after a weekday: "Jumat, 20 November 2026"),
 * "2026-11-20" and "20/11/2026" or "20-11-2026". Returns YYYY-MM-DD, or null when the text is
 * not a real calendar date.
 */
export function parseIndonesianDate(text: string): string | null {
  const value = text.trim().replace(/^\p{L}+,\s*/u, "");
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (iso) return toIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(value);
  if (numeric) return toIso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const named = /^(\d{1,2})\s+(\p{L}+)\s+(\d{4})$/u.exec(value);
  if (named) {
    const month = MONTHS.findIndex((name) => name.toLowerCase() === named[2]!.toLowerCase());
    return month === -1 ? null : toIso(Number(named[3]), month + 1, Number(named[1]));
  }
  return null;
}

/** 450 (minutes after midnight) → "07.30": the dot between hour and minute is the Indonesian way. */
export function formatClockTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}.${String(minute % 60).padStart(2, "0")}`;
}

/** "2026-11-20" → "20 November 2026". */
export function formatIndonesianDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

function toIso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date.toISOString().slice(0, 10) : null;
}
