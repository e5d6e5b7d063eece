import { expect } from "chai";
import type { Message, User } from "node-telegram-bot-api";
import type { Db } from "../../src/db/database.js";
import { eachTestWithBot, STAFF_GROUP, type Harness } from "../support/app-harness.js";
import type { RecordedCall } from "../support/fake-telegram/types.js";
import { testDatabases } from "../support/test-db.js";
import { makeUser, photoFields } from "../support/updates.js";

const STAFF: User = makeUser(700, { first_name: "Rina", last_name: "Staf" });
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** How often the bot looks at open tickets in these tests. */
const CHECK_MS = 40;

/** An instant in WIB (UTC+7), as the bureau's clock reads it. */
const wib = (day: string, time: string) => Date.parse(`${day}T${time}:00+07:00`);
const textOf = (m: Message) => m.text ?? m.caption ?? "";
const buttonsOf = (m: Message) => m.reply_markup?.inline_keyboard.flat() ?? [];
const sentTo = (chatId: number) => (c: RecordedCall) =>
  ["sendMessage", "copyMessage", "copyMessages"].includes(c.method) && c.params.chat_id === chatId && c.status === 200;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const database of testDatabases()) {
  describe(`service hours, answer-time promise, closing and rating (${database.name})`, function () {
    let h: Harness;
    let db: Db;
    /** The bot's clock: moved by the tests, days at a time. */
    let now = wib("2026-11-30", "10:00");

    eachTestWithBot(
      database,
      (harness, fresh) => {
        h = harness;
        db = fresh;
      },
      () => ({ app: { clock: () => now, ticketCheckMs: CHECK_MS } }),
    );
    beforeEach(() => {
      now = wib("2026-11-30", "10:00");
    });

    /** Waits until the bot has sent `count` messages (or files) to the chat in all, and returns the last. */
    const nth = async (chatId: number, count: number): Promise<Message> => {
      await h.fake.waitForCalls(sentTo(chatId), count, 8000);
      return h.fake.messagesIn(chatId)[count - 1]!;
    };
    const texts = (chatId: number) => h.fake.messagesIn(chatId).map(textOf);
    /** Several of the bot's ticket checks go by. */
    const someChecks = () => pause(10 * CHECK_MS);
    const press = async (user: User, message: Message, label: string | RegExp) => {
      const button = buttonsOf(message).find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
      if (!button) throw new Error(`no button ${String(label)} in ${JSON.stringify(buttonsOf(message).map((b) => b.text))}`);
      const update = h.fake.pressButton(user, message, button.callback_data!);
      const id = "callback_query" in update ? update.callback_query.id : "";
      const answered = await h.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.params.callback_query_id === id);
      return String(answered.params.text ?? "");
    };
    /** The employee asks; returns the question as it reached the group. */
    const asks = async (user: User, text: string): Promise<Message> => {
      const before = h.fake.messagesIn(STAFF_GROUP.id).length;
      h.fake.userSays(user, text);
      return nth(STAFF_GROUP.id, before + 1);
    };
    /**
     * A staff member replies to a question in the group; returns the answer as the employee got it, once the bot has
     * recorded it (the delivery note in the group is written in the same step): only then may the tests move time.
     */
    const staffAnswers = async (question: Message, employee: User, text: string): Promise<Message> => {
      const before = h.fake.messagesIn(employee.id).length;
      const staffReply = h.fake.groupMessage(STAFF_GROUP, STAFF, { text, reply_to_message: question });
      const answer = await nth(employee.id, before + 1);
      const replyId = "message" in staffReply ? staffReply.message.message_id : -1;
      await h.fake.waitForCall((c) => sentTo(STAFF_GROUP.id)(c) && (c.params.reply_parameters as { message_id?: number } | undefined)?.message_id === replyId);
      return answer;
    };
    const ticket = (id: number) => db("tiket").where({ id }).first();
    const ratingRequests = (chatId: number) => h.fake.messagesIn(chatId).filter((m) => textOf(m).includes("Bagaimana layanan kami"));

    it("tells a question asked out of hours when the team is next on duty: at night, on a Sunday, before a holiday", async () => {
      const cases = [
        { at: wib("2026-11-27", "21:00"), back: "Senin, 30 November 2026 pukul 07.30 WIB" },
        { at: wib("2026-11-29", "10:00"), back: "Senin, 30 November 2026 pukul 07.30 WIB" },
        // Cuti bersama on Thursday the 24th, Christmas on Friday, then the weekend.
        { at: wib("2026-12-23", "19:00"), back: "Senin, 28 Desember 2026 pukul 07.30 WIB" },
        { at: wib("2026-12-01", "06:00"), back: "Selasa, 1 Desember 2026 pukul 07.30 WIB" },
      ];
      for (const [i, c] of cases.entries()) {
        const employee = await h.employee(811 + i);
        now = c.at;
        h.fake.userSays(employee, `pertanyaan ${i}`);
        const ack = textOf(await nth(employee.id, 1));
        expect(ack, c.back).to.contain("di luar jam layanan").and.contain(`Tim OSDM akan menjawab mulai ${c.back}`);
      }
      await nth(STAFF_GROUP.id, cases.length);
      expect(texts(STAFF_GROUP.id).join("\n")).to.contain("pertanyaan 0").and.contain("pertanyaan 3");

      const onDuty = await h.employee(820);
      now = wib("2026-11-30", "10:00");
      h.fake.userSays(onDuty, "pertanyaan di jam kerja");
      expect(textOf(await nth(onDuty.id, 1))).to.contain("#T").and.not.contain("di luar jam layanan");
    });

    it("shows the service hours and the coming holidays with /jam", async () => {
      const budi = await h.employee(821);
      now = wib("2026-12-20", "10:00");
      h.fake.userSays(budi, "/jam");
      const page = textOf(await nth(budi.id, 1));
      expect(page).to.contain("Senin–Kamis: 07.30–16.00").and.contain("Jumat: 07.30–16.30");
      expect(page).to.contain("24 Desember 2026: Cuti bersama").and.contain("25 Desember 2026: Kelahiran Yesus Kristus");
      expect(page).to.contain("di luar jam layanan").and.contain("Senin, 21 Desember 2026 pukul 07.30 WIB");
    });

    it("reminds the staff at 75% of the target and when it has passed, once each, never outside service hours", async () => {
      const budi = await h.employee(822, { nama: "Budi Santoso" });
      // Asked Monday 10.00: 75% of 8 service hours is reached at 16.00, as the team goes home.
      const question = await asks(budi, "Kapan SK saya terbit?");
      const reminders = () => texts(STAFF_GROUP.id).filter((t) => /^(⏳|⚠️) Tiket/u.test(t));
      now = wib("2026-11-30", "15:59");
      await someChecks();
      expect(reminders()).to.deep.equal([]);
      now = wib("2026-11-30", "16:00");
      await someChecks();
      now = wib("2026-11-30", "22:00");
      await someChecks();
      expect(reminders(), "off duty").to.deep.equal([]);

      now = wib("2026-12-01", "07:30");
      await nth(STAFF_GROUP.id, 2);
      await someChecks();
      expect(reminders()).to.have.length(1);
      expect(reminders()[0]).to.contain("⏳").and.contain("#T1").and.contain("Budi Santoso");
      const near = h.fake.messagesIn(STAFF_GROUP.id)[1]!;
      expect(near.reply_to_message?.message_id, "a reply to the question").to.equal(question.message_id);
      h.fake.groupMessage(STAFF_GROUP, STAFF, "/tiket");
      expect(textOf(await nth(STAFF_GROUP.id, 3))).to.match(/#T1.*belum dijawab.*⏳/);

      // 6 h on Monday + 2 h on Tuesday: the target passes at 09.30.
      now = wib("2026-12-01", "09:29");
      await someChecks();
      expect(reminders()).to.have.length(1);
      now = wib("2026-12-01", "09:30");
      await nth(STAFF_GROUP.id, 4);
      await someChecks();
      expect(reminders()).to.have.length(2);
      expect(reminders()[1]).to.contain("⚠️").and.contain("melewati target");
      h.fake.groupMessage(STAFF_GROUP, STAFF, "/tiket");
      expect(textOf(await nth(STAFF_GROUP.id, 5))).to.match(/#T1.*belum dijawab.*⚠️/);
      now = wib("2026-12-03", "10:00");
      await someChecks();
      expect(reminders()).to.have.length(2);
    });

    it("sends no reminder for a ticket answered in time", async () => {
      const budi = await h.employee(823);
      const question = await asks(budi, "Pertanyaan cepat");
      await staffAnswers(question, budi, "Jawaban cepat");
      now = wib("2026-12-02", "10:00");
      await someChecks();
      expect(texts(STAFF_GROUP.id).filter((t) => /^(⏳|⚠️) Tiket/u.test(t))).to.deep.equal([]);
    });

    it("closes by the button under an answer, asks once for a rating, keeps the first rating, and takes a comment that never becomes a ticket", async () => {
      const budi = await h.employee(824, { nama: "Budi Santoso" });
      const question = await asks(budi, "Bagaimana cara cek sisa cuti?");
      const answer = await staffAnswers(question, budi, "Ketik /cuti, Pak.");
      expect(buttonsOf(answer).map((b) => b.text)).to.deep.equal(["✅ Sudah terjawab"]);

      expect(await press(budi, answer, "✅ Sudah terjawab")).to.contain("#T1 ditutup");
      const request = await nth(budi.id, 3);
      expect(textOf(request)).to.contain("#T1").and.contain("ditutup atas konfirmasi Anda").and.contain("Bagaimana layanan kami");
      expect(buttonsOf(request).map((b) => b.text)).to.deep.equal(["1 ⭐", "2 ⭐", "3 ⭐", "4 ⭐", "5 ⭐"]);
      await h.fake.waitForCall((c) => sentTo(STAFF_GROUP.id)(c) && String(c.params.text).includes("ditutup oleh pegawai"));
      expect((await ticket(1)).ditutup_cara).to.equal("pegawai");
      expect(await press(budi, answer, "✅ Sudah terjawab")).to.contain("sudah ditutup sebelumnya");

      await press(budi, request, "4 ⭐");
      const thanks = await nth(budi.id, 4);
      expect(textOf(thanks)).to.contain("4 dari 5");
      expect(await press(budi, request, "1 ⭐")).to.contain("sudah tercatat sebelumnya (4 dari 5)").and.contain("tidak diubah");
      expect(Number((await ticket(1)).nilai)).to.equal(4);

      await press(budi, thanks, "💬 Tambah komentar");
      expect(textOf(await nth(budi.id, 5))).to.contain("tidak diteruskan ke tim OSDM sebagai pertanyaan");
      const groupBefore = h.fake.messagesIn(STAFF_GROUP.id).length;
      h.fake.userSends(budi, photoFields());
      expect(textOf(await nth(budi.id, 6))).to.contain("Komentar hanya dapat berupa teks");
      h.fake.userSays(budi, "Jawabannya cepat dan jelas, terima kasih.");
      expect(textOf(await nth(budi.id, 7))).to.contain("komentar Anda untuk tiket #T1 sudah dicatat");
      expect((await ticket(1)).komentar).to.equal("Jawabannya cepat dan jelas, terima kasih.");
      expect(await db("tiket").count({ n: "*" }).first()).to.deep.include({ n: 1 });

      // The comment is taken once; the next message is a question again.
      h.fake.userSays(budi, "Pertanyaan baru soal mutasi");
      expect(textOf(await nth(budi.id, 8))).to.contain("#T2");
      const logged = await db("pesan").where({ arah: "masuk", isi_pesan: "Jawabannya cepat dan jelas, terima kasih." }).first();
      expect(logged.jenis, "logged as a comment, not a question to the staff").to.equal("komentar");
      await nth(STAFF_GROUP.id, groupBefore + 1);
      expect(texts(STAFF_GROUP.id).join("\n")).to.not.contain("Jawabannya cepat");
      expect(await press(budi, thanks, "💬 Tambah komentar")).to.contain("sudah tercatat sebelumnya");
      expect(ratingRequests(budi.id)).to.have.length(1);
    });

    it("closes with /selesai in the private chat, lets /batal drop a comment, and says when nothing is open", async () => {
      const budi = await h.employee(825);
      const question = await asks(budi, "Pertanyaan");
      await staffAnswers(question, budi, "Jawaban");
      h.fake.userSays(budi, "/selesai");
      const request = await nth(budi.id, 3);
      expect(textOf(request)).to.contain("ditutup atas konfirmasi Anda");
      await press(budi, request, "5 ⭐");
      await press(budi, await nth(budi.id, 4), "💬 Tambah komentar");
      await nth(budi.id, 5);
      h.fake.userSays(budi, "/batal");
      expect(textOf(await nth(budi.id, 6))).to.contain("komentar dibatalkan");
      h.fake.userSays(budi, "/selesai");
      expect(textOf(await nth(budi.id, 7))).to.contain("tidak memiliki tiket terbuka");
      h.fake.userSays(budi, "Ini pertanyaan, bukan komentar");
      expect(textOf(await nth(budi.id, 8))).to.contain("#T2");
      expect((await ticket(1)).komentar).to.equal(null);
      expect(Number((await ticket(1)).nilai)).to.equal(5);
    });

    it("asks for one rating when the staff close a ticket", async () => {
      const budi = await h.employee(826);
      const question = await asks(budi, "Pertanyaan");
      await staffAnswers(question, budi, "Jawaban");
      h.fake.groupMessage(STAFF_GROUP, STAFF, { text: "/selesai", reply_to_message: question });
      expect(textOf(await nth(budi.id, 3))).to.contain("ditutup oleh tim OSDM").and.contain("Bagaimana layanan kami");
      h.fake.groupMessage(STAFF_GROUP, STAFF, { text: "/selesai", reply_to_message: question });
      await h.fake.waitForCall((c) => sentTo(STAFF_GROUP.id)(c) && String(c.params.text).includes("sudah ditutup sebelumnya"));
      await someChecks();
      expect(ratingRequests(budi.id)).to.have.length(1);
      expect((await ticket(1)).ditutup_cara).to.equal("staf");
    });

    it("closes an answered ticket by itself after 3 quiet days, but not one whose employee wrote again", async () => {
      const budi = await h.employee(827, { nama: "Budi Santoso" });
      const siti = await h.employee(828, { nama: "Siti Aminah" });
      const budiQuestion = await asks(budi, "Pertanyaan Budi");
      const sitiQuestion = await asks(siti, "Pertanyaan Siti");
      await staffAnswers(budiQuestion, budi, "Jawaban untuk Budi");
      await staffAnswers(sitiQuestion, siti, "Jawaban untuk Siti");
      now += 2 * DAY;
      h.fake.userSays(siti, "Maaf, masih ada yang kurang jelas");
      await nth(siti.id, 3);

      now = wib("2026-12-03", "09:59");
      await someChecks();
      expect((await ticket(1)).status).to.equal("terbuka");
      now = wib("2026-12-03", "10:01");
      const request = await nth(budi.id, 3);
      expect(textOf(request)).to.contain("ditutup otomatis").and.contain("Bagaimana layanan kami");
      await h.fake.waitForCall((c) => sentTo(STAFF_GROUP.id)(c) && String(c.params.text).includes("ditutup otomatis"));
      await someChecks();
      expect(await ticket(1)).to.include({ status: "selesai", ditutup_cara: "otomatis" });
      expect((await ticket(2)).status).to.equal("terbuka");
      expect(ratingRequests(budi.id)).to.have.length(1);
      expect(ratingRequests(siti.id)).to.have.length(0);
    });
  });
}
