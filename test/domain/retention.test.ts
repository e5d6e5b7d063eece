import { expect } from "chai";
import type { Db } from "../../src/db/database.js";
import { bindTelegram, findByNip, upsertPengguna } from "../../src/db/pengguna-repo.js";
import { recordFailedTry } from "../../src/db/percobaan-daftar-repo.js";
import { insertPesan, type PesanData } from "../../src/db/pesan-repo.js";
import { closeTicket, rateTicket, createTicket, markAnswered } from "../../src/db/tiket-repo.js";
import { acceptUpdates, markUpdatesDone } from "../../src/db/update-masuk-repo.js";
import { startRepeatingJob } from "../../src/domain/repeating-job.js";
import { complete, enqueue, findItem, pendingItems } from "../../src/domain/outbox.js";
import { applyRetention } from "../../src/domain/retention.js";
import { collectFigures } from "../../src/report/figures.js";
import { periodOf, type Period } from "../../src/report/period.js";
import { DEFAULT_TARGET } from "../support/answer-target.js";
import { memoryLogger } from "../support/app-harness.js";
import { ManualScheduler } from "../support/manual-scheduler.js";
import { close, testDatabases } from "../support/test-db.js";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const wib = (date: string, time: string) => Date.parse(`${date}T${time}+07:00`);
/** The week the old report covers, Monday 3 to Sunday 9 March 2025 (WIB). */
const WEEK_START = wib("2025-03-03", "08:00:00");
const STAFF_GROUP = -100555;
const KEEP_DAYS = 365;

function oldWeek(): Period {
  const result = periodOf("2025-03-03", "2025-03-09");
  if (!result.ok) throw new Error(result.problem);
  return result.period;
}

let updateId = 1;
function pesan(at: number, chat: number, jenis: string, perintah: string | null, text: string, arah: "masuk" | "keluar" = "masuk"): PesanData {
  return {
    waktu: at,
    arah,
    id_chat: chat,
    id_pengirim: arah === "masuk" ? chat : 1,
    pengirim: arah === "masuk" ? "Budi Santoso" : "bot",
    isi_pesan: text,
    jenis,
    perintah,
    data: JSON.stringify({ text }),
    id_pesan: updateId,
    update_id: arah === "masuk" ? updateId++ : null,
  };
}

/** A week of use a year and more before `now`, and a little use since. */
async function insertActivity(db: Db): Promise<void> {
  await upsertPengguna(db, [
    { nip: "198501012010011001", nama: "Budi", unit_kerja: "Biro Umum", status: "aktif" },
    { nip: "199002022015032002", nama: "Siti", unit_kerja: "Inspektorat", status: "aktif" },
  ], WEEK_START);
  await bindTelegram(db, "198501012010011001", 101, WEEK_START - HOUR);
  await bindTelegram(db, "199002022015032002", 102, WEEK_START + 2 * DAY);
  await insertPesan(db, [
    pesan(WEEK_START, 101, "perintah", "tunkin", "/tunkin"),
    pesan(WEEK_START + 60_000, 101, "teks", null, "Tunkin Rp 7.500.000", "keluar"),
    pesan(WEEK_START + HOUR, 101, "tombol", "p:cuti", "p:cuti"),
    pesan(WEEK_START + 2 * HOUR, 101, "teks", null, "Gaji saya dipotong, kenapa?"),
    pesan(WEEK_START + DAY, 102, "photo", null, "foto SK"),
    pesan(WEEK_START + DAY + HOUR, STAFF_GROUP, "perintah", "tiket", "/tiket"),
    pesan(WEEK_START + 3 * DAY, 102, "perintah", "datapribadi", "/datapribadi"),
  ]);
  const budi = (await findByNip(db, "198501012010011001"))!.id;
  const siti = (await findByNip(db, "199002022015032002"))!.id;
  const first = await createTicket(db, budi, 101, WEEK_START + 2 * HOUR);
  await markAnswered(db, first, 900, "Rina", WEEK_START + 3 * HOUR);
  await closeTicket(db, first, { by: "staf", staffId: 900 }, WEEK_START + 4 * HOUR);
  await createTicket(db, siti, 102, WEEK_START + DAY);
}

for (const database of testDatabases()) {
  describe(`retention of personal data (${database.name})`, function () {
    let db: Db;
    beforeEach(async () => {
      db = await database.open();
    });
    afterEach(() => close(db));

    it("empties old message texts and payloads, and a report over that old week gives the same figures as before", async () => {
      await insertActivity(db);
      const now = WEEK_START + 400 * DAY;
      await insertPesan(db, [pesan(now - 10 * DAY, 101, "teks", null, "pertanyaan baru")]);
      const before = await collectFigures(db, oldWeek(), now, DEFAULT_TARGET);
      expect(before.messages.total).to.equal(5);
      expect(before.tickets.totals.asked).to.equal(2);

      const counts = await applyRetention(db, now, KEEP_DAYS);

      expect(counts.pesan).to.equal(7);
      expect(await collectFigures(db, oldWeek(), now, DEFAULT_TARGET)).to.deep.equal(before);
      const old = await db("pesan").where("waktu", "<", now - KEEP_DAYS * DAY).select("isi_pesan", "data", "pengirim", "perintah");
      expect(old).to.have.length(7);
      for (const row of old) expect([row.isi_pesan, row.data, row.pengirim]).to.deep.equal([null, null, null]);
      const recent = await db("pesan").where("waktu", ">=", now - KEEP_DAYS * DAY).first();
      expect(recent.isi_pesan).to.equal("pertanyaan baru");
      expect(JSON.parse(recent.data)).to.deep.equal({ text: "pertanyaan baru" });
    });

    it("empties the comments of tickets closed before RETENTION_DAYS and keeps their ratings, leaving recent comments alone", async () => {
      await insertActivity(db);
      await rateTicket(db, 1, 2, WEEK_START + 5 * HOUR);
      await db("tiket").where({ id: 1 }).update({ komentar: "Jawaban kurang jelas, saya Budi dari Biro Umum" });
      const now = WEEK_START + 400 * DAY;
      const recent = await createTicket(db, 1, 101, now - DAY);
      await closeTicket(db, recent, { by: "pegawai" }, now - DAY + HOUR);
      await db("tiket").where({ id: recent }).update({ komentar: "Cepat sekali" });

      expect((await applyRetention(db, now, KEEP_DAYS)).komentar).to.equal(1);
      expect(await db("tiket").where({ id: 1 }).first("komentar", "nilai").then((r) => [r.komentar, Number(r.nilai)])).to.deep.equal(["", 2]);
      expect((await db("tiket").where({ id: recent }).first()).komentar).to.equal("Cepat sekali");
      expect((await applyRetention(db, now, KEEP_DAYS)).komentar).to.equal(0);
    });

    it("strips rows of one moment together even when they do not fit one batch", async () => {
      const at = WEEK_START;
      // 1,005 rows at one millisecond (a batch is 1,000), written 201 at a time (SQLite's limit on one insert).
      for (let i = 0; i < 5; i++) await insertPesan(db, Array.from({ length: 201 }, () => ({ ...pesan(at, 101, "teks", null, "x"), update_id: null })));
      await insertPesan(db, [pesan(at - 1, 101, "teks", null, "y")]);
      expect((await applyRetention(db, at + 2 * DAY, 1)).pesan).to.equal(1006);
      const [left] = await db("pesan").whereNotNull("isi_pesan").count<{ n: number | string }[]>({ n: "*" });
      expect(Number(left!.n)).to.equal(0);
    });

    it("deletes inbox updates after 7 days whatever their state, sent or failed queue items after RETENTION_DAYS, failed tries after a day", async () => {
      const now = WEEK_START + 400 * DAY;
      const update = (id: number) => ({ update_id: id, kunci_chat: "c101", data: "{}" });
      await acceptUpdates(db, [update(1), update(2)], now - 8 * DAY, true);
      await markUpdatesDone(db, [1], now - 8 * DAY);
      await acceptUpdates(db, [update(3)], now - 6 * DAY, true);

      /** A note to Budi queued at `at`, delivered or given up then unless `ends` is undefined. */
      const queued = async (seq: number, at: number, ends?: "sent" | "failed") => {
        const key = { type: "deferred" as const, chatId: 101, at, seq };
        await enqueue(db, { key, kind: "tunda", ticketId: null, to: 101, payload: { type: "notice", text: "Tunkin Anda Rp 7.500.000" }, due: at }, at);
        const { id } = (await findItem(db, key))!;
        if (ends === "sent") await complete(db, id, { sent: { steps: 1, ids: [seq] } }, at);
        if (ends === "failed") await complete(db, id, { failed: "403: Forbidden: bot was blocked by the user", blocked: true }, at);
        return id;
      };
      await queued(1, now - 366 * DAY, "sent");
      await queued(2, now - 366 * DAY, "failed");
      const stillPending = await queued(3, now - 366 * DAY);
      const recent = await queued(4, now - 364 * DAY, "sent");

      await recordFailedTry(db, ["tg:101", "nip:198501012010011001"], now - DAY - 1);
      await recordFailedTry(db, ["tg:101"], now - HOUR);

      expect(await applyRetention(db, now, KEEP_DAYS)).to.deep.equal({ pesan: 0, saran_panduan: 0, antrian_kirim: 2, update_masuk: 2, percobaan_daftar: 2, komentar: 0 });
      expect((await db("update_masuk").select("update_id")).map((r) => Number(r.update_id))).to.deep.equal([3]);
      expect((await db("antrian_kirim").orderBy("id").select("id")).map((r) => Number(r.id))).to.deep.equal([stillPending, recent]);
      expect((await pendingItems(db, 10)).map((i) => i.id)).to.deep.equal([stillPending]);
      expect(await db("percobaan_daftar").count<{ n: number | string }[]>({ n: "*" }).then((r) => Number(r[0]!.n))).to.equal(1);
      expect(await applyRetention(db, now, KEEP_DAYS)).to.deep.equal({ pesan: 0, saran_panduan: 0, antrian_kirim: 0, update_masuk: 0, percobaan_daftar: 0, komentar: 0 });
    });

    it("runs as the bot's daily job on its clock: shortly after start, then every 24 hours, logging counts only", async () => {
      const clock = new ManualScheduler(WEEK_START + KEEP_DAYS * DAY - HOUR);
      await insertPesan(db, [pesan(WEEK_START, 101, "teks", null, "Gaji saya dipotong, kenapa?"), pesan(WEEK_START + 12 * HOUR, 101, "teks", null, "NIK 3174xxxx")]);
      const { log, lines } = memoryLogger();
      const job = startRepeatingJob("retensi data pribadi", (now) => applyRetention(db, now, KEEP_DAYS), { clock: () => clock.now(), log, timers: clock });
      try {
        await clock.advance(59_000);
        expect(lines).to.deep.equal([]);
        await clock.advance(1_000);
        await until(() => lines.length === 1);
        // An hour short of a year since the first message: nothing is old enough yet.
        expect(lines[0]).to.contain("retensi data pribadi selesai").and.contain('"pesan":0');

        await clock.advance(DAY);
        await until(() => lines.length === 2);
        expect(lines[1]).to.contain('"pesan":2');
        expect(lines.join("\n")).not.to.contain("Gaji").and.not.to.contain("NIK");
        expect(await db("pesan").whereNotNull("isi_pesan").select("id")).to.deep.equal([]);
      } finally {
        await job.stop();
      }
    });
  });
}

/** Waits for the job's write and log line, which follow the timer through a few database round trips. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition(), "condition not met within 5 s").to.equal(true);
}
