import { expect } from "chai";
import type { Message, Update, User } from "node-telegram-bot-api";
import type { Db } from "../../src/db/database.js";
import { eachTestWithBot, forumStaffGroup, STAFF_GROUP, type Harness } from "../support/app-harness.js";
import type { RecordedCall } from "../support/fake-telegram/types.js";
import { testDatabases } from "../support/test-db.js";
import { until } from "../support/until.js";
import { makeUser, photoFields } from "../support/updates.js";

const RINA: User = makeUser(700, { first_name: "Rina", last_name: "Staf" });
const GROUP = STAFF_GROUP.id;
const textOf = (m: Message) => m.text ?? m.caption ?? "";
const delivered = (chatId: number) => (c: RecordedCall) =>
  ["sendMessage", "copyMessage", "copyMessages"].includes(c.method) && c.params.chat_id === chatId && c.status === 200;
const messageOf = (update: Update): Message => {
  if (!("message" in update)) throw new Error("not a message update");
  return update.message;
};

for (const forum of [false, true]) {
  for (const database of testDatabases()) {
    describe(`edits follow the conversation, ${forum ? "in forum topics" : "in reply mode"} (${database.name})`, function () {
      let h: Harness;
      let db: Db;
      eachTestWithBot(
        database,
        (harness, fresh) => {
          h = harness;
          db = fresh;
        },
        () => (forum ? { prepare: forumStaffGroup } : {}),
      );

      /** The bot's message as it stands now (after edits), by chat and id. */
      const current = (chatId: number, messageId: number) => h.fake.messagesIn(chatId).find((m) => m.message_id === messageId)!;
      /** Budi asks; the staff answer as staff do in this mode. Returns the messages involved. */
      async function conversation(answer: Parameters<Harness["fake"]["groupMessage"]>[2]) {
        const budi = await h.employee(801, { nama: "Budi Santoso" });
        const asked = messageOf(h.fake.userSays(budi, "Berapa sisa cuti saya tahun ini?"));
        await h.fake.waitForCalls(delivered(GROUP), 1, 8000);
        const question = h.fake.messagesIn(GROUP).find((m) => textOf(m).includes("sisa cuti saya"))!;
        const fields = typeof answer === "string" ? { text: answer } : answer;
        const staffAnswer = messageOf(
          forum
            ? h.fake.groupMessage(STAFF_GROUP, RINA, fields, { threadId: question.message_thread_id! })
            : h.fake.groupMessage(STAFF_GROUP, RINA, { ...fields, reply_to_message: question }),
        );
        await h.fake.waitForCalls(delivered(budi.id), 2, 8000);
        await until("the delivery note", () => h.fake.messagesIn(GROUP).some((m) => textOf(m).includes("terkirim")));
        const copy = h.fake.messagesIn(budi.id)[1]!;
        return { budi, asked, question, staffAnswer, copy };
      }

      it("edits the employee's copy when a staff member edits an answer, marked as edited, keeping the close button and both versions", async () => {
        const { budi, staffAnswer, copy } = await conversation("Sisa cuti Anda 12 hari.");
        h.fake.groupEdits(STAFF_GROUP, RINA, staffAnswer.message_id, "Sisa cuti Anda 10 hari (2 hari dipakai cuti bersama).");
        await until("the copy edited", () => textOf(current(budi.id, copy.message_id)).includes("10 hari"));
        const edited = current(budi.id, copy.message_id);
        expect(textOf(edited)).to.contain("Jawaban Tim OSDM").and.contain("(diedit)").and.not.contain("12 hari");
        expect(edited.reply_markup?.inline_keyboard.flat().map((b) => b.text)).to.deep.equal(["✅ Sudah terjawab"]);
        expect(h.fake.messagesIn(budi.id)).to.have.length(2);
        const versions = await db("pesan").where({ id_chat: GROUP, id_pesan: staffAnswer.message_id }).orderBy("id").select("isi_pesan", "jenis");
        expect(versions.map((v) => v.isi_pesan)).to.deep.equal(["Sisa cuti Anda 12 hari.", "Sisa cuti Anda 10 hari (2 hari dipakai cuti bersama)."]);
        expect(versions[1]!.jenis).to.equal("suntingan");
      });

      it("edits the caption of a relayed photo answer", async () => {
        const { budi, staffAnswer, copy } = await conversation(photoFields({ caption: "Contoh SK yang lama" }));
        h.fake.groupEdits(STAFF_GROUP, RINA, staffAnswer.message_id, "Contoh SK yang benar");
        await until("the caption edited", () => textOf(current(budi.id, copy.message_id)).includes("yang benar"));
        expect(textOf(current(budi.id, copy.message_id))).to.contain("(diedit)");
      });

      it("shows the staff an employee's edited question, old text next to the new, where the question is", async () => {
        const { budi, asked, question } = await conversation("Sisa cuti Anda 12 hari.");
        h.fake.userEdits(budi, asked.message_id, "Berapa sisa cuti besar saya?");
        await until("the note", () => h.fake.messagesIn(GROUP).some((m) => textOf(m).includes("mengubah pesannya")));
        const note = h.fake.messagesIn(GROUP).find((m) => textOf(m).includes("mengubah pesannya"))!;
        expect(textOf(note)).to.contain("Budi Santoso").and.contain("#T1").and.contain("Sebelumnya:\nBerapa sisa cuti saya tahun ini?").and.contain("Sekarang:\nBerapa sisa cuti besar saya?");
        if (forum) expect(note.message_thread_id).to.equal(question.message_thread_id);
        else expect(note.reply_to_message?.message_id).to.equal(question.message_id);

        h.fake.userEdits(budi, asked.message_id, "Berapa sisa cuti besar dan cuti tahunan saya?");
        await until("the second note", () => h.fake.messagesIn(GROUP).filter((m) => textOf(m).includes("mengubah pesannya")).length === 2);
        const second = h.fake.messagesIn(GROUP).filter((m) => textOf(m).includes("mengubah pesannya"))[1]!;
        expect(textOf(second)).to.contain("Sebelumnya:\nBerapa sisa cuti besar saya?");
        const versions = await db("pesan").where({ id_chat: budi.id, id_pesan: asked.message_id, arah: "masuk" }).select("jenis");
        expect(versions.map((v) => v.jenis)).to.deep.equal(["teks", "suntingan", "suntingan"]);
      });
    });
  }
}
