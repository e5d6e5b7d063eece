import { expect } from "chai";
import type { Message, User } from "node-telegram-bot-api";
import { testDatabases } from "../support/test-db.js";
import { eachTestWithBot, STAFF_GROUP, type Harness } from "../support/app-harness.js";
import { documentFields, makeGroup, makeUser, photoFields, videoFields, voiceFields } from "../support/updates.js";
import type { RecordedCall } from "../support/fake-telegram/types.js";
import type { Db } from "../../src/db/database.js";
import { pesanForChat } from "../../src/db/pesan-repo.js";

const STAFF: User = makeUser(700, { first_name: "Rina", last_name: "Staf" });
const SENDS = ["sendMessage", "copyMessage", "copyMessages"];
const isDeliveryTo = (chatId: number) => (c: RecordedCall) => SENDS.includes(c.method) && c.params.chat_id === chatId && c.status === 200;

for (const database of testDatabases()) {
  describe(`consultation relay (${database.name})`, function () {
    let db: Db;
    let h: Harness;

    eachTestWithBot(database, (harness, fresh) => {
      h = harness;
      db = fresh;
    });

    const deliveriesTo = (chatId: number, count: number) => h.fake.waitForCalls(isDeliveryTo(chatId), count, 8000);
    const groupMessages = () => h.fake.messagesIn(STAFF_GROUP.id);
    const textOf = (m: Message) => m.text ?? m.caption ?? "";
    /** A staff member replies in the group to one of the bot's messages. */
    const staffReplies = (to: Message, fields: Parameters<Harness["fake"]["groupMessage"]>[2]) =>
      h.fake.groupMessage(STAFF_GROUP, STAFF, { ...(typeof fields === "string" ? { text: fields } : fields), reply_to_message: to });

    it("relays a question with who asked and a ticket number, acknowledges it, and routes the staff reply back", async () => {
      const budi = await h.employee(801, { nama: "Budi Santoso", nip: "198501012010011001", unit_kerja: "Biro Umum" });
      h.fake.userSays(budi, "Kapan tunjangan kinerja bulan ini cair?");
      await deliveriesTo(STAFF_GROUP.id, 1);
      const question = groupMessages()[0]!;
      expect(textOf(question)).to.match(/#T\d+/).and.contain("Budi Santoso").and.contain("198501012010011001").and.contain("Biro Umum");
      expect(textOf(question)).to.contain("Kapan tunjangan kinerja bulan ini cair?");
      const ticket = textOf(question).match(/#T\d+/)![0];

      await deliveriesTo(budi.id, 1);
      expect(textOf(h.fake.messagesIn(budi.id)[0]!)).to.contain(ticket).and.contain("menunggu");

      staffReplies(question, "Tunkin cair tanggal 10, Pak.");
      await deliveriesTo(budi.id, 2);
      const answer = textOf(h.fake.messagesIn(budi.id)[1]!);
      expect(answer).to.contain("Jawaban Tim OSDM").and.contain("Tunkin cair tanggal 10, Pak.");
      expect(answer).not.to.contain("Rina");

      await deliveriesTo(STAFF_GROUP.id, 2);
      expect(textOf(groupMessages()[1]!)).to.contain("terkirim").and.contain(ticket);
      const row = await db("tiket").first();
      expect(row.dijawab_pertama).to.not.equal(null);
      expect(Number(row.dijawab_oleh)).to.equal(STAFF.id);
    });

    it("carries photos, documents, voice notes and videos both ways, captions included", async () => {
      const budi = await h.employee(802, { nama: "Budi" });
      h.fake.userSends(budi, photoFields({ caption: "SK saya" }));
      h.fake.userSends(budi, documentFields({ file_name: "ijazah.pdf", caption: "ijazah" }));
      h.fake.userSends(budi, voiceFields());
      h.fake.userSends(budi, videoFields({ caption: "rekaman" }));
      await deliveriesTo(STAFF_GROUP.id, 4);
      const kinds = groupMessages().map((m) => ["photo", "document", "voice", "video"].find((k) => k in m));
      expect(kinds).to.deep.equal(["photo", "document", "voice", "video"]);
      expect(groupMessages()[0]!.caption).to.contain("SK saya").and.match(/#T\d+/);

      staffReplies(groupMessages()[0]!, photoFields({ caption: "Ini contoh SK yang benar" }));
      staffReplies(groupMessages()[1]!, documentFields({ file_name: "formulir.pdf" }));
      staffReplies(groupMessages()[2]!, voiceFields());
      await h.fake.waitForCalls((c) => c.method === "copyMessage" && c.params.chat_id === budi.id && c.status === 200, 3, 8000);
      const received = h.fake.messagesIn(budi.id).filter((m) => !m.text);
      expect(received.map((m) => ["photo", "document", "voice"].find((k) => k in m))).to.deep.equal(["photo", "document", "voice"]);
      expect(received[0]!.caption).to.contain("Jawaban Tim OSDM").and.contain("Ini contoh SK yang benar");
    });

    it("gives two employees asking at once their own answers", async () => {
      const budi = await h.employee(803, { nama: "Budi" });
      const siti = await h.employee(804, { nama: "Siti" });
      h.fake.userSays(budi, "pertanyaan Budi");
      h.fake.userSays(siti, "pertanyaan Siti");
      await deliveriesTo(STAFF_GROUP.id, 2);
      const forBudi = groupMessages().find((m) => textOf(m).includes("pertanyaan Budi"))!;
      const forSiti = groupMessages().find((m) => textOf(m).includes("pertanyaan Siti"))!;
      staffReplies(forSiti, "jawaban untuk Siti");
      staffReplies(forBudi, "jawaban untuk Budi");
      await deliveriesTo(budi.id, 2);
      await deliveriesTo(siti.id, 2);
      expect(h.fake.messagesIn(budi.id).map(textOf).join("\n")).to.contain("jawaban untuk Budi").and.not.contain("Siti");
      expect(h.fake.messagesIn(siti.id).map(textOf).join("\n")).to.contain("jawaban untuk Siti").and.not.contain("Budi");
    });

    it("joins follow-up messages to the open ticket, and /selesai closes it and tells the employee", async () => {
      const budi = await h.employee(805, { nama: "Budi" });
      h.fake.userSays(budi, "pertanyaan pertama");
      await deliveriesTo(STAFF_GROUP.id, 1);
      h.fake.userSays(budi, "tambahan informasi");
      await deliveriesTo(STAFF_GROUP.id, 2);
      const [first, second] = groupMessages();
      const tag = textOf(first!).match(/#T\d+/)![0];
      expect(textOf(second!)).to.contain(tag).and.contain("lanjutan");
      expect(await db("tiket").count({ n: "*" })).to.deep.equal([{ n: 1 }]);

      h.fake.groupMessage(STAFF_GROUP, STAFF, { text: "/tiket@sinawai_test_bot" });
      await deliveriesTo(STAFF_GROUP.id, 3);
      expect(textOf(groupMessages()[2]!)).to.contain("Tiket terbuka: 1").and.contain(tag).and.contain("Budi");

      staffReplies(second!, "/selesai");
      await deliveriesTo(STAFF_GROUP.id, 4);
      expect(textOf(groupMessages()[3]!)).to.contain("ditutup");
      await deliveriesTo(budi.id, 3);
      expect(textOf(h.fake.messagesIn(budi.id).at(-1)!)).to.contain(tag).and.contain("ditutup");
      expect((await db("tiket").first()).status).to.equal("selesai");

      h.fake.userSays(budi, "pertanyaan baru setelah ditutup");
      await deliveriesTo(STAFF_GROUP.id, 5);
      expect(textOf(groupMessages()[4]!)).to.contain("pertanyaan baru").and.not.contain(tag + " ");
      expect(await db("tiket").count({ n: "*" })).to.deep.equal([{ n: 2 }]);
    });

    it("routes a staff reply after a restart", async () => {
      const budi = await h.employee(806, { nama: "Budi" });
      h.fake.userSays(budi, "pertanyaan sebelum restart");
      await deliveriesTo(STAFF_GROUP.id, 1);
      await h.stopApp();
      await h.startAppAgain();
      staffReplies(groupMessages()[0]!, "jawaban setelah restart");
      await deliveriesTo(budi.id, 2);
      expect(textOf(h.fake.messagesIn(budi.id)[1]!)).to.contain("jawaban setelah restart");
    });

    it("routes by the #T tag when the mapping row was lost", async () => {
      const budi = await h.employee(807, { nama: "Budi" });
      h.fake.userSays(budi, "pertanyaan");
      await deliveriesTo(STAFF_GROUP.id, 1);
      await db("tiket_pesan").delete();
      staffReplies(groupMessages()[0]!, "tetap sampai");
      await deliveriesTo(budi.id, 2);
      expect(textOf(h.fake.messagesIn(budi.id)[1]!)).to.contain("tetap sampai");
    });

    it("does not relay a reply to a bot message that is not part of a ticket", async () => {
      const budi = await h.employee(808, { nama: "Budi" });
      h.fake.groupMessage(STAFF_GROUP, STAFF, "/tiket@sinawai_test_bot");
      await deliveriesTo(STAFF_GROUP.id, 1);
      staffReplies(groupMessages()[0]!, "ini bukan jawaban tiket");
      await deliveriesTo(STAFF_GROUP.id, 2);
      expect(textOf(groupMessages()[1]!)).to.contain("bukan bagian dari tiket");
      expect(h.fake.messagesIn(budi.id)).to.have.length(0);
    });

    it("stays in the supergroup the staff group became, and says there how to point the bot at its new id", async () => {
      const upgraded = makeGroup(-100777, "OSDM Layanan");
      h.fake.groupMessage(upgraded, STAFF, { migrate_from_chat_id: STAFF_GROUP.id });
      await deliveriesTo(upgraded.id, 1);
      expect(textOf(h.fake.messagesIn(upgraded.id)[0]!)).to.contain(`STAFF_GROUP_ID=${upgraded.id}`).and.contain(String(STAFF_GROUP.id));
      h.fake.groupMessage(upgraded, STAFF, "/tiket@sinawai_test_bot");
      const budi = await h.employee(810, { nama: "Budi" });
      h.fake.userSays(budi, "pertanyaan");
      await deliveriesTo(budi.id, 1);
      expect(h.fake.callsOf("leaveChat")).to.have.length(0);
      expect(h.fake.messagesIn(upgraded.id)).to.have.length(1);
      expect(h.logLines.join("\n")).to.contain(`STAFF_GROUP_ID=${upgraded.id}`);
    });

    it("leaves other groups and never posts questions there", async () => {
      const budi = await h.employee(809, { nama: "Budi" });
      const other = makeGroup(-100999, "Grup Arisan");
      h.fake.groupMessage(other, STAFF, "/tiket@sinawai_test_bot");
      await h.fake.waitForCall((c) => c.method === "leaveChat" && c.params.chat_id === other.id);
      h.fake.userSays(budi, "pertanyaan rahasia");
      await deliveriesTo(STAFF_GROUP.id, 1);
      const inOther = h.fake.messagesIn(other.id).map(textOf).join("\n");
      expect(inOther).not.to.contain("pertanyaan rahasia");
      expect(inOther).to.contain(String(other.id));
      expect(h.logLines.join("\n")).to.contain(String(other.id));
    });

    it("tells an unregistered user to /daftar and relays nothing", async () => {
      const stranger = makeUser(810);
      h.fake.userSays(stranger, "halo, saya mau tanya");
      await deliveriesTo(stranger.id, 1);
      expect(textOf(h.fake.messagesIn(stranger.id)[0]!)).to.contain("/daftar");
      await new Promise((r) => setTimeout(r, 300));
      expect(groupMessages()).to.have.length(0);
    });

    it("delivers a 4096-character question complete, and markup-looking names and texts as data", async () => {
      const budi = await h.employee(811, { nama: "<Budi_*> & Co" });
      const long = `${"Saya <ingin> bertanya & *mohon* _bantuan_ ".repeat(120).slice(0, 4095)}?`;
      h.fake.userSays(budi, long);
      await deliveriesTo(STAFF_GROUP.id, 2);
      const texts = groupMessages().map(textOf);
      expect(texts[0]).to.contain("<Budi_*> & Co");
      expect(texts.join("")).to.contain(long);
      expect(h.fake.calls.filter((c) => c.status === 400)).to.have.length(0);
    });

    it("keeps a long caption complete and an album an album", async () => {
      const budi = await h.employee(812, { nama: "Budi" });
      const caption = "keterangan panjang ".repeat(60).slice(0, 1024);
      h.fake.userSends(budi, photoFields({ caption }));
      await deliveriesTo(STAFF_GROUP.id, 2);
      expect(groupMessages()[1]!.caption).to.equal(caption);

      h.fake.userSendsAlbum(budi);
      const [album] = await h.fake.waitForCalls((c) => c.method === "copyMessages" && c.status === 200, 1, 8000);
      expect((album!.params.message_ids as number[]).length).to.be.greaterThan(1);
      const copies = groupMessages().filter((m) => m.media_group_id);
      expect(new Set(copies.map((m) => m.media_group_id)).size).to.equal(1);
    });

    it("tells the staff group when the employee blocked the bot, without stalling other answers", async () => {
      const budi = await h.employee(813, { nama: "Budi" });
      const siti = await h.employee(814, { nama: "Siti" });
      h.fake.userSays(budi, "tanya Budi");
      h.fake.userSays(siti, "tanya Siti");
      await deliveriesTo(STAFF_GROUP.id, 2);
      h.fake.blockUser(budi.id);
      staffReplies(groupMessages().find((m) => textOf(m).includes("tanya Budi"))!, "untuk Budi");
      staffReplies(groupMessages().find((m) => textOf(m).includes("tanya Siti"))!, "untuk Siti");
      await deliveriesTo(siti.id, 2);
      const notes = await h.fake.waitForCall((c) => isDeliveryTo(STAFF_GROUP.id)(c) && String(c.params.text).includes("memblokir"), 8000);
      expect(String(notes.params.text)).to.contain("Budi");
      expect((await db("antrian_kirim").where({ status: "gagal" })).length).to.equal(1);
    });

    it("waits out a 429 in the group: every question arrives once, in order", async function () {
      // After a flood wait the group is served at its sustained rate (20 a minute), not in a new burst.
      this.timeout(60_000);
      const employees = await Promise.all([821, 822, 823].map((id) => h.employee(id, { nama: `Pegawai ${id}` })));
      h.fake.failNext((c) => c.method === "sendMessage" && c.params.chat_id === STAFF_GROUP.id, { status: 429, retryAfter: 1 }, 2);
      const budi = employees[0]!;
      for (let i = 1; i <= 3; i++) h.fake.userSays(budi, `soal-${i}`);
      for (const e of employees.slice(1)) h.fake.userSays(e, `dari ${e.id}`);
      const markers = ["soal-1", "soal-2", "soal-3", ...employees.slice(1).map((e) => `dari ${e.id}`)];
      await h.fake.waitForCalls((c) => isDeliveryTo(STAFF_GROUP.id)(c) && markers.every((m) => groupMessages().map(textOf).join("\n").includes(m)), 1, 40_000);
      await h.app.outbox.idle();
      // Budi's follow-ups may share a message with his question (they queued behind it): once each, in order.
      const all = groupMessages().map(textOf).join("\n");
      expect(markers.map((m) => all.split(m).length - 1)).to.deep.equal(markers.map(() => 1));
      expect(all.indexOf("soal-1")).to.be.below(all.indexOf("soal-2"));
      expect(all.indexOf("soal-2")).to.be.below(all.indexOf("soal-3"));
      expect(h.fake.calls.some((c) => c.status === 429)).to.equal(true);
    });

    it("survives a 5xx and a dropped connection during delivery, delivering once", async () => {
      const budi = await h.employee(830, { nama: "Budi" });
      h.fake.failNext((c) => c.params.chat_id === STAFF_GROUP.id, { status: 502 }, 2);
      h.fake.failNext((c) => c.params.chat_id === STAFF_GROUP.id, { drop: true }, 2);
      h.fake.userSays(budi, "pertanyaan saat gangguan");
      await deliveriesTo(STAFF_GROUP.id, 1);
      await new Promise((r) => setTimeout(r, 500));
      expect(groupMessages().map(textOf).filter((t) => t.includes("pertanyaan saat gangguan"))).to.have.length(1);
      expect((await db("antrian_kirim").first()).status).to.equal("terkirim");
    });

    it("posts text follow-ups that queued up behind a question as one group message, in order", async () => {
      const budi = await h.employee(835, { nama: "Budi" });
      // The group is out for a moment, so the follow-ups wait in the queue behind the question.
      h.fake.failNext((c) => c.params.chat_id === STAFF_GROUP.id, { status: 502 }, 1);
      for (let i = 1; i <= 4; i++) h.fake.userSays(budi, `bagian-${i} dari pertanyaan saya`);
      await h.fake.waitForCalls(isDeliveryTo(budi.id), 4, 8000);
      await h.app.outbox.idle();
      const posted = groupMessages().map(textOf).filter((t) => t.includes("bagian-"));
      expect(posted.length).to.be.below(4);
      const all = posted.join("\n");
      expect([1, 2, 3, 4].map((i) => all.indexOf(`bagian-${i}`))).to.satisfy((at: number[]) => at.every((v, i) => v >= 0 && (i === 0 || v > at[i - 1]!)));
      // Staff may reply to the merged message: it belongs to Budi's ticket.
      staffReplies(groupMessages().find((m) => textOf(m).includes("bagian-4"))!, "jawaban untuk semuanya");
      await h.fake.waitForCall((c) => isDeliveryTo(budi.id)(c) && String(c.params.text).includes("jawaban untuk semuanya"));
    });

    it("logs relayed messages both ways in pesan", async () => {
      const budi = await h.employee(840, { nama: "Budi" });
      h.fake.userSays(budi, "tanya untuk log");
      await deliveriesTo(STAFF_GROUP.id, 1);
      staffReplies(groupMessages()[0]!, "jawab untuk log");
      await deliveriesTo(budi.id, 2);
      await new Promise((r) => setTimeout(r, 200));
      const privateLog = await pesanForChat(db, budi.id);
      const groupLog = await pesanForChat(db, STAFF_GROUP.id);
      expect(privateLog.find((p) => p.arah === "masuk")!.isi_pesan).to.equal("tanya untuk log");
      expect(privateLog.some((p) => p.arah === "keluar" && (p.isi_pesan ?? "").includes("jawab untuk log"))).to.equal(true);
      expect(groupLog.some((p) => p.arah === "masuk" && p.isi_pesan === "jawab untuk log")).to.equal(true);
      expect(groupLog.some((p) => p.arah === "keluar" && (p.isi_pesan ?? "").includes("tanya untuk log"))).to.equal(true);
    });

    it("sums up the last 7 days with /statistik in the staff group", async () => {
      const budi = await h.employee(850, { nama: "Budi" });
      h.fake.userSays(budi, "pertanyaan untuk statistik");
      await deliveriesTo(STAFF_GROUP.id, 1);
      h.fake.groupMessage(STAFF_GROUP, STAFF, "/statistik@sinawai_test_bot");
      await deliveriesTo(STAFF_GROUP.id, 2);
      const summary = textOf(groupMessages()[1]!);
      expect(summary).to.contain("Statistik Sinawai, 7 hari terakhir").and.contain("Tiket baru: 1").and.contain("Masih terbuka: 1");
    });
  });
}
