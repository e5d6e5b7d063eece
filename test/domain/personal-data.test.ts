import { expect } from "chai";
import type { User } from "node-telegram-bot-api";
import type { Db } from "../../src/db/database.js";
import { erasePersonalData } from "../../src/domain/personal-data-erasure.js";
import { exportCounts, exportPersonalData } from "../../src/domain/personal-data-export.js";
import { collectFigures } from "../../src/report/figures.js";
import { periodOf, wibDate, type Period } from "../../src/report/period.js";
import { DEFAULT_TARGET } from "../support/answer-target.js";
import { eachTestWithBot, STAFF_GROUP, type Harness } from "../support/app-harness.js";
import type { RecordedCall } from "../support/fake-telegram/types.js";
import { makeUser } from "../support/updates.js";
import { testDatabases } from "../support/test-db.js";

const BUDI_NIP = "198501012010011001";
const SITI_NIP = "199002022015032002";
const STAFF: User = makeUser(700, { first_name: "Rina", last_name: "Staf" });
const QUESTION = "Tunkin saya dipotong, padahal saya sakit dengan surat dokter";
const ANSWER = "Potongan karena surat dokter belum diunggah, Pak";
const SITI_QUESTION = "Bagaimana cara cuti melahirkan?";
const SENDS = ["sendMessage", "copyMessage", "copyMessages"];
const isDeliveryTo = (chatId: number) => (c: RecordedCall) => SENDS.includes(c.method) && c.params.chat_id === chatId && c.status === 200;

function today(now: number): Period {
  const result = periodOf(wibDate(now), wibDate(now));
  if (!result.ok) throw new Error(result.problem);
  return result.period;
}

for (const database of testDatabases()) {
  describe(`a person's data: access and erasure (${database.name})`, function () {
    let db: Db;
    let h: Harness;
    let budi: User;
    let siti: User;

    eachTestWithBot(database, (harness, fresh) => {
      h = harness;
      db = fresh;
    });

    /** Budi asks and is answered, Siti asks; returns once the bot has logged every message it sent. */
    async function conversation(): Promise<void> {
      budi = await h.employee(801, { nama: "Budi Santoso", nip: BUDI_NIP });
      siti = await h.employee(802, { nama: "Siti Rahmawati", nip: SITI_NIP });
      h.fake.userSays(budi, QUESTION);
      await h.fake.waitForCalls(isDeliveryTo(STAFF_GROUP.id), 1, 8000);
      const question = h.fake.messagesIn(STAFF_GROUP.id)[0]!;
      h.fake.groupMessage(STAFF_GROUP, STAFF, { text: ANSWER, reply_to_message: question });
      await h.fake.waitForCalls(isDeliveryTo(budi.id), 2, 8000);
      h.fake.userSays(siti, SITI_QUESTION);
      // Budi's question, the delivery note of the answer, Siti's question.
      await h.fake.waitForCalls(isDeliveryTo(STAFF_GROUP.id), 3, 8000);
      await h.fake.waitForCalls(isDeliveryTo(siti.id), 1, 8000);
      // The bot logs what it sent just after sending it.
      const sentTo = (chat: number) => h.fake.calls.filter(isDeliveryTo(chat)).length;
      await until(async () => {
        const logged = (chat: number) => db("pesan").where({ id_chat: chat, arah: "keluar" }).count<{ n: number | string }[]>({ n: "*" }).then((r) => Number(r[0]!.n));
        return (await logged(STAFF_GROUP.id)) === sentTo(STAFF_GROUP.id) && (await logged(budi.id)) === sentTo(budi.id) && (await logged(siti.id)) === sentTo(siti.id);
      });
    }

    it("an export holds Budi's record without the password, his ticket, and his messages wherever they went, and nothing of Siti's", async () => {
      await conversation();
      const data = (await exportPersonalData(db, BUDI_NIP, Date.now()))!;

      expect(data.nip).to.equal(BUDI_NIP);
      expect(data.akun_telegram).to.deep.equal([budi.id]);
      expect(data.pengguna).to.include({ nip: BUDI_NIP, nama: "Budi Santoso", id_telegram: budi.id });
      expect(data.pengguna).not.to.have.property("password");
      expect(data.tiket).to.have.length(1);
      expect(String(data.tiket[0]!.ditanya)).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+07:00$/);

      const texts = data.pesan.map((p) => `${String(p.id_chat)} ${String(p.arah)} ${String(p.isi_pesan)}`);
      // His question in his chat, and the bot's copy of it in the staff group.
      expect(texts.filter((t) => t.includes(QUESTION))).to.have.length(2);
      expect(texts.some((t) => t.startsWith(`${STAFF_GROUP.id} keluar`) && t.includes(QUESTION))).to.equal(true);
      // The staff member's reply in the group, and the answer that reached him.
      expect(texts.some((t) => t.startsWith(`${STAFF_GROUP.id} masuk ${ANSWER}`))).to.equal(true);
      expect(texts.some((t) => t.startsWith(`${budi.id} keluar`) && t.includes(ANSWER))).to.equal(true);
      // The group's note that the answer reached him.
      expect(texts.some((t) => t.startsWith(`${STAFF_GROUP.id} keluar`) && t.includes("terkirim ke Budi Santoso"))).to.equal(true);
      expect(data.antrian_kirim.map((a) => a.jenis)).to.include.members(["tanya", "jawab", "info"]);
      expect(data.antrian_kirim[0]!.muatan).to.be.an("object");

      const all = JSON.stringify(data);
      expect(all).not.to.contain(SITI_QUESTION).and.not.to.contain("Siti").and.not.to.contain('"password"');
      expect(exportCounts(data)).to.include({ pengguna: 1, tiket: 1, pesan: data.pesan.length, antrian_kirim: data.antrian_kirim.length });
    });

    it("erasure removes what the export showed of Budi's use, unbinds him, keeps his ticket's times for the report, and leaves Siti alone", async () => {
      await conversation();
      const now = Date.now();
      const before = await collectFigures(db, today(now), now, DEFAULT_TARGET);
      const exported = (await exportPersonalData(db, BUDI_NIP, now))!;
      const sitiBefore = (await exportPersonalData(db, SITI_NIP, now))!;
      await db("tiket").where({ id: exported.tiket[0]!.id }).update({ komentar: "Saya Budi, terima kasih" });
      const ticketBefore = await db("tiket").where({ id: exported.tiket[0]!.id }).first();

      const result = (await erasePersonalData(db, BUDI_NIP, now))!;

      expect(result).to.deep.include({ nama: "Budi Santoso", telegramIds: [budi.id], ticketsKept: 1, ticketsOpen: 1, unbound: true });
      expect(result.deleted).to.deep.include({ pesan: exported.pesan.length, antrian_kirim: exported.antrian_kirim.length, tiket_pesan: exported.tiket_pesan.length });
      expect(result.deleted.pesan).to.be.greaterThan(5);

      const rows: Record<string, unknown>[] = await db("pesan").select("*");
      const log = JSON.stringify(rows);
      expect(log).not.to.contain(QUESTION.slice(0, 20)).and.not.to.contain(ANSWER.slice(0, 20)).and.not.to.contain("Budi");
      expect(rows.filter((r) => Number(r.id_chat) === budi.id || Number(r.id_pengirim) === budi.id)).to.deep.equal([]);
      expect(JSON.stringify(await db("antrian_kirim").select("*"))).not.to.contain("Budi").and.not.to.contain(QUESTION.slice(0, 20));
      expect(await db("update_masuk").where({ kunci_chat: `c${budi.id}` }).select("update_id")).to.deep.equal([]);

      const ticket = await db("tiket").where({ id: ticketBefore.id }).first();
      expect(Number(ticket.id_chat)).to.equal(0);
      expect(ticket.komentar, "his words go").to.equal(null);
      expect({ ...ticket, id_chat: 0 }).to.deep.equal({ ...ticketBefore, id_chat: 0, komentar: null });
      const employee = await db("pengguna").where({ nip: BUDI_NIP }).first();
      expect([employee.nama, employee.id_telegram, employee.terdaftar_pada]).to.deep.equal(["Budi Santoso", null, null]);

      const after = await collectFigures(db, today(now), now, DEFAULT_TARGET);
      expect(after.tickets).to.deep.equal(before.tickets);

      const again = (await exportPersonalData(db, BUDI_NIP, now))!;
      expect(exportCounts(again)).to.include({ pengguna: 1, tiket: 1, pesan: 0, antrian_kirim: 0, tiket_pesan: 0, update_masuk: 0 });
      expect(again.akun_telegram).to.deep.equal([]);
      const sitiAfter = (await exportPersonalData(db, SITI_NIP, now))!;
      expect(sitiAfter.pesan).to.deep.equal(sitiBefore.pesan);
      expect(sitiAfter.antrian_kirim).to.deep.equal(sitiBefore.antrian_kirim);

      expect(await erasePersonalData(db, BUDI_NIP, now)).to.deep.include({
        deleted: { pesan: 0, antrian_kirim: 0, update_masuk: 0, tiket_pesan: 0, percobaan_daftar: 0, topik: 0 },
        unbound: false,
      });
    });

    it("answers an unknown NIP with nothing", async () => {
      expect(await exportPersonalData(db, BUDI_NIP, Date.now())).to.equal(undefined);
      expect(await erasePersonalData(db, BUDI_NIP, Date.now())).to.equal(undefined);
    });
  });
}

/** Polls a condition the bot fulfils a moment after the event a test waited for. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  expect.fail("condition not met within 5 s");
}
