import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import type { Message } from "node-telegram-bot-api";
import { testDatabases } from "../support/test-db.js";
import { eachTestWithBot, SHIPPED_CONTENT, type Harness } from "../support/app-harness.js";
import { makeUser } from "../support/updates.js";

const CATEGORIES = ["renbangkompeg", "mutasi", "jahdis", "pengkinpeg"];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const database of testDatabases()) {
  describe(`service menus from the content folder (${database.name})`, function () {
    let h: Harness;
    let dir: string;
    const user = makeUser(601, { first_name: "Budi" });

    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), "sinawai-content-"));
      cpSync(SHIPPED_CONTENT, dir, { recursive: true });
    });
    eachTestWithBot(database, (harness) => (h = harness), () => ({ contentDir: dir }));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const messages = () => h.fake.messagesIn(user.id);
    const buttonsOf = (m: Message) => m.reply_markup?.inline_keyboard.flat() ?? [];
    /** Everything the bot showed in the chat: new messages, edits and files. */
    const shownToUser = (c: { method: string; params: Record<string, unknown>; status: number }) =>
      ["sendMessage", "editMessageText", "sendDocument"].includes(c.method) && c.params.chat_id === user.id && c.status === 200;
    /** Presses a button and waits until the bot has shown `responses` messages or edits in answer. */
    const press = async (m: Message, label: RegExp | string, responses = 1) => {
      const button = buttonsOf(m).find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
      if (!button) throw new Error(`no button ${String(label)} in ${JSON.stringify(buttonsOf(m).map((b) => b.text))}`);
      const before = h.fake.calls.filter(shownToUser).length;
      const update = h.fake.pressButton(user, m, button.callback_data!);
      const id = "callback_query" in update ? update.callback_query.id : "";
      await h.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.params.callback_query_id === id);
      await h.fake.waitForCalls(shownToUser, before + responses);
      return id;
    };
    const command = async (text: string, expected = 1) => {
      const before = h.fake.callsOf("sendMessage").filter((c) => c.params.chat_id === user.id).length;
      h.fake.userSays(user, text);
      await h.fake.waitForCalls((c) => c.method === "sendMessage" && c.params.chat_id === user.id && c.status === 200, before + expected);
      return messages().at(-1)!;
    };

    it("shows each category's introduction and topics, a topic's answer, and the way back", async () => {
      for (const name of CATEGORIES) {
        const menu = await command(`/${name}`);
        const topics = buttonsOf(menu).filter((b) => b.callback_data!.startsWith("t:"));
        expect(topics.length, name).to.be.at.least(5);
        expect(buttonsOf(menu).some((b) => b.callback_data === "m")).to.equal(true);
      }
      const menu = await command("/mutasi");
      expect(menu.text).to.contain("Mutasi, Kepangkatan, dan Pensiun").and.contain("Pilih topik");
      await press(menu, "Pindah ke Instansi Lain");
      const answer = messages().find((m) => m.message_id === menu.message_id)!;
      expect(answer.text).to.contain("persetujuan kedua instansi");
      await press(answer, /Kembali ke/);
      expect(messages().find((m) => m.message_id === menu.message_id)!.text).to.contain("Pilih topik");
      await press(messages().find((m) => m.message_id === menu.message_id)!, "🏠 Menu utama");
      expect(messages().find((m) => m.message_id === menu.message_id)!.text).to.contain("Menu utama");
      expect(h.fake.calls.filter((c) => c.status === 400)).to.have.length(0);
    });

    it("reaches every category from the /start buttons and answers every button press", async () => {
      const start = await command("/start");
      const categoryButtons = buttonsOf(start).filter((b) => b.callback_data!.startsWith("c:"));
      expect(categoryButtons).to.have.length(4);
      const id = await press(start, categoryButtons[2]!.text);
      expect(h.fake.answeredCallbacks.has(id)).to.equal(true);
      expect(messages().at(-1)!.text).to.contain(categoryButtons[2]!.text);
    });

    it("answers a stale button with a friendly note and the current menu", async () => {
      const menu = await command("/jahdis");
      const file = path.join(dir, "jahdis.md");
      const firstTopic = buttonsOf(menu).find((b) => b.callback_data!.startsWith("t:"))!;
      writeFileSync(file, readFileSync(file, "utf8").replace(`## ${firstTopic.text}`, `## ${firstTopic.text} (diperbarui)`));
      await sleep(1500);
      const update = h.fake.pressButton(user, menu, firstTopic.callback_data!);
      const id = "callback_query" in update ? update.callback_query.id : "";
      const answered = await h.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.params.callback_query_id === id);
      expect(String(answered.params.text)).to.contain("tidak berlaku");
      await h.fake.waitForCall((c) => c.method === "editMessageText" && c.status === 200);
      const shown = messages().find((m) => m.message_id === menu.message_id)!;
      expect(shown.text).to.contain("diperbarui");
      expect(buttonsOf(shown).some((b) => b.callback_data === "c:jahdis")).to.equal(true);
    });

    it("answers tampered callback data without an error", async () => {
      const menu = await command("/menu");
      h.fake.pushUpdate({ callback_query: { id: "tamper-1", from: user, chat_instance: "x", message: menu, data: "t:mutasi:../../etc" } });
      const answered = await h.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.params.callback_query_id === "tamper-1");
      expect(answered.status).to.equal(200);
    });

    it("lists the latest news, newest first, with dates", async () => {
      const news = await command("/terkini");
      const text = messages().filter((m) => m.message_id <= news.message_id).map((m) => m.text).join("\n");
      expect(text).to.contain("20 November 2026");
      expect(text.indexOf("20 November 2026")).to.be.lessThan(text.indexOf("12 November 2026"));
    });

    it("uploads a document once and re-sends it by file_id, and uploads a changed file again", async () => {
      const menu = await command("/dokumen");
      const form = buttonsOf(menu).find((b) => /Cuti/i.test(b.text))!;
      await press(menu, form.text);
      const first = await h.fake.waitForCall((c) => c.method === "sendDocument" && c.status === 200);
      expect(first.files).to.have.length(1);
      expect(first.files[0]!.filename).to.equal("formulir-permohonan-cuti.pdf");
      expect(first.files[0]!.data.subarray(0, 5).toString()).to.equal("%PDF-");
      expect(String(first.params.caption)).to.contain("Formulir Permohonan Cuti");

      await press(messages().find((m) => m.message_id === menu.message_id)!, form.text);
      const calls = await h.fake.waitForCalls((c) => c.method === "sendDocument" && c.status === 200, 2);
      expect(calls[1]!.files).to.have.length(0);
      expect(calls[1]!.params.document).to.equal((first.response as { result: Message }).result.document!.file_id);

      const pdf = path.join(dir, "dokumen", "formulir-permohonan-cuti.pdf");
      writeFileSync(pdf, Buffer.concat([readFileSync(pdf), Buffer.from("\n% revisi\n")]));
      await sleep(1500);
      await press(messages().find((m) => m.message_id === menu.message_id)!, form.text);
      const third = (await h.fake.waitForCalls((c) => c.method === "sendDocument" && c.status === 200, 3))[2]!;
      expect(third.files).to.have.length(1);
    });

    it("never sends what a symbolic link points to, even when a checked document is swapped for one", async () => {
      const menu = await command("/dokumen");
      const form = buttonsOf(menu).find((b) => /Cuti/i.test(b.text))!;
      const pdf = path.join(dir, "dokumen", "formulir-permohonan-cuti.pdf");
      rmSync(pdf);
      symlinkSync("/etc/passwd", pdf);
      await press(menu, form.text);
      await h.fake.waitForCall((c) => c.method === "sendMessage" && String(c.params.text).includes("tidak dapat dikirim"));
      expect(h.fake.callsOf("sendDocument")).to.deep.equal([]);
      expect(h.logLines.join("\n")).to.contain("dokumen tidak dikirim");
    });

    it("splits an answer over 4096 characters at paragraph boundaries, and shows tricky characters literally", async () => {
      const paragraph = (i: number) => `Paragraf ${i}: ketentuan <b>tidak</b> & syarat *penting* _sekali_ 5 < 7 > 3. `.repeat(12);
      const long = Array.from({ length: 12 }, (_, i) => paragraph(i + 1)).join("\n\n");
      writeFileSync(path.join(dir, "pengkinpeg.md"), `${readFileSync(path.join(dir, "pengkinpeg.md"), "utf8")}\n\n## Topik Sangat Panjang\n\n${long}\n`);
      await sleep(1500);
      const menu = await command("/pengkinpeg");
      await press(menu, "Topik Sangat Panjang", 2);
      await sleep(2500);
      const parts = messages().filter((m) => m.message_id > menu.message_id);
      expect(parts.length).to.be.at.least(2);
      for (const p of parts) expect(p.text!.length).to.be.at.most(4096);
      const all = parts.map((p) => p.text).join("\n\n");
      expect(all).to.contain("ketentuan <b>tidak</b> & syarat").and.contain("Paragraf 12:");
      for (const p of parts.slice(0, -1)) expect(p.text!.trimEnd()).to.match(/\.$/);
      expect(h.fake.calls.filter((c) => c.status === 400)).to.have.length(0);
    });

    it("serves an edit within seconds and keeps the last valid content when an edit breaks a file", async () => {
      const file = path.join(dir, "mutasi.md");
      const original = readFileSync(file, "utf8");
      writeFileSync(file, original.replace("Pindah ke Instansi Lain", "Pindah Instansi (Baru)"));
      await sleep(1500);
      const edited = await command("/mutasi");
      expect(buttonsOf(edited).map((b) => b.text)).to.include("Pindah Instansi (Baru)");

      writeFileSync(file, original.replace(/^# .*$/m, "").replace(/^## Pindah ke Instansi Lain\n[\s\S]*?(?=\n## )/m, "## Mutasi Antarunit Kerja\n\n"));
      await sleep(1500);
      const still = await command("/mutasi");
      expect(buttonsOf(still).map((b) => b.text)).to.include("Pindah Instansi (Baru)");
      const warning = h.logLines.find((l) => l.includes("mutasi.md:"));
      expect(warning, h.logLines.slice(-5).join("\n")).to.match(/mutasi\.md:\d+:/);
    });
  });
}
