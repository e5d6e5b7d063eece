import { expect } from "chai";
import type { Message, User } from "node-telegram-bot-api";
import type { Db } from "../../src/db/database.js";
import { exportPersonalData } from "../../src/domain/personal-data-export.js";
import { eachTestWithBot, STAFF_GROUP, type Harness } from "../support/app-harness.js";
import type { RecordedCall } from "../support/fake-telegram/types.js";
import { testDatabases } from "../support/test-db.js";
import { makeUser } from "../support/updates.js";

const RINA: User = makeUser(700, { first_name: "Rina", last_name: "Staf" });
const ANDI: User = makeUser(701, { first_name: "Andi", last_name: "Staf" });
const textOf = (m: Message) => m.text ?? m.caption ?? "";
const sentTo = (chatId: number) => (c: RecordedCall) =>
  ["sendMessage", "copyMessage", "copyMessages"].includes(c.method) && c.params.chat_id === chatId && c.status === 200;

for (const database of testDatabases()) {
  describe(`the staff desk in reply mode: claiming and blocking (${database.name})`, function () {
    let h: Harness;
    let db: Db;
    eachTestWithBot(database, (harness, fresh) => {
      h = harness;
      db = fresh;
    });

    const nth = async (chatId: number, count: number): Promise<Message> => {
      await h.fake.waitForCalls(sentTo(chatId), count, 8000);
      return h.fake.messagesIn(chatId)[count - 1]!;
    };
    const groupCount = () => h.fake.messagesIn(STAFF_GROUP.id).length;
    /** A staff member writes in the group; returns the bot's next message there. */
    const staffSays = async (who: User, text: string, replyTo?: Message): Promise<string> => {
      const before = groupCount();
      h.fake.groupMessage(STAFF_GROUP, who, { text, ...(replyTo ? { reply_to_message: replyTo } : {}) });
      return textOf(await nth(STAFF_GROUP.id, before + 1));
    };
    const asks = async (user: User, text: string): Promise<Message> => {
      const before = groupCount();
      h.fake.userSays(user, text);
      return nth(STAFF_GROUP.id, before + 1);
    };

    it("lets a staff member take a ticket, shows who has it in /tiket, and says so when a colleague takes it over", async () => {
      const budi = await h.employee(801, { nama: "Budi Santoso" });
      const question = await asks(budi, "Kapan SK kenaikan pangkat saya terbit?");
      expect(await staffSays(RINA, "/ambil", question)).to.contain("#T1").and.contain("diambil oleh Rina Staf");
      expect(await staffSays(RINA, "/ambil", question)).to.contain("sudah Anda ambil");
      expect(await staffSays(RINA, "/tiket")).to.match(/#T1 · Budi Santoso.*🙋 Rina Staf/);
      expect(await staffSays(ANDI, "/ambil@sinawai_test_bot", question)).to.contain("diambil alih oleh Andi Staf dari Rina Staf");
      expect(await staffSays(ANDI, "/tiket")).to.match(/🙋 Andi Staf/);
      const row = await db("tiket").where({ id: 1 }).first();
      expect([Number(row.diambil_oleh), row.nama_pengambil]).to.deep.equal([ANDI.id, "Andi Staf"]);
      expect(await staffSays(ANDI, "/ambil")).to.contain("balas (reply) salah satu pesan tiket dengan /ambil");
    });

    it("sends a saved answer with /jawab kode as if typed, lists the codes with /jawab, and names an unknown code", async () => {
      const budi = await h.employee(804, { nama: "Budi Santoso" });
      const question = await asks(budi, "Kapan tunkin cair?");
      const list = await staffSays(RINA, "/jawab");
      expect(list).to.contain("tunkin-cair").and.contain("formulir-cuti");
      expect(await staffSays(RINA, "/jawab tunkin-cairr", question)).to.contain("tunkin-cairr tidak ada").and.contain("tunkin-cair");
      h.fake.groupMessage(STAFF_GROUP, RINA, { text: "/jawab Tunkin-Cair", reply_to_message: question });
      const answer = await nth(budi.id, 2);
      expect(textOf(answer)).to.contain("Jawaban Tim OSDM").and.contain("#T1").and.contain("Tunjangan kinerja dibayarkan setiap bulan").and.not.contain("/jawab");
      expect(answer.entities?.some((entity) => entity.type === "bold"), "the saved answer's Markdown is rendered").to.equal(true);
      expect(answer.reply_markup?.inline_keyboard.flat().map((b) => b.text)).to.deep.equal(["✅ Sudah terjawab"]);
      await h.fake.waitForCall((c) => sentTo(STAFF_GROUP.id)(c) && String(c.params.text).includes("terkirim"));
      expect((await db("tiket").where({ id: 1 }).first()).nama_penjawab).to.equal("Rina Staf");
    });

    it("stops relaying a blocked employee, tells them once whom to contact, and relays again after /bukablokir", async () => {
      const budi = await h.employee(802, { nama: "Budi Santoso" });
      const siti = await h.employee(803, { nama: "Siti Aminah" });
      const question = await asks(budi, "Pertanyaan pertama");
      expect(await staffSays(RINA, "/blokir", question)).to.contain("tidak lagi diteruskan").and.contain("Rina Staf");
      expect(await staffSays(RINA, "/blokir", question)).to.contain("sudah diblokir");
      const groupBefore = groupCount();
      const budiBefore = h.fake.messagesIn(budi.id).length;

      h.fake.userSays(budi, "pesan kedua");
      expect(textOf(await nth(budi.id, budiBefore + 1))).to.contain("tidak dapat diteruskan").and.contain("Biro OSDM");
      h.fake.userSays(budi, "pesan ketiga");
      h.fake.userSays(budi, "/tentang");
      await nth(budi.id, budiBefore + 2);
      expect(textOf(h.fake.messagesIn(budi.id)[budiBefore + 1]!), "menus still work").to.contain("Sinawai");
      // Siti's question comes after Budi's: once it is in the group, Budi's would have been too.
      await asks(siti, "pertanyaan Siti");
      expect(h.fake.messagesIn(STAFF_GROUP.id).slice(groupBefore).map(textOf).join("\n")).to.not.contain("pesan kedua").and.not.contain("pesan ketiga");
      expect(h.fake.messagesIn(budi.id).filter((m) => textOf(m).includes("tidak dapat diteruskan"))).to.have.length(1);

      expect(await staffSays(ANDI, "/bukablokir", question)).to.contain("dibuka oleh Andi Staf");
      expect(await staffSays(ANDI, "/bukablokir", question)).to.contain("tidak sedang diblokir");
      expect(textOf(await asks(budi, "pesan keempat"))).to.contain("pesan keempat");

      const exported = (await exportPersonalData(db, "198501012010010802", Date.now()))!;
      expect(exported.blokir).to.have.length(1);
      expect(exported.blokir[0]).to.include({ nama_pemblokir: "Rina Staf", nama_pembuka: "Andi Staf" });
    });
  });
}
