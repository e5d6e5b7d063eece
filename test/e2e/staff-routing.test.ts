import { expect } from "chai";
import type { Message, User } from "node-telegram-bot-api";
import type { Db } from "../../src/db/database.js";
import { releaseTelegram } from "../../src/domain/unbind.js";
import { eachTestWithBot, STAFF_GROUP, type Harness } from "../support/app-harness.js";
import type { RecordedCall } from "../support/fake-telegram/types.js";
import { testDatabases } from "../support/test-db.js";
import { callbackQuery, makeUser, privateChatOf } from "../support/updates.js";

const STAFF: User = makeUser(700, { first_name: "Rina", last_name: "Staf" });
const SENDS = ["sendMessage", "copyMessage", "copyMessages"];
const isDeliveryTo = (chatId: number) => (c: RecordedCall) => SENDS.includes(c.method) && c.params.chat_id === chatId && c.status === 200;
const textOf = (m: Message) => m.text ?? m.caption ?? "";
const paramsText = (c: RecordedCall) => String(c.params.text ?? c.params.caption ?? "");

for (const database of testDatabases()) {
  describe(`a staff reply reaches only the employee of the ticket it answers (${database.name})`, function () {
    let h: Harness;
    let db: Db;
    eachTestWithBot(database, (harness, fresh) => {
      h = harness;
      db = fresh;
    });

    const groupMessages = () => h.fake.messagesIn(STAFF_GROUP.id);
    const deliveriesTo = (chatId: number, count: number) => h.fake.waitForCalls(isDeliveryTo(chatId), count, 8000);
    /** A staff member writes in the group (as a reply to `replyTo`); returns the message as Telegram made it. */
    const staffSays = (text: string, replyTo?: Message): Message => {
      const update = h.fake.groupMessage(STAFF_GROUP, STAFF, { text, ...(replyTo ? { reply_to_message: replyTo } : {}) });
      if (!("message" in update)) throw new Error("groupMessage made no message");
      return update.message;
    };
    const answeredInGroup = (message: Message) =>
      h.fake.waitForCall((c) => isDeliveryTo(STAFF_GROUP.id)(c) && (c.params.reply_parameters as { message_id?: number } | undefined)?.message_id === message.message_id);
    /** The bot's newest message in the group whose text matches. */
    const latestGroupMessage = (match: RegExp) => [...groupMessages()].reverse().find((m) => match.test(textOf(m)))!;

    /** Two employees with a ticket each; the first ticket is older, so it heads every list. */
    async function twoTickets() {
      const budi = await h.employee(801, { nama: "Budi Santoso" });
      const siti = await h.employee(802, { nama: "Siti Aminah" });
      h.fake.userSays(budi, "pertanyaan Budi");
      await deliveriesTo(STAFF_GROUP.id, 1);
      h.fake.userSays(siti, "pertanyaan Siti");
      await deliveriesTo(STAFF_GROUP.id, 2);
      await deliveriesTo(siti.id, 1);
      return { budi, siti };
    }

    /** The staff answer Siti's own question with a marker: once it arrives, anything sent before it would have too. */
    async function markerReachesSiti(siti: User): Promise<void> {
      staffSays("penanda untuk Siti", latestGroupMessage(/pertanyaan Siti/));
      await h.fake.waitForCall((c) => isDeliveryTo(siti.id)(c) && String(c.params.text ?? "").includes("penanda untuk Siti"));
    }

    for (const [what, command] of [
      ["the /tiket list", "/tiket"],
      ["the /statistik summary", "/statistik"],
    ] as const) {
      it(`does not relay a reply to ${what}, which names tickets but is none of theirs, and says so`, async () => {
        const { budi, siti } = await twoTickets();
        const before = h.fake.calls.filter(isDeliveryTo(STAFF_GROUP.id)).length;
        staffSays(command);
        await deliveriesTo(STAFF_GROUP.id, before + 1);
        const list = groupMessages().at(-1)!;
        if (command === "/tiket") expect(textOf(list)).to.match(/#T\d+/);
        const reply = staffSays("jawaban yang salah alamat", list);
        await answeredInGroup(reply);
        expect(textOf(groupMessages().at(-1)!)).to.contain("tidak diteruskan");
        await markerReachesSiti(siti);
        const everything = [...h.fake.messagesIn(budi.id), ...h.fake.messagesIn(siti.id)].map(textOf).join("\n");
        expect(everything).not.to.contain("jawaban yang salah alamat");
      });
    }

    it("does not relay a reply to a delivery note, though it carries the ticket's tag", async () => {
      const { budi, siti } = await twoTickets();
      staffSays("jawaban pertama untuk Budi", latestGroupMessage(/pertanyaan Budi/));
      await deliveriesTo(budi.id, 2);
      await h.fake.waitForCall((c) => isDeliveryTo(STAFF_GROUP.id)(c) && String(c.params.text ?? "").includes("terkirim"));
      const note = latestGroupMessage(/terkirim/);
      expect(textOf(note)).to.match(/#T\d+/);
      staffSays("balasan ke catatan", note);
      await markerReachesSiti(siti);
      expect(h.fake.messagesIn(budi.id).map(textOf).join("\n")).not.to.contain("balasan ke catatan");
    });

    it("relays a staff reply to any kind of bot message in the group only to the employee whose question it shows", async () => {
      // The staff member is an admin too, so an announcement's confirmation is among the bot's messages.
      await h.employee(STAFF.id, { nama: "Rina Staf", hak_pengguna: "admin", nip: "198001012005012001" });
      const { budi, siti } = await twoTickets();
      h.fake.userSays(budi, "lanjutan Budi");
      await h.fake.waitForCall((c) => isDeliveryTo(STAFF_GROUP.id)(c) && paramsText(c).includes("lanjutan Budi"));
      staffSays("jawaban pertama", latestGroupMessage(/pertanyaan Budi/));
      await h.fake.waitForCall((c) => isDeliveryTo(STAFF_GROUP.id)(c) && paramsText(c).includes("terkirim"));
      for (const command of ["/tiket", "/statistik", "/tiket@sinawai_test_bot"]) {
        const before = h.fake.calls.filter(isDeliveryTo(STAFF_GROUP.id)).length;
        staffSays(command);
        await deliveriesTo(STAFF_GROUP.id, before + 1);
      }
      const announced = staffSays("/pengumuman", latestGroupMessage(/terkirim/));
      await answeredInGroup(announced);

      // Every bot message in the group so far gets a staff reply with a marker of its own.
      const employeeOf = new Map([[1, budi.id], [2, siti.id]]);
      const expected = new Map<string, number | undefined>();
      for (const message of groupMessages()) {
        const marker = `[r${message.message_id}]`;
        const header = /^(?:❓|➕) #T(\d+) /u.exec(textOf(message));
        expected.set(marker, header ? employeeOf.get(Number(header[1])) : undefined);
        staffSays(`${marker} balasan staf`, message);
      }
      await markerReachesSiti(siti);
      await h.app.outbox.idle();

      for (const [marker, employee] of expected) {
        const reached = [budi.id, siti.id, STAFF.id].filter((id) => h.fake.messagesIn(id).some((m) => textOf(m).includes(marker)));
        expect(reached, `${marker} reached`).to.deep.equal(employee === undefined ? [] : [employee]);
      }
      expect([...expected.values()].filter((e) => e !== undefined).length, "replies to questions were relayed too").to.be.at.least(3);
    });

    it("sends an answer to the account the employee is bound to now: nothing reaches an unbound account", async () => {
      const budi = await h.employee(811, { nama: "Budi Santoso", nip: "198501012010011811" });
      h.fake.userSays(budi, "pertanyaan sebelum ganti ponsel");
      await deliveriesTo(STAFF_GROUP.id, 1);
      const question = groupMessages()[0]!;
      await deliveriesTo(budi.id, 1);

      expect((await releaseTelegram(db, "198501012010011811", Date.now())).kind).to.equal("released");
      const reply = staffSays("jawaban setelah dilepas", question);
      await answeredInGroup(reply);
      expect(textOf(groupMessages().at(-1)!)).to.contain("tidak terhubung");

      // Budi registers again from a new phone: the next answer goes there, never to the old account.
      const newPhone = makeUser(812, { first_name: "Budi" });
      h.fake.knowChat(privateChatOf(newPhone));
      await db("pengguna").where({ nip: "198501012010011811" }).update({ id_telegram: newPhone.id });
      staffSays("jawaban ke ponsel baru", question);
      await h.fake.waitForCall((c) => isDeliveryTo(newPhone.id)(c) && String(c.params.text ?? "").includes("jawaban ke ponsel baru"));
      const oldAccount = h.fake.messagesIn(budi.id).map(textOf).join("\n");
      expect(oldAccount).not.to.contain("jawaban setelah dilepas");
      expect(oldAccount).not.to.contain("jawaban ke ponsel baru");
    });

    it("drops an answer still queued for an account when it is unbound", async () => {
      const budi = await h.employee(821, { nama: "Budi", nip: "198501012010011821" });
      h.fake.userSays(budi, "pertanyaan");
      await deliveriesTo(STAFF_GROUP.id, 1);
      await deliveriesTo(budi.id, 1);
      // Telegram refuses Budi's chat for a while, so the answer waits in the queue.
      const stopFailing = h.fake.failAlways((c) => c.params.chat_id === budi.id, { status: 502 });
      staffSays("jawaban yang tertahan", groupMessages()[0]!);
      await h.fake.waitForCall((c) => c.params.chat_id === budi.id && c.status === 502);
      const result = await releaseTelegram(db, "198501012010011821", Date.now());
      expect(result).to.deep.include({ kind: "released", droppedMessages: 1 });
      stopFailing();
      await h.app.outbox.idle();
      expect(h.fake.messagesIn(budi.id).map(textOf).join("\n")).not.to.contain("jawaban yang tertahan");
    });

    it("shows personal data only in the employee's private chat, never under a button pressed in a group", async () => {
      const budi = await h.employee(831, { nama: "Budi Santoso", nip: "198501012010011831" });
      const groupMenu = staffSays("menu yang diteruskan");
      h.fake.pushUpdate({ callback_query: callbackQuery(budi, groupMenu, "p:datapribadi") });
      await h.fake.waitForCall((c) => c.method === "answerCallbackQuery");
      // A marker in the same group, handled after the press (one chat in order): by then any answer would be there.
      staffSays("/tiket");
      await h.fake.waitForCall((c) => isDeliveryTo(STAFF_GROUP.id)(c) && String(c.params.text ?? "").includes("tiket"));
      const groupText = groupMessages().map(textOf).join("\n");
      expect(groupText).not.to.contain("198501012010011831");
      expect(groupText).not.to.contain("Data Pribadi");
    });
  });
}
