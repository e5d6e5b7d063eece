// Formatting of values for Indonesian readers: rupiah, months, dates, durations.
export { escapeHtml } from "../domain/html.js";

const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

/** 7500000 → "Rp 7.500.000"; negative amounts keep their sign before "Rp". */
export function formatRupiah(amount: number): string {
  const digits = Math.abs(Math.round(amount)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${amount < 0 ? "-" : ""}Rp ${digits}`;
}

/** "2026-11" → "November 2026" */
export function formatPeriode(periode: string): string {
  const [year, month] = periode.split("-").map(Number);
  return `${MONTHS[(month ?? 1) - 1] ?? periode} ${year}`;
}

/** Calendar date in Western Indonesia Time (WIB, UTC+7, no daylight saving): "23 November 2026". */
export function formatTanggal(epochMs: number): string {
  const d = new Date(epochMs + 7 * 3600_000);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "1 jam 5 menit", "3 hari 2 jam" — an age as staff read it. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days} hari ${hours} jam`;
  if (hours > 0) return `${hours} jam ${mins} menit`;
  return `${mins} menit`;
}
