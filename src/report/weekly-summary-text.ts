// The /statistik answer in the staff group: the figures of the last days as a short Telegram HTML text.
import { escapeHtml as e } from "../domain/html.js";
import type { ReportFigures } from "./figures.js";
import { formatCount, formatDecimal, formatPeriod, formatRating, formatServiceTime, formatShare, formatTarget, formatWait } from "./report-format.js";

/** How many services and staff members the summary names. */
const TOP = 3;

export function formatWeeklySummary(f: ReportFigures): string {
  const { messages, tickets, ratings, registration } = f;
  const services = f.usage.services.filter((s) => s.viaCommand + s.viaButton > 0).slice(0, TOP);
  const oldest = tickets.oldestOpen[0];
  const unanswered = tickets.openByAge.reduce((sum, c) => sum + c.unanswered, 0);
  const lines = [
    `📊 <b>Statistik Sinawai, ${formatCount(f.perDay.length)} hari terakhir</b>`,
    `${e(formatPeriod(f.period))} (WIB)`,
    "",
    `💬 Pertanyaan: <b>${formatCount(messages.total)}</b> (rata-rata ${formatDecimal(messages.total / f.perDay.length)} per hari)`,
    `• dijawab otomatis: ${formatCount(messages.automatic)} (${formatShare(messages.automatic, messages.total)})`,
    `• pesan ke petugas: ${formatCount(messages.free)}`,
    `👥 Pegawai yang menghubungi: ${formatCount(messages.senders)}`,
    ...(services.length > 0 ? [`🔎 Layanan terbanyak: ${services.map((s) => `/${e(s.command)} ${formatCount(s.viaCommand + s.viaButton)}`).join(", ")}`] : []),
    "",
    `🎫 Tiket baru: <b>${formatCount(tickets.totals.asked)}</b>, dijawab ${formatCount(tickets.totals.answered)} (${formatShare(tickets.totals.answered, tickets.totals.asked)})`,
    `⏱️ Jawaban pertama: median <b>${formatWait(tickets.firstAnswer.median)}</b>, 90% dalam ${formatWait(tickets.firstAnswer.p90)}`,
    `🎯 Dijawab dalam ${formatTarget(tickets.target.ms)}: <b>${formatShare(tickets.target.within, tickets.target.judged)}</b> ` +
      `(${formatCount(tickets.target.within)} dari ${formatCount(tickets.target.judged)} tiket), median ${formatServiceTime(tickets.firstAnswerService.median)} dalam jam layanan`,
    `📂 Masih terbuka: <b>${formatCount(tickets.openTotal)}</b>, ${formatCount(unanswered)} belum dijawab${oldest ? ` (tertua #T${oldest.id}, ${formatWait(oldest.age)})` : ""}`,
    ...(tickets.perStaff.length > 0
      ? [`🙋 Penjawab terbanyak: ${tickets.perStaff.slice(0, TOP).map((s) => `${e(s.name || `petugas ${s.staffId}`)} ${formatCount(s.tickets)}`).join(", ")}`]
      : []),
    ratings.count > 0 ? `⭐ Penilaian: rata-rata <b>${formatRating(ratings.average)}</b> dari 5 (${formatCount(ratings.count)} penilaian)` : "⭐ Penilaian: belum ada",
    "",
    `📝 Terdaftar: ${formatCount(registration.registered)} dari ${formatCount(registration.active)} pegawai aktif (${formatShare(registration.registered, registration.active)}), ${formatCount(registration.newInPeriod)} baru`,
    "",
    `<i>Laporan lengkap: npm run report -- --from ${f.period.from} --to ${f.period.to}</i>`,
  ];
  return lines.join("\n");
}
