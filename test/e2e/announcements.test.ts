import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import type { Message, User } from "node-telegram-bot-api";
import { testDatabases } from "../support/test-db.js";
import { eachTestWithBot, SHIPPED_CONTENT, STAFF_GROUP, type Harness } from "../support/app-harness.js";
import { makeUser, photoFields } from "../support/updates.js";

const ADMIN: User = makeUser(750, { first_name: "Dewi" });
const STAFF: User = makeUser(751, { first_name: "Rina" });

for (const database of testDatabases()) {
  describe(`announcements from the staff group (${database.name})`, function () {
    this.timeout(60_000);
    let h: Harness;
    let dir: string;

    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), "sinawai-content-"));
      cpSync(SHIPPED_CONTENT, dir, { recursive: true });
    });
    eachTestWithBot(database, (harness) => (h = harness), () => ({ contentDir: dir }));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    beforeEach(async () => {
      await h.employee(ADMIN.id, { nip: "197912122005011004", hak_pengguna: "admin" });
      await h.employee(STAFF.id, { nip: "197912122005011005" });
    });

    const groupMessages = () => h.fake.messagesIn(STAFF_GROUP.id);
    const botSaysInGroup = async (count: number) => {
      await h.fake.waitForCalls((c) => ["sendMessage", "editMessageText"].includes(c.method) && c.params.chat_id === STAFF_GROUP.id && c.status === 200, count, 15_000);
      return groupMessages().at(-1)!;
    };
    /** A staff member posts a message in the group and replies /pengumuman to it. */
    const announce = (by: User, fields: Parameters<Harness["fake"]["groupMessage"]>[2]): Message => {
      const update = h.fake.groupMessage(STAFF_GROUP, by, fields);
      const source = "message" in update ? update.message : undefined;
      h.fake.groupMessage(STAFF_GROUP, by, { text: "/pengumuman@sinawai_test_bot", reply_to_message: source });
      return source!;
    };
    const press = (prompt: Message, send: boolean) => {
      const button = prompt.reply_markup!.inline_keyboard.flat().find((b) => (send ? /Kirim/ : /Batal/).test(b.text))!;
      h.fake.pressButton(ADMIN, prompt, button.callback_data!);
    };

    it("sends an admin's photo to every registered active employee once and reports the tally", async () => {
      const employees = await Promise.all(Array.from({ length: 12 }, (_, i) => h.employee(1000 + i)));
      await h.employee(1100, { status: "nonaktif" });
      h.fake.blockUser(employees[3]!.id);
      announce(ADMIN, photoFields({ caption: "Libur nasional 25 Desember" }));
      const prompt = await botSaysInGroup(1);
      expect(prompt.text).to.contain("14 pegawai");
      press(prompt, true);
      const report = await h.fake.waitForCall((c) => c.method === "sendMessage" && c.params.chat_id === STAFF_GROUP.id && /selesai dikirim/.test(String(c.params.text)), 20_000);
      expect(String(report.params.text)).to.match(/13<\/b> terkirim, <b>1<\/b> gagal \(1 memblokir bot/);
      for (const e of employees.filter((_, i) => i !== 3)) {
        const got = h.fake.messagesIn(e.id).filter((m) => m.caption === "Libur nasional 25 Desember");
        expect(got, `employee ${e.id}`).to.have.length(1);
        expect(got[0]!.photo).to.not.equal(undefined);
      }
      expect(h.fake.messagesIn(1100)).to.have.length(0);
    });

    it("refuses /pengumuman from staff without admin rights", async () => {
      await h.employee(1200);
      announce(STAFF, "pengumuman palsu");
      const answer = await botSaysInGroup(1);
      expect(answer.text).to.contain("hanya admin");
      await new Promise((r) => setTimeout(r, 300));
      expect(h.fake.messagesIn(1200)).to.have.length(0);
    });

    it("sends nothing when the admin cancels, and a second tap cannot start it", async () => {
      await h.employee(1300);
      announce(ADMIN, "dibatalkan saja");
      const prompt = await botSaysInGroup(1);
      press(prompt, false);
      const edited = await botSaysInGroup(2);
      expect(edited.text).to.contain("dibatalkan");
      h.fake.pushUpdate({ callback_query: { id: "again", from: ADMIN, chat_instance: "g", message: prompt, data: prompt.reply_markup!.inline_keyboard[0]![0]!.callback_data! } });
      await h.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.params.callback_query_id === "again");
      await new Promise((r) => setTimeout(r, 300));
      expect(h.fake.messagesIn(1300)).to.have.length(0);
    });

    it("resumes after a restart halfway without sending anyone a duplicate", async () => {
      const employees = await Promise.all(Array.from({ length: 60 }, (_, i) => h.employee(2000 + i)));
      announce(ADMIN, "Pengumuman penting untuk semua");
      const prompt = await botSaysInGroup(1);
      press(prompt, true);
      await h.fake.waitForCalls((c) => c.method === "copyMessage" && Number(c.params.chat_id) >= 2000 && c.status === 200, 15, 15_000);
      await h.stopApp();
      const sentBefore = h.fake.calls.filter((c) => c.method === "copyMessage" && Number(c.params.chat_id) >= 2000 && c.status === 200).length;
      expect(sentBefore).to.be.lessThan(60);
      await h.startAppAgain();
      await h.fake.waitForCall((c) => c.method === "sendMessage" && c.params.chat_id === STAFF_GROUP.id && /selesai dikirim/.test(String(c.params.text)), 20_000);
      for (const e of employees) expect(h.fake.messagesIn(e.id).filter((m) => m.text === "Pengumuman penting untuk semua"), `employee ${e.id}`).to.have.length(1);
    });

    it("posts a news item added while running to the staff group, ready to announce with /pengumuman", async () => {
      const employee = await h.employee(3000);
      appendFileSync(path.join(dir, "terkini.md"), "\n## Batas unggah SKP diperpanjang\nTanggal: 23 November 2026\n\nBatas unggah SKP diperpanjang sampai **5 Desember 2026**.\n");
      const hint = await h.fake.waitForCall((c) => c.method === "sendMessage" && c.params.chat_id === STAFF_GROUP.id && /pengumuman/.test(String(c.params.text)), 10_000);
      const news = groupMessages().find((m) => m.text?.includes("Batas unggah SKP diperpanjang"))!;
      expect(news.text).to.contain("23 November 2026");
      expect((hint.params.reply_parameters as { message_id: number }).message_id).to.equal(news.message_id);

      h.fake.groupMessage(STAFF_GROUP, ADMIN, { text: "/pengumuman@sinawai_test_bot", reply_to_message: news });
      const prompt = await h.fake.waitForCall((c) => c.method === "sendMessage" && c.params.chat_id === STAFF_GROUP.id && /Kirim pesan/.test(String(c.params.text)));
      press(groupMessages().find((m) => m.message_id === (prompt.response as { result: Message }).result.message_id)!, true);
      await h.fake.waitForCall((c) => c.method === "copyMessage" && c.params.chat_id === employee.id && c.status === 200, 10_000);
      expect(h.fake.messagesIn(employee.id).at(-1)!.text).to.contain("Batas unggah SKP diperpanjang sampai 5 Desember 2026");
    });
  });
}
