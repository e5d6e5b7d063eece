import { expect } from "chai";
import { loadContent } from "../../src/content/load-content.js";
import type { Content } from "../../src/content/types.js";
import type { Db } from "../../src/db/database.js";
import { bindTelegram, findByNip, upsertPengguna } from "../../src/db/pengguna-repo.js";
import { insertPesan, type PesanData } from "../../src/db/pesan-repo.js";
import { closeTicket, createTicket, markAnswered } from "../../src/db/tiket-repo.js";
import { contentUsage } from "../../src/report/content-usage.js";
import { collectFigures, type ReportFigures } from "../../src/report/figures.js";
import { periodOf, type Period } from "../../src/report/period.js";
import { buildServiceReport } from "../../src/report/service-report.js";
import { weeklySummary } from "../../src/report/weekly-summary.js";
import { DEFAULT_TARGET } from "../support/answer-target.js";
import { close, testDatabases } from "../support/test-db.js";

/** A moment written the way the bureau reads clocks: WIB, UTC+7. */
const wib = (date: string, time: string) => Date.parse(`${date}T${time}+07:00`);
const MIN = 60_000;
const HOUR = 60 * MIN;

/** The known data set: 2–4 November 2026 (Monday–Wednesday), the report made on Thursday 5 November 10.00 WIB. */
const NOW = wib("2026-11-05", "10:00:00");
const STAFF_GROUP = -100777;
const RINA = { id: 900, name: "Rina & <Tim A>" };
const YUSUF = { id: 901, name: "Yusuf" };

const EMPLOYEES = [
  { nip: "100000000000000001", nama: "Ani", unit_kerja: "Biro Umum", status: "aktif", tg: 101, registered: wib("2026-11-03", "09:00:00") },
  { nip: "100000000000000002", nama: "Budi", unit_kerja: "Biro Umum", status: "aktif", tg: 102, registered: wib("2026-10-01", "09:00:00") },
  { nip: "100000000000000003", nama: "Citra", unit_kerja: "Biro Umum", status: "aktif", tg: null, registered: null },
  { nip: "100000000000000004", nama: "Dedi", unit_kerja: "Biro Umum", status: "nonaktif", tg: 104, registered: wib("2026-11-03", "10:00:00") },
  { nip: "100000000000000005", nama: "Eka", unit_kerja: "Inspektorat", status: "aktif", tg: null, registered: null },
  // The HR export may capitalise the status; it still counts as active.
  { nip: "100000000000000006", nama: "Fajar", unit_kerja: "Inspektorat", status: "Aktif", tg: null, registered: null },
  { nip: "100000000000000007", nama: "Gita", unit_kerja: null, status: "aktif", tg: 107, registered: wib("2026-11-04", "23:30:00") },
];

function topicId(content: Content, title: string): string {
  const topic = content.categories.flatMap((c) => c.topics).find((t) => t.title === title);
  if (!topic) throw new Error(`fixture topic ${title} missing`);
  return topic.id;
}

async function loadFixtureContent(): Promise<Content> {
  const loaded = await loadContent("test/fixtures/content/valid");
  if (!loaded.ok) throw new Error("fixture content invalid");
  return loaded.content;
}

async function insertKnownData(db: Db, content: Content): Promise<void> {
  await upsertPengguna(db, EMPLOYEES.map(({ nip, nama, unit_kerja, status }) => ({ nip, nama, unit_kerja, status })), NOW);
  for (const e of EMPLOYEES) if (e.tg !== null) await bindTelegram(db, e.nip, e.tg, e.registered!);
  const kenaikan = `t:mutasi:${topicId(content, "Kenaikan Pangkat")}`;
  const diklat = `t:renbangkompeg:${topicId(content, "Diklat")}`;
  const formulir = `d:${content.documents[0]!.id}`;

  let update = 1;
  const row = (at: number, chat: number, jenis: string, perintah: string | null, arah: "masuk" | "keluar" = "masuk"): PesanData => ({
    waktu: at,
    arah,
    id_chat: chat,
    id_pengirim: arah === "masuk" ? chat : 1,
    pengirim: "x",
    isi_pesan: perintah,
    jenis,
    perintah,
    data: "{}",
    id_pesan: update,
    update_id: arah === "masuk" ? update++ : null,
  });
  await insertPesan(db, [
    // Monday 2 November: 4 automatic, 1 free.
    row(wib("2026-11-02", "08:05:00"), 101, "perintah", "start"),
    row(wib("2026-11-02", "08:06:00"), 101, "teks", null, "keluar"),
    row(wib("2026-11-02", "08:20:00"), 101, "tombol", "p:tunkin"),
    row(wib("2026-11-02", "08:40:00"), 102, "perintah", "tunkin"),
    row(wib("2026-11-02", "09:10:00"), 102, "teks", null),
    row(wib("2026-11-02", "09:30:00"), STAFF_GROUP, "teks", null),
    row(wib("2026-11-02", "09:31:00"), STAFF_GROUP, "perintah", "tiket"),
    // 23.30 WIB is still Monday, although 16.30 UTC.
    row(wib("2026-11-02", "23:30:00"), 101, "tombol", kenaikan),
    // Tuesday 3 November: 4 automatic, 1 free. 00.30 WIB is Tuesday, although Monday 17.30 UTC.
    row(wib("2026-11-03", "00:30:00"), 102, "tombol", kenaikan),
    row(wib("2026-11-03", "08:15:00"), 107, "tombol", diklat),
    row(wib("2026-11-03", "08:45:00"), 107, "photo", null),
    row(wib("2026-11-03", "14:00:00"), 101, "tombol", "p:tunkin"),
    row(wib("2026-11-03", "14:05:00"), 101, "tombol", "x:stale"),
    // Wednesday 4 November: 3 automatic, 1 free; the last millisecond of the period counts.
    row(wib("2026-11-04", "10:00:00"), 103, "perintah", "daftar"),
    row(wib("2026-11-04", "10:01:00"), 103, "teks", null),
    row(wib("2026-11-04", "10:02:00"), 103, "tombol", formulir),
    row(wib("2026-11-04", "23:59:59.999"), 102, "perintah", "cuti"),
    // Just outside the period, on either side.
    row(wib("2026-11-01", "23:59:59.999"), 101, "perintah", "tunkin"),
    row(wib("2026-11-05", "00:00:00"), 101, "perintah", "tunkin"),
  ]);

  const ids = new Map<string, number>();
  for (const e of EMPLOYEES) ids.set(e.nama, (await findByNip(db, e.nip))!.id);
  const ticket = async (who: string, asked: number, answer?: { after: number; by: typeof RINA; close?: boolean }) => {
    const id = await createTicket(db, ids.get(who)!, EMPLOYEES.find((e) => e.nama === who)!.tg ?? 0, asked);
    if (answer) {
      await markAnswered(db, id, answer.by.id, answer.by.name, asked + answer.after);
      if (answer.close) await closeTicket(db, id, { by: "staf", staffId: answer.by.id }, asked + answer.after + HOUR);
    }
    return id;
  };
  await ticket("Budi", wib("2026-10-20", "10:00:00"), { after: 5 * MIN, by: YUSUF, close: true });
  await ticket("Budi", wib("2026-10-30", "10:00:00"));
  await ticket("Ani", wib("2026-11-02", "09:00:00"), { after: 10 * MIN, by: RINA, close: true });
  await ticket("Budi", wib("2026-11-02", "09:10:00"), { after: 20 * MIN, by: RINA, close: true });
  await ticket("Gita", wib("2026-11-02", "13:00:00"), { after: 30 * MIN, by: YUSUF, close: true });
  await ticket("Ani", wib("2026-11-03", "08:00:00"), { after: 60 * MIN, by: RINA, close: true });
  // Answered but not closed: still open.
  await ticket("Budi", wib("2026-11-03", "10:00:00"), { after: 120 * MIN, by: YUSUF });
  await ticket("Gita", wib("2026-11-03", "16:00:00"), { after: 600 * MIN, by: RINA, close: true });
  await ticket("Ani", wib("2026-11-04", "15:00:00"));
  await ticket("Gita", wib("2026-11-05", "08:00:00"));
}

function knownPeriod(): Period {
  const result = periodOf("2026-11-02", "2026-11-04");
  if (!result.ok) throw new Error(result.problem);
  return result.period;
}

for (const database of testDatabases()) {
  describe(`service report figures from a known data set (${database.name})`, function () {
    let db: Db;
    let content: Content;
    let f: ReportFigures;

    before(async () => {
      db = await database.open();
      content = await loadFixtureContent();
      await insertKnownData(db, content);
      f = await collectFigures(db, knownPeriod(), NOW, DEFAULT_TARGET);
    });
    after(() => close(db));

    it("counts employees' questions per WIB day, splitting at midnight WIB, not UTC", () => {
      expect(f.perDay).to.deep.equal([
        { date: "2026-11-02", weekday: 0, automatic: 4, free: 1 },
        { date: "2026-11-03", weekday: 1, automatic: 4, free: 1 },
        { date: "2026-11-04", weekday: 2, automatic: 3, free: 1 },
      ]);
      expect(f.messages).to.deep.equal({ total: 14, automatic: 11, free: 3, senders: 4 });
    });

    it("counts each command, typed or pressed, the topics read and the staff group's commands apart", () => {
      const use = Object.fromEntries(f.usage.services.map((s) => [s.command, [s.viaCommand, s.viaButton]]));
      expect(use.tunkin).to.deep.equal([1, 2]);
      expect(use.start).to.deep.equal([1, 0]);
      expect(use.cuti).to.deep.equal([1, 0]);
      expect(use.daftar).to.deep.equal([1, 0]);
      expect(use.mutasi).to.deep.equal([0, 0]);
      expect(f.usage.services[0]!.command).to.equal("tunkin");
      expect(f.usage.unknownButtons).to.equal(1);
      expect(f.usage.unknownCommands).to.equal(0);
      expect(f.usage.staffCommands).to.deep.equal([{ command: "tiket", uses: 1 }]);

      const c = contentUsage(f.usage, content);
      expect(c.readTopics.map((t) => [t.topicTitle, t.reads])).to.deep.equal([
        ["Kenaikan Pangkat", 2],
        ["Diklat", 1],
      ]);
      expect(c.unreadTopics.map((t) => t.topicTitle)).to.deep.equal(["Izin Belajar", "Cuti", "SKP"]);
      expect(c.documents).to.deep.equal([{ title: "Contoh Formulir", downloads: 1 }]);
    });

    it("puts each message in its WIB hour of the week", () => {
      // Monday 08.00–08.59: 08.05, 08.20 and 08.40.
      expect(f.hourOfWeek[0]![8]).to.equal(3);
      expect(f.hourOfWeek[0]![23]).to.equal(1);
      expect(f.hourOfWeek[1]![0]).to.equal(1);
      expect(f.hourOfWeek[2]![10]).to.equal(3);
      expect(f.hourOfWeek.flat().reduce((a, b) => a + b, 0)).to.equal(14);
      expect(f.hourOfWeek.flat().filter((n) => n > 0)).to.have.length(8);
    });

    it("times the first staff answer of the period's tickets: median and 90th percentile", () => {
      expect(f.tickets.totals).to.deep.equal({ asked: 7, answered: 6, closed: 5 });
      // Answered after 10, 20, 30, 60, 120 and 600 minutes: median (30 + 60) / 2; nearest rank ⌈0.9 × 6⌉ = 6th.
      expect(f.tickets.firstAnswer).to.deep.equal({ median: 45 * MIN, p90: 600 * MIN });
      // < 15 min, 15 min–1 h, 1–4 h, 4 h–1 day, ≥ 1 day; exactly one hour is in the third class.
      expect(f.tickets.responseClasses).to.deep.equal([1, 2, 2, 1, 0]);
    });

    it("counts first answers per staff member with each one's median", () => {
      expect(f.tickets.perStaff.map((s) => [s.staffId, s.name, s.tickets, s.wait.median])).to.deep.equal([
        [900, "Rina & <Tim A>", 4, 40 * MIN],
        [901, "Yusuf", 2, 75 * MIN],
      ]);
    });

    it("lists the tickets still open at report time with their ages, older ones included, later ones not", () => {
      expect(f.tickets.openTotal).to.equal(3);
      expect(f.tickets.oldestOpen.map((t) => [t.age / HOUR, t.answered, t.unitKerja])).to.deep.equal([
        [6 * 24, false, "Biro Umum"],
        [48, true, "Biro Umum"],
        [19, false, "Biro Umum"],
      ]);
      // < 1 day, 1–3 days, 3–7 days, ≥ 7 days.
      expect(f.tickets.openByAge).to.deep.equal([
        { tickets: 1, unanswered: 1 },
        { tickets: 1, unanswered: 0 },
        { tickets: 1, unanswered: 1 },
        { tickets: 0, unanswered: 0 },
      ]);
    });

    it("relates registered to active employees per work unit", () => {
      const units = Object.fromEntries(f.registration.units.map((u) => [u.unitKerja ?? "-", `${u.registered}/${u.active}`]));
      expect(units).to.deep.equal({ "Biro Umum": "2/3", Inspektorat: "0/2", "-": "1/1" });
      expect([f.registration.registered, f.registration.active, f.registration.newInPeriod]).to.deep.equal([3, 6, 2]);
    });

    it("sums up the last 7 days for /statistik in escaped Telegram HTML", async () => {
      const text = await weeklySummary(db, NOW, DEFAULT_TARGET);
      // 30 October – 5 November: the period's 14 messages and the two just outside it, 9 tickets, 4 still open.
      expect(text).to.contain("30 Oktober – 5 November 2026");
      expect(text).to.contain("Pertanyaan: <b>16</b>");
      expect(text).to.contain("dijawab otomatis: 13 (81,3%)");
      expect(text).to.contain("Tiket baru: <b>9</b>, dijawab 6 (66,7%)");
      expect(text).to.contain("median <b>45 menit</b>, 90% dalam 10 jam 0 menit");
      expect(text).to.contain("Masih terbuka: <b>4</b>, 3 belum dijawab");
      expect(text).to.contain("6 hari 0 jam");
      expect(text).to.contain("Rina &amp; &lt;Tim A&gt; 4, Yusuf 2");
      expect(text).to.contain("/tunkin 5");
      expect(text).to.contain("Terdaftar: 3 dari 6 pegawai aktif (50%), 2 baru");
      expect(text).not.to.contain("<Tim A>");
    });

    it("renders a self-contained page that states the period and when it was made", async () => {
      const html = await buildServiceReport(db, knownPeriod(), NOW, content, DEFAULT_TARGET);
      expect(html).to.contain("2–4 November 2026");
      expect(html).to.contain("5 November 2026 pukul 10.00 WIB");
      expect(html).to.contain("Kenaikan Pangkat").and.contain("Izin Belajar");
      expect(html).to.contain("Rina &amp; &lt;Tim A&gt;").and.not.contain("<Tim A>");
      expect(html).not.to.match(/<script|<link|<img|<iframe|@import|url\(|src=/i);
      // The SVG namespace is a name, never fetched; no other address appears.
      expect(new Set(html.match(/https?:\/\/[^"\s<]+/g))).to.deep.equal(new Set(["http://www.w3.org/2000/svg"]));
    });
  });
}
