import { expect } from "chai";
import type { Message, User } from "node-telegram-bot-api";
import type { Db } from "../../src/db/database.js";
import { eachTestWithBot, forumStaffGroup, STAFF_GROUP, type Harness } from "../support/app-harness.js";
import type { RecordedCall } from "../support/fake-telegram/types.js";
import { testDatabases } from "../support/test-db.js";
import { until } from "../support/until.js";
import { documentFields, makeUser, photoFields } from "../support/updates.js";

const RINA: User = makeUser(700, { first_name: "Rina", last_name: "Staf" });
const ANDI: User = makeUser(701, { first_name: "Andi", last_name: "Staf" });
const GROUP = STAFF_GROUP.id;
const textOf = (m: Message) => m.text ?? m.caption ?? "";
const delivered = (chatId: number) => (c: RecordedCall) =>
  ["sendMessage", "copyMessage", "copyMessages"].includes(c.method) && c.params.chat_id === chatId && c.status === 200;

for (const database of testDatabases()) {
  describe(`the staff desk in forum topics (${database.name})`, function () {
    let h: Harness;
    let db: Db;
    eachTestWithBot(
      database,
      (harness, fresh) => {
        h = harness;
        db = fresh;
      },
      () => ({ prepare: forumStaffGroup }),
    );

    /** Waits until the bot has sent `count` messages (or files) into the chat in all. */
    const sends = (chatId: number, count: number) => h.fake.waitForCalls(delivered(chatId), count, 8000);
    const topics = () => h.fake.topicsOf(GROUP).filter((t) => t.threadId !== 1);
    const liveTopics = () => topics().filter((t) => !t.deleted);
    const inTopic = (threadId: number) => h.fake.messagesIn(GROUP, threadId).filter((m) => !("forum_topic_created" in m) && !("forum_topic_edited" in m));
    /** Waits until the topic holds `count` of the bot's messages (service messages aside), and returns them. */
    const topicHolds = async (threadId: number, count: number): Promise<Message[]> => {
      await until(`${count} messages in topic ${threadId}`, () => inTopic(threadId).length >= count);
      return inTopic(threadId);
    };
    const staffWrites = (who: User, threadId: number, fields: Parameters<Harness["fake"]["groupMessage"]>[2]) =>
      h.fake.groupMessage(STAFF_GROUP, who, fields, { threadId });

    it("gives each employee one topic named after the ticket; staff answer by writing in it, notes stay in the group, and the name follows the state", async () => {
      const budi = await h.employee(801, { nama: "Budi Santoso", unit_kerja: "Biro Umum" });
      h.fake.userSays(budi, "Kapan SK kenaikan pangkat saya terbit?");
      await until("a topic", () => topics().length === 1);
      const topic = topics()[0]!;
      expect(topic.name).to.equal("🟢 #T1 Budi Santoso · Biro Umum");
      const [question] = await topicHolds(topic.threadId, 1);
      expect(textOf(question!)).to.contain("Kapan SK kenaikan pangkat").and.contain("Tulis di topik ini");
      expect(h.fake.messagesIn(GROUP, 1).map(textOf).join("\n"), "nothing about Budi in General").to.not.contain("Budi");

      staffWrites(RINA, topic.threadId, "Sedang kami proses, Pak. Estimasi minggu depan.");
      await sends(budi.id, 2);
      expect(textOf(h.fake.messagesIn(budi.id)[1]!)).to.contain("Jawaban Tim OSDM").and.contain("Estimasi minggu depan");
      await until("the answered name", () => topics()[0]!.name.startsWith("🟡 #T1"));

      staffWrites(ANDI, topic.threadId, "! cek dulu ke bagian mutasi sebelum janji tanggal");
      staffWrites(ANDI, topic.threadId, "/catatan ini juga internal");
      await until("two note acknowledgements", () => inTopic(topic.threadId).filter((m) => textOf(m).includes("Catatan internal")).length === 2);
      expect(h.fake.messagesIn(budi.id).map(textOf).join("\n")).to.not.contain("cek dulu").and.not.contain("juga internal");

      h.fake.userSays(budi, "Baik, terima kasih. Satu lagi: bisakah dipercepat?");
      await until("the follow-up in the topic", () => inTopic(topic.threadId).some((m) => textOf(m).includes("dipercepat")));
      await until("back to waiting", () => topics()[0]!.name.startsWith("🟢 #T1"));
      staffWrites(RINA, topic.threadId, "/ambil");
      await until("the claim in the name", () => topics()[0]!.name === "🟢 #T1 Budi Santoso · Biro Umum · 🙋 Rina Staf");
      staffWrites(RINA, topic.threadId, "/selesai");
      await until("the closed name", () => topics()[0]!.name.startsWith("✅ #T1"));
      await until("the rating request", () => h.fake.messagesIn(budi.id).some((m) => textOf(m).includes("Bagaimana layanan kami")));

      // A question after the close opens a new ticket in the same topic.
      h.fake.userSays(budi, "Pertanyaan baru soal cuti besar");
      await until("the new ticket's name", () => topics()[0]!.name.startsWith("🟢 #T2 Budi Santoso"));
      expect(topics()).to.have.length(1);
      expect(inTopic(topic.threadId).some((m) => textOf(m).includes("#T2") && textOf(m).includes("cuti besar"))).to.equal(true);
    });

    it("carries photos, documents and albums both ways inside a topic", async () => {
      const budi = await h.employee(802, { nama: "Budi Santoso" });
      h.fake.userSends(budi, photoFields({ caption: "SK saya" }));
      await until("a topic", () => topics().length === 1);
      const { threadId } = topics()[0]!;
      await topicHolds(threadId, 1);
      h.fake.userSendsAlbum(budi, [photoFields(), photoFields({ caption: "dua halaman" })]);
      await topicHolds(threadId, 4);
      expect(inTopic(threadId).filter((m) => "photo" in m)).to.have.length(3);

      staffWrites(RINA, threadId, documentFields({ file_name: "formulir.pdf", caption: "Isi formulir ini" }));
      await sends(budi.id, 3);
      const toBudi = h.fake.messagesIn(budi.id);
      expect(toBudi.some((m) => "document" in m && textOf(m).includes("Isi formulir ini"))).to.equal(true);
    });

    it("makes a topic deleted by hand again on the next message, with a summary, losing nothing", async () => {
      const budi = await h.employee(803, { nama: "Budi Santoso" });
      h.fake.userSays(budi, "Pertanyaan pertama");
      await until("a topic", () => topics().length === 1);
      const first = topics()[0]!;
      await topicHolds(first.threadId, 1);
      h.fake.staffDeletesTopic(GROUP, first.threadId);

      h.fake.userSays(budi, "Pertanyaan kedua setelah topik dihapus");
      await until("a new topic", () => liveTopics().length === 1 && liveTopics()[0]!.threadId !== first.threadId);
      const second = liveTopics()[0]!;
      const messages = await topicHolds(second.threadId, 2);
      expect(textOf(messages[0]!)).to.contain("dibuat ulang").and.contain("#T1");
      expect(textOf(messages[1]!)).to.contain("Pertanyaan kedua setelah topik dihapus");

      staffWrites(RINA, second.threadId, "Jawaban di topik baru");
      await sends(budi.id, 3);
      expect(h.fake.messagesIn(budi.id).map(textOf).join("\n")).to.contain("Jawaban di topik baru");
    });

    it("reopens a topic closed by hand when the employee writes again, and carries a staff album from the topic", async () => {
      const budi = await h.employee(807, { nama: "Budi Santoso" });
      h.fake.userSays(budi, "Pertanyaan pertama");
      await until("a topic", () => topics().length === 1);
      const { threadId } = topics()[0]!;
      await topicHolds(threadId, 1);
      h.fake.staffClosesTopic(GROUP, threadId, RINA);
      await until("the topic closed", () => topics()[0]!.closed);
      // The bot has read the close (it comes as an update of the group) before Budi writes again.
      for (let tries = 0; !(await db("topik").first()).tertutup; tries++) {
        if (tries > 400) throw new Error("the bot never noted that the topic was closed");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      h.fake.userSays(budi, "Pertanyaan setelah topik ditutup");
      await until("the question in the same topic", () => inTopic(threadId).some((m) => textOf(m).includes("setelah topik ditutup")));
      expect(topics()).to.have.length(1);
      expect(topics()[0]!.closed, "reopened for the employee's message").to.equal(false);

      const album = "staf-album-1";
      staffWrites(RINA, threadId, { ...photoFields({ caption: "Halaman 1" }), media_group_id: album });
      staffWrites(RINA, threadId, { ...photoFields(), media_group_id: album });
      await until("the album at Budi", () => h.fake.messagesIn(budi.id).filter((m) => "photo" in m).length === 2);
      const photos = h.fake.messagesIn(budi.id).filter((m) => "photo" in m);
      expect(photos.map((m) => m.media_group_id !== undefined)).to.deep.equal([true, true]);
    });

    it("makes one topic for two first messages at the same moment, and keeps working after a restart", async () => {
      const budi = await h.employee(804, { nama: "Budi Santoso" });
      h.fake.userSays(budi, "pesan satu");
      h.fake.userSays(budi, "pesan dua");
      await until("both in the group", () => h.fake.messagesIn(GROUP).map(textOf).join("\n").includes("pesan dua"));
      expect(topics()).to.have.length(1);
      const { threadId } = topics()[0]!;

      await h.stopApp();
      await h.startAppAgain();
      staffWrites(RINA, threadId, "Jawaban setelah bot dijalankan ulang");
      await until("the answer", () => h.fake.messagesIn(budi.id).some((m) => textOf(m).includes("setelah bot dijalankan ulang")));
      h.fake.userSays(budi, "pesan tiga");
      await until("the follow-up in the same topic", () => inTopic(threadId).some((m) => textOf(m).includes("pesan tiga")));
      expect(topics()).to.have.length(1);
      const stored = await db("topik").select("id_thread");
      expect(stored.map((r) => Number(r.id_thread))).to.deep.equal([threadId]);
    });

    it("sends saved answers, blocks and unblocks from inside the topic, and keeps /tiket working in General", async () => {
      const budi = await h.employee(805, { nama: "Budi Santoso" });
      h.fake.userSays(budi, "Pertanyaan");
      await until("a topic", () => topics().length === 1);
      const { threadId } = topics()[0]!;
      await topicHolds(threadId, 1);
      staffWrites(RINA, threadId, "/jawab jam-layanan");
      await until("the saved answer", () => h.fake.messagesIn(budi.id).some((m) => textOf(m).includes("Jam layanan dan hari libur terdekat")));
      staffWrites(RINA, threadId, "/blokir");
      await until("the block note", () => inTopic(threadId).some((m) => textOf(m).includes("tidak lagi diteruskan")));
      h.fake.userSays(budi, "pesan saat diblokir");
      await until("the notice", () => h.fake.messagesIn(budi.id).some((m) => textOf(m).includes("tidak dapat diteruskan")));
      staffWrites(RINA, threadId, "/bukablokir");
      await until("the unblock note", () => inTopic(threadId).some((m) => textOf(m).includes("dibuka oleh Rina Staf")));
      h.fake.userSays(budi, "pesan setelah dibuka");
      await until("relayed again", () => inTopic(threadId).some((m) => textOf(m).includes("pesan setelah dibuka")));
      expect(inTopic(threadId).map(textOf).join("\n")).to.not.contain("pesan saat diblokir");

      h.fake.groupMessage(STAFF_GROUP, RINA, "/tiket");
      await until("the list in General", () => h.fake.messagesIn(GROUP, 1).some((m) => textOf(m).includes("#T1 · Budi Santoso")));
      staffWrites(RINA, threadId, "/statistik");
      await until("the summary, even when asked in a topic", () => h.fake.messagesIn(GROUP).some((m) => textOf(m).includes("Statistik Sinawai")));
      expect(h.fake.messagesIn(budi.id).map(textOf).join("\n")).to.not.contain("statistik");
    });
  });

  describe(`a forum staff group without the right to manage topics (${database.name})`, function () {
    let h: Harness;
    eachTestWithBot(
      database,
      (harness) => {
        h = harness;
      },
      () => ({ prepare: (fake) => fake.makeForum(GROUP) }),
    );

    it("says in the group which right is missing and works in reply mode", async () => {
      await h.fake.waitForCalls(delivered(GROUP), 1, 8000);
      expect(textOf(h.fake.messagesIn(GROUP)[0]!)).to.contain("Kelola Topik").and.contain("Hapus Pesan");
      expect(h.logLines.join("\n")).to.contain("hak admin bot kurang");
      const budi = await h.employee(806, { nama: "Budi Santoso" });
      h.fake.userSays(budi, "Pertanyaan di mode balas");
      await h.fake.waitForCalls(delivered(GROUP), 2, 8000);
      const question = h.fake.messagesIn(GROUP)[1]!;
      expect(textOf(question)).to.contain("Balas (reply) pesan ini");
      h.fake.groupMessage(STAFF_GROUP, RINA, { text: "Jawaban lewat reply", reply_to_message: question });
      await h.fake.waitForCall((c) => delivered(budi.id)(c) && String(c.params.text ?? "").includes("Jawaban lewat reply"));
      expect(h.fake.topicsOf(GROUP).filter((t) => t.threadId !== 1)).to.deep.equal([]);
    });
  });
}
