// Renders the figures of a period as one self-contained HTML page for the head of the bureau: headline figures first,
// then a chart per question, then how the figures were counted. No script, no external file, no network.
import { AGE_CLASS_LIMITS, type ClosingKind } from "../db/report-queries.js";
import type { ContentUsage } from "./content-usage.js";
import type { ReportFigures } from "./figures.js";
import type { RatingSummary } from "./ratings.js";
import {
  escapeMarkup as esc,
  formatCount,
  formatDecimal,
  formatMoment,
  formatPeriod,
  formatRating,
  formatServiceTime,
  formatShare,
  formatShortDate,
  formatTarget,
  formatWait,
  formatWeek,
} from "./report-format.js";
import { WEEKDAYS } from "../content/indonesian-date.js";
import { PALETTE, REPORT_CSS } from "./report-style.js";
import { barRows, dayColumns, HEAT_EMPTY, heatLegend, hourOfWeekHeatMap, type BarRow, type Series } from "./svg-charts.js";
import { RESPONSE_CLASS_LIMITS, type TicketGroup } from "./ticket-figures.js";

const MESSAGE_SERIES: Series[] = [
  { name: "Dijawab otomatis (perintah & tombol)", colour: PALETTE.blue },
  { name: "Pesan ke petugas (konsultasi)", colour: PALETTE.vermillion },
];
const SERVICE_SERIES: Series[] = [
  { name: "Diketik sebagai perintah", colour: PALETTE.blue },
  { name: "Dipilih dari tombol menu", colour: PALETTE.green },
];
const TOPIC_SERIES: Series[] = [{ name: "Kali dibaca", colour: PALETTE.blue }];
const TICKET_SERIES: Series[] = [{ name: "Tiket", colour: PALETTE.blue }];
const RATING_SERIES: Series[] = [{ name: "Penilaian", colour: PALETTE.blue }];
const OPEN_SERIES: Series[] = [
  { name: "Belum dijawab", colour: PALETTE.vermillion },
  { name: "Sudah dijawab, belum ditutup", colour: PALETTE.grey },
];
const REGISTRATION_SERIES: Series[] = [
  { name: "Sudah terdaftar", colour: PALETTE.green },
  { name: "Belum terdaftar", colour: PALETTE.grey },
];

const NO_UNIT = "(unit kerja belum diisi)";

const CLOSING_LABELS: Record<ClosingKind, string> = {
  pegawai: "Oleh pegawai (“Sudah terjawab” atau /selesai)",
  panduan: "Oleh pegawai, terjawab panduan",
  staf: "Oleh petugas",
  otomatis: "Otomatis, pegawai tidak menanggapi lagi",
};
/** The rating scale's values, 1 to 5, as the rating request names its ends. */
const RATING_LABELS = ["1 · sangat kurang", "2", "3", "4", "5 · sangat baik"];

interface Column {
  heading: string;
  numeric?: boolean;
}

/** A table of cells already written as HTML; numeric columns align right. */
function table(columns: readonly Column[], rows: readonly string[][]): string {
  const align = (i: number) => (columns[i]!.numeric ? ' class="n"' : "");
  return (
    `<table><thead><tr>${columns.map((c, i) => `<th${align(i)}>${esc(c.heading)}</th>`).join("")}</tr></thead>` +
    `<tbody>${rows.map((cells) => `<tr>${cells.map((cell, i) => `<td${align(i)}>${cell}</td>`).join("")}</tr>`).join("")}</tbody></table>`
  );
}

/** "7 dari 8 (87,5%)": the tickets answered within the target of those judged. */
function targetShare(g: TicketGroup): string {
  return `${formatCount(g.withinTarget)} dari ${formatCount(g.judged)} (${formatShare(g.withinTarget, g.judged)})`;
}

const ANSWER_COLUMNS: Column[] = [
  { heading: "Median jawaban pertama", numeric: true },
  { heading: "Median dalam jam layanan", numeric: true },
  { heading: "Dijawab dalam target", numeric: true },
];

function answerCells(g: TicketGroup): string[] {
  return [esc(formatWait(g.wait.median)), esc(formatServiceTime(g.serviceWait.median)), targetShare(g)];
}

const RATING_COLUMNS: Column[] = [
  { heading: "Tiket ditutup", numeric: true },
  { heading: "Dinilai", numeric: true },
  { heading: "Nilai rata-rata", numeric: true },
];

function ratingCells(g: Pick<TicketGroup, "closed" | "ratings">): string[] {
  return [formatCount(g.closed), `${formatCount(g.ratings.count)} (${formatShare(g.ratings.count, g.closed)})`, formatRating(g.ratings.average)];
}

/** "4,2 dari 5", or "–" without ratings. */
function outOfFive(ratings: RatingSummary): string {
  return ratings.average === null ? "–" : `${formatRating(ratings.average)} dari 5`;
}

function staffName(s: { staffId: number; name: string }): string {
  return s.name || `Petugas ${s.staffId}`;
}

/** "< 15 menit", "15 menit – 1 jam", …, "> 1 hari": the labels of a list of class limits. */
function classLabels(limits: readonly number[]): string[] {
  const name = (ms: number) => formatWait(ms).replace(/ 0 (menit|jam)$/, "");
  return [
    `< ${name(limits[0]!)}`,
    ...limits.slice(1).map((limit, i) => `${name(limits[i]!)} – ${name(limit)}`),
    `≥ ${name(limits[limits.length - 1]!)}`,
  ];
}

function legend(series: readonly Series[]): string {
  return `<ul class="legend">${series.map((s) => `<li><span class="swatch" style="background:${s.colour}"></span>${esc(s.name)}</li>`).join("")}</ul>`;
}

function card(label: string, value: string, sub: string, alert = false): string {
  return `<div class="card${alert ? " alert" : ""}"><p class="label">${esc(label)}</p><p class="value">${esc(value)}</p><p class="sub">${esc(sub)}</p></div>`;
}

function headline(f: ReportFigures, c: ContentUsage): string {
  const { messages, tickets, ratings, registration } = f;
  const days = f.perDay.length;
  const topicReads = c.readTopics.reduce((sum, t) => sum + t.reads, 0);
  const topicCount = c.readTopics.length + c.unreadTopics.length;
  const oldest = tickets.oldestOpen[0];
  return `<div class="cards" aria-label="Angka utama">${[
    card("Pertanyaan masuk", formatCount(messages.total), `rata-rata ${formatDecimal(messages.total / days)} per hari, dari ${formatCount(messages.senders)} pegawai`),
    card("Dijawab otomatis oleh bot", formatShare(messages.automatic, messages.total), `${formatCount(messages.automatic)} lewat perintah & tombol menu`),
    card("Topik panduan dibaca", formatCount(topicReads), `${formatCount(c.readTopics.length)} dari ${formatCount(topicCount)} topik pernah dibuka`),
    card(
      "Pegawai aktif terdaftar",
      formatShare(registration.registered, registration.active),
      `${formatCount(registration.registered)} dari ${formatCount(registration.active)}; ${formatCount(registration.newInPeriod)} baru`,
    ),
    card("Tiket konsultasi", formatCount(tickets.totals.asked), `${formatCount(tickets.totals.answered)} dijawab (${formatShare(tickets.totals.answered, tickets.totals.asked)})`),
    card(
      `Dijawab dalam ${formatTarget(tickets.target.ms)}`,
      formatShare(tickets.target.within, tickets.target.judged),
      `median ${formatWait(tickets.firstAnswer.median)}; ${formatServiceTime(tickets.firstAnswerService.median)} dalam jam layanan`,
    ),
    card("Penilaian pegawai", outOfFive(ratings), `${formatCount(ratings.count)} penilaian dari ${formatCount(ratings.closed)} tiket ditutup`),
    card(
      "Tiket masih terbuka",
      formatCount(tickets.openTotal),
      oldest ? `tertua #T${oldest.id}, ${formatWait(oldest.age)}` : "tidak ada yang menunggu",
      tickets.openByAge.some((c, i) => i > 0 && c.unanswered > 0),
    ),
  ].join("")}</div>`;
}

function perDaySection(f: ReportFigures): string {
  const busiest = f.perDay.reduce((best, d) => (d.automatic + d.free > best.automatic + best.free ? d : best), f.perDay[0]!);
  const busiestTotal = busiest.automatic + busiest.free;
  const chart = dayColumns(
    { id: "per-hari", title: "Pertanyaan per hari", description: `Kolom bertumpuk per hari dari ${f.period.from} sampai ${f.period.to}: pesan yang dijawab otomatis dan pesan ke petugas.` },
    f.perDay.map((d) => ({ date: d.date, weekday: d.weekday, values: [d.automatic, d.free] })),
    MESSAGE_SERIES,
  );
  const rows = f.perDay
    .map((d) => `<tr><td>${WEEKDAYS[d.weekday]}, ${formatShortDate(d.date)}</td><td class="n">${formatCount(d.automatic)}</td><td class="n">${formatCount(d.free)}</td><td class="n">${formatCount(d.automatic + d.free)}</td></tr>`)
    .join("");
  return `<section class="panel" id="pertanyaan">
<h2>1. Pertanyaan per hari</h2>
<p class="lead">Setiap perintah, tombol, atau pesan yang dikirim pegawai kepada Sinawai di chat pribadi. Latar abu-abu menandai Sabtu dan Minggu.</p>
${legend(MESSAGE_SERIES)}${chart}
<p class="note">${busiestTotal > 0 ? `Hari tersibuk: <b>${WEEKDAYS[busiest.weekday]}, ${esc(formatShortDate(busiest.date))}</b> dengan ${formatCount(busiestTotal)} pertanyaan.` : "Belum ada pertanyaan pada periode ini."}</p>
<details><summary>Angka per hari</summary><table><thead><tr><th>Tanggal</th><th class="n">Otomatis</th><th class="n">Ke petugas</th><th class="n">Jumlah</th></tr></thead><tbody>${rows}</tbody></table></details>
</section>`;
}

function hoursSection(f: ReportFigures): string {
  const cells = f.hourOfWeek.flatMap((hours, weekday) => hours.map((value, hour) => ({ weekday, hour, value })));
  const busiest = cells.reduce((best, c) => (c.value > best.value ? c : best), cells[0]!);
  const max = busiest.value;
  const hh = (h: number) => String(h).padStart(2, "0");
  const chart = hourOfWeekHeatMap(
    { id: "jam", title: "Jam tersibuk dalam sepekan", description: "Peta panas: hari (Senin sampai Minggu) ke bawah, jam 00 sampai 23 WIB ke kanan; makin gelap makin banyak pesan." },
    f.hourOfWeek,
  );
  const scale = [{ colour: HEAT_EMPTY, range: "0" }, ...heatLegend(max)];
  return `<section class="panel" id="jam">
<h2>2. Jam tersibuk dalam sepekan</h2>
<p class="lead">Jumlah pertanyaan menurut hari dan jam (WIB), dijumlahkan selama periode. Angka di kotak = banyaknya pesan pada jam itu.</p>
${chart}
<ul class="legend" aria-label="Skala warna">${scale.map((s) => `<li><span class="swatch" style="background:${s.colour}"></span>${s.range}</li>`).join("")}</ul>
<p class="note">${max > 0 ? `Paling ramai: <b>${WEEKDAYS[busiest.weekday]} pukul ${hh(busiest.hour)}.00–${hh(busiest.hour)}.59 WIB</b> (${formatCount(max)} pesan).` : "Belum ada pertanyaan pada periode ini."}</p>
</section>`;
}

function servicesSection(f: ReportFigures): string {
  const { usage } = f;
  const rows: BarRow[] = usage.services.map((s) => ({
    label: `/${s.command} · ${s.description}`,
    segments: [s.viaCommand, s.viaButton],
    note: formatCount(s.viaCommand + s.viaButton),
  }));
  const unused = usage.services.filter((s) => s.viaCommand + s.viaButton === 0);
  const extras = [
    usage.unknownCommands > 0 ? `${formatCount(usage.unknownCommands)} perintah tidak dikenal` : "",
    usage.unknownButtons > 0 ? `${formatCount(usage.unknownButtons)} tombol dari menu lama` : "",
    usage.staffCommands.length > 0 ? `di grup staf: ${usage.staffCommands.map((c) => `/${esc(c.command)} ${formatCount(c.uses)}×`).join(", ")}` : "",
  ].filter(Boolean);
  return `<section class="panel" id="layanan">
<h2>3. Layanan yang dipakai</h2>
<p class="lead">Berapa kali setiap layanan menu dibuka, baik diketik sebagai perintah maupun dipilih dari tombol.</p>
${legend(SERVICE_SERIES)}${barRows({ id: "layanan", title: "Pemakaian layanan", description: "Batang mendatar per perintah bot: banyaknya pemakaian lewat perintah dan lewat tombol." }, rows, SERVICE_SERIES, { labelWidth: 420 })}
<p class="note">${unused.length > 0 ? `Tidak dipakai sama sekali: ${unused.map((s) => `/${esc(s.command)}`).join(", ")}. ` : ""}${extras.length > 0 ? `Lainnya: ${extras.join("; ")}.` : ""}</p>
</section>`;
}

function topicsSection(c: ContentUsage): string {
  const rows: BarRow[] = c.readTopics.map((t) => ({ label: t.topicTitle, segments: [t.reads], note: `${formatCount(t.reads)}× · ${t.categoryTitle}` }));
  const chart =
    rows.length > 0
      ? barRows({ id: "topik", title: "Topik panduan yang paling banyak dibaca", description: "Batang mendatar per topik, diurutkan dari yang paling sering dibuka." }, rows, TOPIC_SERIES, { labelWidth: 330, noteWidth: 300 })
      : `<p class="note">Belum ada topik yang dibuka pada periode ini.</p>`;
  const unread =
    c.unreadTopics.length > 0
      ? `<div class="callout"><h3>Belum pernah dibaca pada periode ini (${formatCount(c.unreadTopics.length)} topik)</h3><p class="note">Pertimbangkan untuk memperjelas judulnya, memindahkannya, atau menghapusnya.</p><ul>${c.unreadTopics
          .map((t) => `<li>${esc(t.topicTitle)} <span class="note">— ${esc(t.categoryTitle)}</span></li>`)
          .join("")}</ul></div>`
      : `<div class="callout ok"><h3>Semua topik dibaca</h3><p class="note">Setiap topik di menu dibuka setidaknya sekali.</p></div>`;
  const retired = c.retiredTopicReads > 0 ? `<p class="note">${formatCount(c.retiredTopicReads)} bacaan lain tercatat untuk topik yang judulnya sudah diubah atau topiknya sudah dihapus.</p>` : "";
  const documents =
    c.documents.length > 0
      ? `<h3>Formulir dan dokumen yang diunduh</h3><table><thead><tr><th>Dokumen</th><th class="n">Diunduh</th></tr></thead><tbody>${c.documents
          .map((d) => `<tr><td>${esc(d.title)}</td><td class="n">${formatCount(d.downloads)}</td></tr>`)
          .join("")}</tbody></table>`
      : "";
  return `<section class="panel" id="topik">
<h2>4. Jawaban otomatis: topik panduan</h2>
<p class="lead">Topik dari menu layanan (isi folder konten saat ini) dan berapa kali pegawai membukanya.</p>
${chart}${retired}${unread}${documents}
</section>`;
}

function guidesSection(f: ReportFigures, c: ContentUsage): string {
  const g = f.guides;
  const closedTotal = g.closedByGuide.reduce((sum, t) => sum + t.tickets, 0);
  const closed =
    c.closedByGuide.length > 0
      ? `<h3>Tiket yang ditutup pegawai karena terjawab panduan</h3><table><thead><tr><th>Topik</th><th>Layanan</th><th class="n">Tiket</th></tr></thead><tbody>${c.closedByGuide
          .map((t) => `<tr><td>${esc(t.topicTitle)}</td><td>${esc(t.categoryTitle)}</td><td class="n">${formatCount(t.tickets)}</td></tr>`)
          .join("")}</tbody></table>`
      : "";
  const words =
    g.unmatchedWords.length > 0
      ? `<div class="callout"><h3>Kata yang sering muncul dalam pertanyaan tanpa panduan yang cocok</h3>` +
        `<p class="note">Pertanyaan ini tidak mendapat saran karena belum ada topik yang menjawabnya dengan baik. Kata yang sering muncul menunjukkan panduan yang perlu ditulis berikutnya, atau kata yang perlu ditambahkan ke baris <code>Kata kunci:</code> topik yang sudah ada atau ke <code>sinonim.md</code>.</p>` +
        `<table><thead><tr><th>Kata</th><th class="n">Pertanyaan</th></tr></thead><tbody>${g.unmatchedWords
          .map((w) => `<tr><td>${esc(w.word)}</td><td class="n">${formatCount(w.questions)}</td></tr>`)
          .join("")}</tbody></table></div>`
      : `<p class="note">Tidak ada pertanyaan tanpa panduan yang cocok pada periode ini.</p>`;
  return `<section class="panel" id="saran">
<h2>5. Jawaban sebelum bertanya: saran panduan</h2>
<p class="lead">Setiap pertanyaan yang diteruskan ke petugas dicocokkan dengan topik panduan; bila ada yang cocok, tanda terimanya menawarkan sampai tiga topik. Pertanyaan tetap sampai ke petugas.</p>
<div class="stats">
<div><b>${formatCount(g.searched)}</b><span>pertanyaan dicocokkan</span></div>
<div><b>${formatCount(g.offered)}</b><span>mendapat saran (${formatShare(g.offered, g.searched)})</span></div>
<div><b>${formatCount(f.usage.suggestionsOpened)}</b><span>saran dibuka</span></div>
<div><b>${formatCount(closedTotal)}</b><span>tiket ditutup karena terjawab panduan</span></div>
</div>
${closed}${words}
</section>`;
}

function ticketsSection(f: ReportFigures): string {
  const t = f.tickets;
  const responseRows: BarRow[] = classLabels(RESPONSE_CLASS_LIMITS).map((label, i) => ({
    label,
    segments: [t.responseClasses[i]!],
    note: `${formatCount(t.responseClasses[i]!)} (${formatShare(t.responseClasses[i]!, t.totals.answered)})`,
  }));
  const staffRows: BarRow[] = t.perStaff.map((s) => ({
    label: staffName(s),
    segments: [s.tickets],
    note: `${formatCount(s.tickets)} · median ${formatWait(s.wait.median)}`,
  }));
  const ageRows: BarRow[] = classLabels(AGE_CLASS_LIMITS).map((label, i) => ({
    label,
    segments: [t.openByAge[i]!.unanswered, t.openByAge[i]!.tickets - t.openByAge[i]!.unanswered],
    note: `${formatCount(t.openByAge[i]!.tickets)} tiket`,
  }));
  const oldest =
    t.oldestOpen.length > 0
      ? `<table><thead><tr><th>Tiket</th><th>Ditanyakan</th><th>Unit kerja penanya</th><th class="n">Umur</th><th>Status</th></tr></thead><tbody>${t.oldestOpen
          .map(
            (o) =>
              `<tr><td>#T${o.id}</td><td>${esc(formatMoment(o.asked))}</td><td>${esc(o.unitKerja ?? NO_UNIT)}</td><td class="n">${esc(formatWait(o.age))}</td>` +
              `<td>${o.answered ? `<span class="badge quiet">sudah dijawab</span>` : `<span class="badge">belum dijawab</span>`}</td></tr>`,
          )
          .join("")}</tbody></table>${t.openTotal > t.oldestOpen.length ? `<p class="note">… dan ${formatCount(t.openTotal - t.oldestOpen.length)} tiket terbuka lainnya.</p>` : ""}`
      : `<p class="note">Tidak ada tiket yang masih terbuka.</p>`;
  const perWeek = table(
    [{ heading: "Pekan" }, { heading: "Tiket masuk", numeric: true }, { heading: "Dijawab", numeric: true }, ...ANSWER_COLUMNS],
    t.perWeek.map((w) => [esc(formatWeek(w)), formatCount(w.tickets), formatCount(w.answered), ...answerCells(w)]),
  );
  const perStaff =
    t.perStaff.length > 0
      ? table(
          [{ heading: "Petugas" }, { heading: "Diambil (/ambil)", numeric: true }, { heading: "Tiket dijawab pertama", numeric: true }, ...ANSWER_COLUMNS],
          t.perStaff.map((s) => [esc(staffName(s)), formatCount(s.claimed), formatCount(s.tickets), ...answerCells(s)]),
        )
      : "";
  return `<section class="panel" id="tiket">
<h2>6. Konsultasi dengan petugas (tiket)</h2>
<p class="lead">Pesan bebas pegawai menjadi tiket yang dijawab tim OSDM di grup staf. Dihitung tiket yang pertanyaan pertamanya masuk pada periode ini. Target jawaban pertama: paling lama <b>${esc(formatTarget(t.target.ms))}</b>; waktu di luar jam layanan (malam, akhir pekan, hari libur) tidak dihitung terhadap target.</p>
<div class="stats">
<div><b>${formatCount(t.totals.asked)}</b><span>tiket masuk</span></div>
<div><b>${formatCount(t.totals.answered)}</b><span>sudah dijawab (${formatShare(t.totals.answered, t.totals.asked)})</span></div>
<div><b>${formatCount(t.totals.closed)}</b><span>sudah ditutup</span></div>
<div><b>${esc(formatWait(t.firstAnswer.median))}</b><span>median jawaban pertama</span></div>
<div><b>${esc(formatWait(t.firstAnswer.p90))}</b><span>persentil ke-90</span></div>
<div><b>${esc(formatServiceTime(t.firstAnswerService.median))}</b><span>median dalam jam layanan</span></div>
<div><b>${formatShare(t.target.within, t.target.judged)}</b><span>dijawab dalam target (${formatCount(t.target.within)} dari ${formatCount(t.target.judged)})</span></div>
</div>
<div class="columns">
<div><h3>Waktu sampai jawaban pertama</h3>${barRows({ id: "waktu-jawab", title: "Waktu sampai jawaban pertama", description: "Banyaknya tiket menurut lama menunggu jawaban pertama." }, responseRows, TICKET_SERIES, { width: 500, labelWidth: 140, noteWidth: 100 })}</div>
<div><h3>Jawaban pertama per petugas</h3>${
    staffRows.length > 0
      ? barRows({ id: "petugas", title: "Jawaban pertama per petugas", description: "Banyaknya tiket yang pertama kali dijawab oleh setiap petugas, dengan median waktu jawabnya." }, staffRows, TICKET_SERIES, { width: 500, labelWidth: 150, noteWidth: 170 })
      : `<p class="note">Belum ada tiket yang dijawab.</p>`
  }</div>
</div>
<h3>Per pekan</h3>
${perWeek}
${perStaff ? `<h3>Per petugas</h3>\n<p class="note">Tiket yang diambil petugas dengan /ambil, dan tiket yang jawaban pertamanya dari petugas itu.</p>\n${perStaff}` : ""}
<h3>Tiket yang masih terbuka saat laporan dibuat (${formatCount(t.openTotal)})</h3>
<p class="note">Termasuk tiket dari sebelum periode ini; tiket yang masuk sesudah periode tidak dihitung. Umur dihitung sampai ${esc(formatMoment(f.madeAt))}.</p>
${legend(OPEN_SERIES)}${barRows({ id: "umur-tiket", title: "Umur tiket terbuka", description: "Banyaknya tiket terbuka menurut umurnya, dipisah yang belum dan yang sudah dijawab." }, ageRows, OPEN_SERIES, { width: 620, labelWidth: 140, noteWidth: 90 })}
${oldest}
</section>`;
}

function ratingsSection(f: ReportFigures): string {
  const r = f.ratings;
  const t = f.tickets;
  const distribution: BarRow[] = RATING_LABELS.map((label, i) => ({
    label,
    segments: [r.distribution[i]!],
    note: `${formatCount(r.distribution[i]!)} (${formatShare(r.distribution[i]!, r.count)})`,
  })).reverse();
  const byEmployee = t.perClosing.filter((c) => c.kind === "pegawai" || c.kind === "panduan").reduce((sum, c) => sum + c.closed, 0);
  const perClosing = table(
    [{ heading: "Cara ditutup" }, ...RATING_COLUMNS],
    [
      ...t.perClosing.map((c) => [esc(CLOSING_LABELS[c.kind]), ...ratingCells(c)]),
      ["<b>Seluruhnya</b>", ...ratingCells({ closed: r.closed, ratings: r })],
    ],
  );
  const perWeek = table([{ heading: "Pekan" }, ...RATING_COLUMNS], t.perWeek.map((w) => [esc(formatWeek(w)), ...ratingCells(w)]));
  const perStaff =
    t.perStaff.length > 0 ? table([{ heading: "Petugas yang menjawab pertama" }, ...RATING_COLUMNS], t.perStaff.map((s) => [esc(staffName(s)), ...ratingCells(s)])) : "";
  const comments =
    r.comments.length > 0
      ? table(
          [{ heading: "Pekan" }, { heading: "Nilai", numeric: true }, { heading: "Komentar" }],
          r.comments.map((c) => [esc(formatWeek(c.week)), c.rating === null ? "–" : formatCount(c.rating), esc(c.text)]),
        )
      : `<p class="note">Belum ada komentar untuk tiket periode ini.</p>`;
  return `<section class="panel" id="penilaian">
<h2>7. Penilaian layanan</h2>
<p class="lead">Setiap tiket yang ditutup, siapa pun yang menutupnya, diikuti permintaan kepada pegawai untuk menilai layanan dari 1 (sangat kurang) sampai 5 (sangat baik), dan boleh ditambah komentar. Dihitung tiket yang pertanyaan pertamanya masuk pada periode ini, dengan penilaian yang masuk sampai laporan dibuat.</p>
<div class="stats">
<div><b>${outOfFive(r)}</b><span>nilai rata-rata</span></div>
<div><b>${formatCount(r.count)}</b><span>penilaian (${formatShare(r.count, r.closed)} dari ${formatCount(r.closed)} tiket ditutup)</span></div>
<div><b>${formatShare(byEmployee, r.closed)}</b><span>tiket ditutup oleh pegawai sendiri</span></div>
<div><b>${formatCount(r.comments.length)}</b><span>komentar</span></div>
</div>
<div class="columns">
<div><h3>Sebaran nilai</h3>${
    r.count > 0
      ? barRows({ id: "nilai", title: "Sebaran nilai", description: "Banyaknya penilaian untuk setiap nilai, dari 5 (sangat baik) sampai 1 (sangat kurang)." }, distribution, RATING_SERIES, { width: 500, labelWidth: 140, noteWidth: 100 })
      : `<p class="note">Belum ada penilaian untuk tiket periode ini.</p>`
  }</div>
<div><h3>Cara tiket ditutup</h3>${perClosing}</div>
</div>
<h3>Per pekan</h3>
${perWeek}
${perStaff ? `<h3>Per petugas</h3>\n<p class="note">Penilaian tiket dihitung untuk petugas yang menjawabnya pertama kali.</p>\n${perStaff}` : ""}
<h3>Komentar pegawai (${formatCount(r.comments.length)})</h3>
<p class="note">Tanpa nama, NIP, atau nomor tiket: hanya pekan pertanyaan dan nilainya. Per pekan, nilai terendah lebih dulu.</p>
${comments}
</section>`;
}

function registrationSection(f: ReportFigures): string {
  const r = f.registration;
  const units = [...r.units].sort((a, b) => b.registered / b.active - a.registered / a.active || b.active - a.active);
  const rows: BarRow[] = units.map((u) => ({
    label: u.unitKerja ?? NO_UNIT,
    segments: [u.registered, u.active - u.registered],
    note: `${formatCount(u.registered)} dari ${formatCount(u.active)} (${formatShare(u.registered, u.active)})`,
  }));
  return `<section class="panel" id="pendaftaran">
<h2>8. Pendaftaran pegawai</h2>
<p class="lead">Pegawai aktif yang sudah menghubungkan akun Telegram-nya (<code>/daftar</code>), per unit kerja, keadaan saat laporan dibuat; setiap batang = seluruh pegawai aktif unit itu. Seluruhnya <b>${formatCount(r.registered)} dari ${formatCount(r.active)}</b> pegawai aktif (${formatShare(r.registered, r.active)}); ${formatCount(r.newInPeriod)} mendaftar pada periode ini.</p>
${legend(REGISTRATION_SERIES)}${barRows({ id: "unit", title: "Pendaftaran per unit kerja", description: "Batang mendatar per unit kerja: pegawai aktif yang sudah dan belum terdaftar." }, rows, REGISTRATION_SERIES, { labelWidth: 330, noteWidth: 170, scale: "row" })}
</section>`;
}

function methodNotes(f: ReportFigures): string {
  return `<footer class="panel" aria-label="Catatan metode">
<h2>Cara menghitung</h2>
<dl>
<dt>Periode</dt><dd>${esc(formatPeriod(f.period))}, pukul 00.00 hari pertama sampai 23.59 hari terakhir WIB (UTC+7). Semua jam dan tanggal dalam WIB.</dd>
<dt>Pertanyaan</dt><dd>Setiap pesan, perintah, atau tombol yang dikirim pegawai ke bot di chat pribadi; percakapan di grup staf tidak dihitung. <i>Otomatis</i> = perintah dan tombol yang dijawab bot sendiri; <i>ke petugas</i> = pesan bebas (teks, foto, dokumen, suara) yang diteruskan sebagai tiket.</dd>
<dt>Tiket</dt><dd>Tiket yang pertanyaan pertamanya masuk pada periode ini. Waktu jawaban pertama diukur dari pertanyaan pertama sampai jawaban petugas pertama terkirim ke pegawai. Median = nilai tengah; persentil ke-90 = 90% tiket dijawab dalam waktu itu atau lebih cepat. Pekan = Senin sampai Minggu, menurut tanggal pertanyaan pertama; pekan pertama dan terakhir bisa terpotong oleh periode.</dd>
<dt>Jam layanan dan target</dt><dd>Waktu jawaban pertama juga dihitung dalam jam layanan saja (hari dan jam kerja di <code>jam-layanan.md</code>, tanpa hari libur dan cuti bersama). Target: jawaban pertama paling lama ${esc(formatTarget(f.tickets.target.ms))} (<code>TARGET_JAWAB_JAM</code>). <i>Dijawab dalam target</i> dihitung dari tiket yang sudah dijawab ditambah tiket yang belum dijawab tetapi sudah menunggu lebih lama dari target (sampai ditutup atau sampai laporan dibuat); tiket belum dijawab yang masih dalam target belum dihitung.</dd>
<dt>Penilaian</dt><dd>Nilai 1 sampai 5 dari pegawai setelah tiketnya ditutup; rata-rata dan sebarannya dihitung dari tiket periode ini yang sudah dinilai. Penilaian sebuah tiket dihitung untuk petugas yang menjawabnya pertama kali. <i>Oleh pegawai</i> = tombol “Sudah terjawab” atau <code>/selesai</code>; <i>terjawab panduan</i> = tombol “Ini menjawab pertanyaan saya”; <i>otomatis</i> = tiket yang sudah dijawab ditutup bot karena pegawai tidak menanggapi lagi. Tiket yang ditutup sebelum Sinawai meminta penilaian tidak pernah dimintai nilai.</dd>
<dt>Saran panduan</dt><dd>Pertanyaan dan pesan tambahan berisi teks yang diteruskan ke petugas, pada saat diterima. <i>Saran dibuka</i> = tombol topik yang ditekan dari tanda terima; <i>ditutup karena terjawab panduan</i> = tiket periode ini yang ditutup pegawai dengan tombol "Ini menjawab pertanyaan saya". Kata dari pertanyaan tanpa saran disimpan tanpa nama atau nomor pegawai, dan dihapus setelah masa simpan pesan.</dd>
<dt>Keadaan saat ini</dt><dd>Tiket yang masih terbuka dan angka pendaftaran menggambarkan keadaan saat laporan dibuat (${esc(formatMoment(f.madeAt))}), bukan keadaan di akhir periode.</dd>
<dt>Sumber</dt><dd>Basis data Sinawai (catatan pesan, tiket, dan data pegawai); judul topik dari folder konten saat laporan dibuat.</dd>
</dl>
</footer>`;
}

export function renderReportPage(f: ReportFigures, c: ContentUsage): string {
  const title = `Laporan Layanan Sinawai, ${formatPeriod(f.period)}`;
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="masthead"><div class="inner">
<p class="eyebrow">Biro Organisasi dan Sumber Daya Manusia · Layanan Kepegawaian Sinawai</p>
<h1>Laporan Evaluasi Layanan Sinawai</h1>
<p class="period">Periode <b>${esc(formatPeriod(f.period))}</b> (WIB) · ${formatCount(f.perDay.length)} hari</p>
<p class="made">Dibuat ${esc(formatMoment(f.madeAt))}</p>
</div></header>
<main>
${headline(f, c)}
${perDaySection(f)}
${hoursSection(f)}
${servicesSection(f)}
${topicsSection(c)}
${guidesSection(f, c)}
${ticketsSection(f)}
${ratingsSection(f)}
${registrationSection(f)}
${methodNotes(f)}
</main>
</body>
</html>
`;
}
