import { expect } from "chai";
import type { Message, User } from "node-telegram-bot-api";
import { parseCallbackData } from "../../src/bot/callback-data.js";
import type { Db } from "../../src/db/database.js";
import { collectFigures } from "../../src/report/figures.js";
import { lastDays } from "../../src/report/period.js";
import { DEFAULT_TARGET } from "../support/answer-target.js";
import { eachTestWithBot, STAFF_GROUP, type Harness } from "../support/app-harness.js";
import type { RecordedCall } from "../support/fake-telegram/types.js";
import { testDatabases } from "../support/test-db.js";

const SENDS = ["sendMessage", "copyMessage", "copyMessages", "sendDocument"];
const sentTo = (chatId: number) => (c: RecordedCall) => SENDS.includes(c.method) && c.params.chat_id === chatId && c.status === 200;

for (const database of testDatabases()) {
  describe(`answers before asking: guide suggestions and /cari (${database.name})`, function () {
    let h: Harness;
    let db: Db;
    eachTestWithBot(database, (harness, fresh) => {
      h = harness;
      db = fresh;
    });

    const textOf = (m: Message) => m.text ?? m.caption ?? "";
    const buttonsOf = (m: Message) => m.reply_markup?.inline_keyboard.flat() ?? [];
    const groupTexts = () => h.fake.messagesIn(STAFF_GROUP.id).map(textOf);
    /** Waits until the bot has sent `count` messages (or files) to the chat in all, and returns the last. */
    const nth = async (chatId: number, count: number): Promise<Message> => {
      await h.fake.waitForCalls(sentTo(chatId), count, 8000);
      return h.fake.messagesIn(chatId).at(-1)!;
    };
    /** Presses a button of a message shown to `user` and waits for the press to be answered. */
    const press = async (user: User, message: Message, label: string | RegExp) => {
      const button = buttonsOf(message).find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
      if (!button) throw new Error(`no button ${String(label)} in ${JSON.stringify(buttonsOf(message).map((b) => b.text))}`);
      const update = h.fake.pressButton(user, message, button.callback_data!);
      const id = "callback_query" in update ? update.callback_query.id : "";
      return h.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.params.callback_query_id === id);
    };

    it("offers the guide topics that match a question on its acknowledgement, and the question still reaches the staff at once", async () => {
      const budi = await h.employee(901, { nama: "Budi Santoso" });
      h.fake.userSays(budi, "berapa lama proses kenaikan pangkat?");
      const ack = await nth(budi.id, 1);
      expect(textOf(ack)).to.match(/#T\d+/).and.contain("mungkin panduan berikut");
      const offered = buttonsOf(ack);
      expect(offered.length).to.be.within(1, 3);
      expect(offered[0]!.text).to.contain("Kenaikan Pangkat");
      expect(parseCallbackData(offered[0]!.callback_data!)).to.include({ type: "suggestion", category: "mutasi" });

      await h.fake.waitForCalls(sentTo(STAFF_GROUP.id), 1, 8000);
      expect(groupTexts()[0]).to.contain("berapa lama proses kenaikan pangkat?").and.contain("Budi Santoso");
      const row = await db("saran_panduan").first();
      expect([Number(row.jumlah_saran) > 0, row.kata]).to.deep.equal([true, null]);
    });

    it("shows a tapped topic's answer with a button that closes the ticket as answered by the guide, and tells the staff", async () => {
      const budi = await h.employee(902, { nama: "Budi" });
      h.fake.userSays(budi, "gmn caranya ngajuin cuti besar?");
      const ack = await nth(budi.id, 1);
      const tag = textOf(ack).match(/#T(\d+)/)!;
      await h.fake.waitForCalls(sentTo(STAFF_GROUP.id), 1, 8000);

      await press(budi, ack, /Cuti Pegawai/);
      const answer = await nth(budi.id, 2);
      expect(textOf(answer)).to.contain("Cuti besar").and.not.contain("Kata kunci");
      expect(buttonsOf(answer).map((b) => b.text)).to.include("✅ Ini menjawab pertanyaan saya");
      expect(textOf(h.fake.messagesIn(budi.id)[0]!)).to.contain(tag[0]);

      const closed = await press(budi, answer, "✅ Ini menjawab pertanyaan saya");
      expect(String(closed.params.text)).to.contain("ditutup").and.contain(tag[0]);
      const rating = await nth(budi.id, 3);
      expect(textOf(rating)).to.contain(tag[0]).and.contain("terjawab oleh panduan").and.contain("Bagaimana layanan kami");
      expect(buttonsOf(rating).map((b) => b.text)).to.have.length(5);
      const ticket = await db("tiket").where({ id: Number(tag[1]) }).first();
      expect(ticket.status).to.equal("selesai");
      expect(ticket.ditutup_topik).to.match(/^jahdis:[0-9a-f]{10}$/);
      await h.fake.waitForCalls(sentTo(STAFF_GROUP.id), 2, 8000);
      expect(groupTexts()[1]).to.contain(tag[0]).and.contain("ditutup oleh pegawai").and.contain("Cuti Pegawai");

      const again = await press(budi, answer, "✅ Ini menjawab pertanyaan saya");
      expect(String(again.params.text)).to.contain("sudah ditutup sebelumnya");
      expect(h.fake.messagesIn(budi.id)).to.have.length(3);

      const figures = await collectFigures(db, lastDays(Date.now(), 1), Date.now(), DEFAULT_TARGET);
      expect(figures.guides).to.deep.include({ searched: 1, offered: 1 });
      expect(figures.guides.closedByGuide).to.have.length(1);
      expect(figures.usage.suggestionsOpened).to.equal(1);
    });

    it("does not let another employee close a ticket with a forged button", async () => {
      const budi = await h.employee(903, { nama: "Budi" });
      const siti = await h.employee(904, { nama: "Siti" });
      h.fake.userSays(budi, "gmn caranya ngajuin cuti besar?");
      const ack = await nth(budi.id, 1);
      const forged = buttonsOf(ack)[0]!.callback_data!.replace(/^s:/, "j:");
      h.fake.userSays(siti, "/tentang");
      const shown = await nth(siti.id, 1);
      h.fake.pushUpdate({ callback_query: { id: "forged-1", from: siti, chat_instance: "x", message: shown, data: forged } });
      const answered = await h.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.params.callback_query_id === "forged-1");
      expect(String(answered.params.text)).to.contain("tidak berlaku");
      expect((await db("tiket").first()).status).to.equal("terbuka");
    });

    it("offers no buttons for a question nothing matches, keeps its words for the report, and relays it all the same", async () => {
      const budi = await h.employee(905, { nama: "Budi" });
      h.fake.userSays(budi, "kantin lantai 2 buka jam berapa?");
      const ack = await nth(budi.id, 1);
      expect(textOf(ack)).to.match(/#T\d+/).and.not.contain("panduan");
      expect(buttonsOf(ack)).to.deep.equal([]);
      await h.fake.waitForCalls(sentTo(STAFF_GROUP.id), 1, 8000);
      expect(groupTexts()[0]).to.contain("kantin lantai 2");
      const figures = await collectFigures(db, lastDays(Date.now(), 1), Date.now(), DEFAULT_TARGET);
      expect(figures.guides).to.deep.include({ searched: 1, offered: 0 });
      expect(figures.guides.unmatchedWords.map((w) => w.word)).to.include.members(["kantin", "lantai"]);
    });

    it("offers topics for a follow-up to an open ticket too", async () => {
      const budi = await h.employee(906, { nama: "Budi" });
      h.fake.userSays(budi, "selamat pagi min");
      const first = await nth(budi.id, 1);
      expect(buttonsOf(first)).to.deep.equal([]);
      h.fake.userSays(budi, "mau tanya syarat tugas belajar S2 apa aja?");
      const second = await nth(budi.id, 2);
      expect(textOf(second)).to.contain("Pesan tambahan");
      expect(buttonsOf(second)[0]!.text).to.contain("Tugas Belajar");
      await h.fake.waitForCalls(sentTo(STAFF_GROUP.id), 2, 8000);
    });

    it("/cari finds topics, news and documents, each opening as the menus open it", async () => {
      const budi = await h.employee(907, { nama: "Budi" });
      h.fake.userSays(budi, "/cari formulir cuti");
      const results = await nth(budi.id, 1);
      expect(textOf(results)).to.contain("Hasil pencarian").and.contain("formulir cuti");
      const kinds = buttonsOf(results).map((b) => parseCallbackData(b.callback_data!)?.type);
      expect(kinds).to.include("document").and.include("topic");
      await press(budi, results, /Formulir Permohonan Cuti/);
      const file = await h.fake.waitForCall((c) => c.method === "sendDocument" && c.status === 200);
      expect(file.params.chat_id).to.equal(budi.id);

      h.fake.userSays(budi, "/cari usulan pelatihan 2027");
      const news = await nth(budi.id, 3);
      await press(budi, news, /2027 dibuka/);
      expect(textOf(await nth(budi.id, 4))).to.contain("Usulan kebutuhan pelatihan tahun 2027 dibuka").and.contain("11 Desember 2026");

      h.fake.userSays(budi, "/cari satyalencana");
      const topic = await nth(budi.id, 5);
      await press(budi, topic, /Penghargaan Satyalencana/);
      await h.fake.waitForCall((c) => c.method === "editMessageText" && c.status === 200 && String(c.params.text).includes("Satyalencana Karya Satya"));
    });

    it("/cari without results offers to ask the staff, and /cari alone says how to use it", async () => {
      const budi = await h.employee(908, { nama: "Budi" });
      h.fake.userSays(budi, "/cari parkir motor basement");
      const nothing = await nth(budi.id, 1);
      expect(textOf(nothing)).to.contain("Belum ada panduan").and.contain("tulis pertanyaan Anda di chat ini");
      expect(buttonsOf(nothing)).to.deep.equal([]);
      h.fake.userSays(budi, "/cari");
      expect(textOf(await nth(budi.id, 2))).to.contain("/cari kenaikan pangkat");
      await h.fake.waitForCall((c) => c.method === "setMyCommands" && c.status === 200);
      expect(h.fake.myCommands().map((c) => c.command)).to.include("cari");
    });

    it('answers a mistyped command with "Maksud Anda …?" and relays nothing to the staff', async () => {
      const budi = await h.employee(909, { nama: "Budi" });
      h.fake.userSays(budi, "/datapribad");
      expect(textOf(await nth(budi.id, 1))).to.contain("Maksud Anda /datapribadi?");
      h.fake.userSays(budi, "/tunkn");
      expect(textOf(await nth(budi.id, 2))).to.contain("Maksud Anda /tunkin?");
      h.fake.userSays(budi, "/mutsi");
      expect(textOf(await nth(budi.id, 3))).to.contain("Maksud Anda /mutasi?");
      h.fake.userSays(budi, "/xyzzyplugh");
      expect(textOf(await nth(budi.id, 4))).to.contain("Perintah tidak dikenal");
      // The bot handles one chat in order: once this marker is answered, nothing earlier is still on its way.
      h.fake.userSays(budi, "/tentang");
      await nth(budi.id, 5);
      await h.app.outbox.idle();
      expect(h.fake.messagesIn(STAFF_GROUP.id)).to.deep.equal([]);
      expect(await db("tiket").count<{ n: number | string }[]>({ n: "*" }).then((r) => Number(r[0]!.n))).to.equal(0);
    });
  });
}
