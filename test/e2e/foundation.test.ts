import { expect } from "chai";
import { testDatabases } from "../support/test-db.js";
import { eachTestWithBot, type Harness } from "../support/app-harness.js";
import { makeUser } from "../support/updates.js";
import { upsertTunkin } from "../../src/db/tunkin-repo.js";
import { upsertCuti } from "../../src/db/cuti-repo.js";
import { findByNip } from "../../src/db/pengguna-repo.js";
import { pesanForChat } from "../../src/db/pesan-repo.js";
import type { Db } from "../../src/db/database.js";

const NIP_BUDI = "198501012010011001";

for (const database of testDatabases()) {
  describe(`employees bind their account and read their own data (${database.name})`, function () {
    let db: Db;
    let h: Harness;

    eachTestWithBot(database, (harness, fresh) => {
      h = harness;
      db = fresh;
    });

    /** The texts the bot has sent into a private chat, oldest first. */
    const textsIn = (chatId: number) => h.fake.messagesIn(chatId).map((m) => m.text ?? m.caption ?? "");
    const lastText = async (chatId: number, count = 1) => {
      await h.fake.waitForCalls((c) => c.method === "sendMessage" && c.params.chat_id === chatId && c.status === 200, count);
      return textsIn(chatId).at(-1)!;
    };

    it("greets a newcomer on /start with the menu and tells them how to register", async () => {
      const user = makeUser(501);
      h.fake.userSays(user, "/start");
      const text = await lastText(user.id);
      expect(text).to.contain("/daftar NIP PASSWORD");
      const menu = h.fake.messagesIn(user.id).at(-1)!;
      const buttons = menu.reply_markup!.inline_keyboard.flat().map((b) => b.text);
      expect(buttons.join(" ")).to.match(/Perencanaan|Renbang/i);
      expect(buttons).to.have.length.greaterThan(6);
    });

    it("registers with /daftar, deletes the password message and stores no password anywhere", async () => {
      await h.employee(9000, { nip: NIP_BUDI, nama: "Budi Santoso", password: "s3cret-Pw!" });
      await db("pengguna").where({ nip: NIP_BUDI }).update({ id_telegram: null });
      const user = makeUser(502, { first_name: "Budi" });
      const update = h.fake.userSays(user, `/daftar ${NIP_BUDI} s3cret-Pw!`);
      const text = await lastText(user.id);
      expect(text).to.contain("berhasil terhubung");
      const deleted = await h.fake.waitForCall((c) => c.method === "deleteMessage");
      expect(deleted.params).to.deep.include({ chat_id: user.id, message_id: "message" in update ? update.message.message_id : -1 });
      expect((await findByNip(db, NIP_BUDI))!.id_telegram).to.equal(user.id);
      const logged = await pesanForChat(db, user.id);
      expect(JSON.stringify(logged)).not.to.contain("s3cret-Pw!");
      expect(logged.find((p) => p.arah === "masuk")!.isi_pesan).to.equal(`/daftar ${NIP_BUDI} [disembunyikan]`);
      expect(h.logLines.join("\n")).not.to.contain("s3cret-Pw!");
      expect((await findByNip(db, NIP_BUDI))!.password).to.match(/^scrypt\$/);
    });

    it("answers /daftar without arguments with a usage example", async () => {
      const user = makeUser(503);
      h.fake.userSays(user, "/daftar");
      expect(await lastText(user.id)).to.contain("Contoh: /daftar");
    });

    it("refuses after five wrong passwords within 15 minutes, even with the right one", async () => {
      await h.employee(9001, { nip: NIP_BUDI, password: "benar" });
      await db("pengguna").where({ nip: NIP_BUDI }).update({ id_telegram: null });
      const user = makeUser(504);
      for (let i = 1; i <= 5; i++) {
        h.fake.userSays(user, `/daftar ${NIP_BUDI} salah${i}`);
        expect(await lastText(user.id, i)).to.contain("NIP atau password salah");
      }
      h.fake.userSays(user, `/daftar ${NIP_BUDI} benar`);
      expect(await lastText(user.id, 6)).to.contain("Terlalu banyak percobaan");
      expect((await findByNip(db, NIP_BUDI))!.id_telegram).to.equal(null);
      // the NIP is locked for other accounts too
      const other = makeUser(505);
      h.fake.userSays(other, `/daftar ${NIP_BUDI} benar`);
      expect(await lastText(other.id)).to.contain("Terlalu banyak percobaan");
    });

    it("refuses a NIP bound to another account, and an inactive employee", async () => {
      await h.employee(9002, { nip: NIP_BUDI, password: "pw" });
      const thief = makeUser(506);
      h.fake.userSays(thief, `/daftar ${NIP_BUDI} pw`);
      expect(await lastText(thief.id)).to.contain("sudah terhubung dengan akun Telegram lain");

      await h.employee(9003, { nip: "198703032012121003", password: "pw", status: "nonaktif" });
      await db("pengguna").where({ nip: "198703032012121003" }).update({ id_telegram: null });
      const inactive = makeUser(507);
      h.fake.userSays(inactive, "/daftar 198703032012121003 pw");
      expect(await lastText(inactive.id)).to.contain("tidak aktif");
    });

    it("shows an employee their own data, allowance in rupiah and this year's leave", async () => {
      const user = await h.employee(510, { nip: NIP_BUDI, nama: "Budi <Santoso>", jabatan: "Analis & Perencana" });
      await upsertTunkin(db, [
        { nip: NIP_BUDI, periode: "2026-10", kelas_jabatan: 9, nominal: 7_500_000, potongan: 150_000, keterangan: null },
        { nip: NIP_BUDI, periode: "2026-09", kelas_jabatan: 9, nominal: 7_500_000, potongan: 0, keterangan: null },
      ]);
      const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
      await upsertCuti(db, [{ nip: NIP_BUDI, tahun: year, jenis_cuti: "Cuti Tahunan", hak_hari: 12, terpakai_hari: 5 }]);

      h.fake.userSays(user, "/datapribadi");
      const data = await lastText(user.id);
      expect(data).to.contain("Budi <Santoso>").and.contain(NIP_BUDI).and.contain("Analis & Perencana");

      h.fake.userSays(user, "/tunkin");
      const tunkin = await lastText(user.id, 2);
      expect(tunkin).to.contain("Oktober 2026").and.contain("Rp 7.500.000").and.contain("Rp 150.000").and.contain("Rp 7.350.000");
      expect(tunkin.indexOf("Oktober 2026")).to.be.lessThan(tunkin.indexOf("September 2026"));

      h.fake.userSays(user, "/cuti");
      const cuti = await lastText(user.id, 3);
      expect(cuti).to.contain(`Cuti Tahun ${year}`).and.contain("Cuti Tahunan").and.contain("Sisa: 7 hari");
    });

    it("never shows personal data to an unregistered user", async () => {
      await h.employee(511, { nip: NIP_BUDI, nama: "Budi Santoso" });
      const stranger = makeUser(512);
      for (const [i, command] of ["/datapribadi", "/tunkin", "/cuti"].entries()) {
        h.fake.userSays(stranger, command);
        const text = await lastText(stranger.id, i + 1);
        expect(text).to.contain("belum terdaftar");
        expect(text).not.to.contain("Budi");
      }
    });

    it("keeps two employees' data apart", async () => {
      const budi = await h.employee(520, { nip: NIP_BUDI, nama: "Budi Santoso" });
      const siti = await h.employee(521, { nip: "199002022015032002", nama: "Siti Rahmawati" });
      await upsertTunkin(db, [
        { nip: NIP_BUDI, periode: "2026-10", kelas_jabatan: 9, nominal: 7_000_000, potongan: 0, keterangan: null },
        { nip: "199002022015032002", periode: "2026-10", kelas_jabatan: 8, nominal: 4_595_150, potongan: 0, keterangan: null },
      ]);
      h.fake.userSays(budi, "/tunkin");
      h.fake.userSays(siti, "/tunkin");
      h.fake.userSays(siti, "/datapribadi");
      expect(await lastText(budi.id)).to.contain("Rp 7.000.000").and.not.contain("4.595.150");
      await lastText(siti.id, 2);
      const sitiTexts = textsIn(siti.id).join("\n");
      expect(sitiTexts).to.contain("Rp 4.595.150").and.contain("Siti Rahmawati").and.not.contain("7.000.000").and.not.contain("Budi");
    });

    it("answers /bantuan with every command and /tentang with who runs the bot", async () => {
      const user = makeUser(530);
      h.fake.userSays(user, "/bantuan");
      const help = await lastText(user.id);
      for (const command of ["/daftar", "/datapribadi", "/tunkin", "/cuti", "/renbangkompeg", "/mutasi", "/jahdis", "/pengkinpeg", "/terkini", "/dokumen", "/tentang"]) {
        expect(help).to.contain(command);
      }
      h.fake.userSays(user, "/tentang");
      expect(await lastText(user.id, 2)).to.contain("OSDM");
    });

    it("lists the employee commands in Telegram's menu with Indonesian descriptions", async () => {
      await h.fake.waitForCall((c) => c.method === "setMyCommands");
      const commands = h.fake.myCommands().map((c) => c.command);
      expect(commands).to.include.members(["start", "daftar", "datapribadi", "tunkin", "cuti", "terkini", "dokumen"]);
      expect(h.fake.myCommands().find((c) => c.command === "cuti")!.description).to.match(/cuti/i);
    });

    it("logs every message in and out in pesan", async () => {
      const user = makeUser(540);
      h.fake.userSays(user, "/tentang");
      await lastText(user.id);
      await new Promise((r) => setTimeout(r, 100));
      const rows = await pesanForChat(db, user.id);
      expect(rows.map((r) => r.arah)).to.deep.equal(["masuk", "keluar"]);
      expect(rows[0]!.perintah).to.equal("tentang");
      expect(rows[1]!.id_pesan).to.be.a("number");
    });

    it("tells the user about an unknown command", async () => {
      const user = makeUser(541);
      h.fake.userSays(user, "/entahlah");
      expect(await lastText(user.id)).to.contain("/bantuan");
    });

    it("still answers a command sent during a Telegram outage, once Telegram is back", async () => {
      const user = makeUser(542);
      h.fake.failNext((c) => c.method === "sendMessage" && c.params.chat_id === user.id, { status: 502 }, 5);
      h.fake.userSays(user, "/tentang");
      expect(await lastText(user.id)).to.contain("OSDM");
      expect(h.fake.calls.filter((c) => c.method === "sendMessage" && c.params.chat_id === user.id && c.status === 200)).to.have.length(1);
      expect(h.logLines.join("\n")).to.contain("balasan masuk antrian");
    });
  });
}
