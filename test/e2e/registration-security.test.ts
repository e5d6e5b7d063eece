import { expect } from "chai";
import type { Update, User } from "node-telegram-bot-api";
import { close, testDatabases } from "../support/test-db.js";
import { eachTestWithBot, STAFF_GROUP, type Harness } from "../support/app-harness.js";
import { callbackQuery, documentFields, makeUser, photoFields } from "../support/updates.js";
import { migrateToLatest, type Db } from "../../src/db/database.js";
import { findByNip, upsertPengguna } from "../../src/db/pengguna-repo.js";
import { hashPassword } from "../../src/domain/passwords.js";
import { register } from "../../src/domain/registration.js";
import { upsertTunkin } from "../../src/db/tunkin-repo.js";
import { upsertCuti } from "../../src/db/cuti-repo.js";
import { nthText as nthChatText } from "../support/chat-texts.js";

const NIP = "198501012010011001";
const PASSWORD = "Benar-Pw.2024";
const ZWSP = "\u200B";
const ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩";
const FULL_WIDTH = "０１２３４５６７８９";
const inDigits = (nip: string, digits: string) => [...nip].map((d) => digits[Number(d)]).join("");
const LOCKED = "Terlalu banyak percobaan";
const WRONG = "NIP atau password salah";
const INVALID = "NIP tidak valid";
const REGISTERED = "berhasil terhubung";
/** Telegram's longest callback data, 64 bytes: longer than pesan.perintah's 40 characters. */
const BUTTON_64 = `m:${"x".repeat(62)}`;

for (const database of testDatabases()) {
  describe(`registration resists padded NIPs, parallel guesses and a lock it cannot write (${database.name})`, function () {
    let db: Db;
    let h: Harness;

    eachTestWithBot(database, (harness, fresh) => {
      h = harness;
      db = fresh;
    });

    const nthText = (chatId: number, count: number) => nthChatText(h.fake, chatId, count);
    /** An employee in the database, not yet bound to any Telegram account. */
    const unbound = async (id: number, nip = NIP, password = PASSWORD) => {
      await h.employee(id, { nip, password });
      await db("pengguna").where({ nip }).update({ id_telegram: null });
    };
    const boundTo = async (nip = NIP) => (await findByNip(db, nip))?.id_telegram ?? null;
    const triesOf = async (kunci: string) => (await db("percobaan_daftar").where({ kunci })).length;

    it("locks the real NIP after wrong tries with a NIP padded by 19 zero-width spaces, so the right password then binds nothing", async () => {
      await unbound(9100);
      const attacker = makeUser(601);
      const padded = `${NIP}${ZWSP.repeat(19)}`;
      for (let i = 1; i <= 6; i++) {
        h.fake.userSays(attacker, `/daftar ${padded} salah${i}`);
        expect(await nthText(attacker.id, i)).to.contain(i <= 5 ? WRONG : LOCKED);
      }
      h.fake.userSays(attacker, `/daftar ${padded} ${PASSWORD}`);
      expect(await nthText(attacker.id, 7)).to.contain(LOCKED);
      const other = makeUser(602);
      h.fake.userSays(other, `/daftar ${NIP} ${PASSWORD}`);
      expect(await nthText(other.id, 1)).to.contain(LOCKED);
      expect(await boundTo()).to.equal(null);
      expect(await triesOf(`nip:${NIP}`)).to.equal(5);
    });

    it("reads a NIP wrapped in zero-width, bidi and other invisible characters as its 18 digits", async () => {
      const forms = [
        (nip: string) => `/daftar \u202E${nip}\u202C ${PASSWORD}`,
        (nip: string) => `/daftar \u2066${nip.slice(0, 9)}\u200D${nip.slice(9)}\u2069 ${PASSWORD}`,
        (nip: string) => `/daftar \uFEFF${nip}\u2060\u200C ${PASSWORD}`,
        (nip: string) => `/daftar${ZWSP}${nip}\u00AD ${PASSWORD}`,
        (nip: string) => `/daftar ${nip.slice(0, 8)}\uFEFF${nip.slice(8)} ${PASSWORD}`,
      ];
      for (const [i, form] of forms.entries()) {
        const nip = `${NIP.slice(0, 14)}${String(2000 + i)}`;
        await unbound(9110 + i, nip);
        const user = makeUser(610 + i);
        h.fake.userSays(user, form(nip));
        expect(await nthText(user.id, 1), JSON.stringify(form(nip))).to.contain(REGISTERED).and.contain(nip);
        expect(await boundTo(nip)).to.equal(user.id);
      }
    });

    it("reads full-width digits as ASCII ones (Unicode NFKC), and binds the NIP as stored", async () => {
      await unbound(9120);
      const user = makeUser(620);
      h.fake.userSays(user, `/daftar ${inDigits(NIP, FULL_WIDTH)} ${PASSWORD}`);
      expect(await nthText(user.id, 1)).to.contain(REGISTERED).and.contain(`NIP ${NIP}`);
      expect(await boundTo()).to.equal(user.id);
    });

    it("refuses a NIP that is not 18 ASCII digits as invalid, counting no try, even with the right password", async () => {
      await unbound(9130);
      const user = makeUser(630);
      const forms = [
        inDigits(NIP, ARABIC_INDIC),
        inDigits(NIP, "۰۱۲۳۴۵۶۷۸۹"),
        `${NIP.slice(0, 17)}O`,
        NIP.slice(0, 17),
        `${NIP}1`,
        `${NIP}\u0301`,
        `${NIP.slice(0, 9)}-${NIP.slice(9)}`,
      ];
      for (const [i, form] of forms.entries()) {
        h.fake.userSays(user, `/daftar ${form} ${PASSWORD}`);
        expect(await nthText(user.id, i + 1), form).to.contain(INVALID);
      }
      expect(await db("percobaan_daftar").count<{ n: number | string }[]>({ n: "*" }).then((r) => Number(r[0]!.n))).to.equal(0);
      expect(await boundTo()).to.equal(null);
      h.fake.userSays(user, `/daftar ${NIP} ${PASSWORD}`);
      expect(await nthText(user.id, forms.length + 1)).to.contain(REGISTERED);
    });

    it("compares NIPs and lock keys byte for byte in the database, keeping the cascades from tunkin and cuti", async () => {
      await unbound(9140);
      for (const lookalike of [`${NIP}${ZWSP}`, `${NIP} `, inDigits(NIP, FULL_WIDTH), `${NIP.slice(0, 17)}\u0661`]) {
        expect(await findByNip(db, lookalike), JSON.stringify(lookalike)).to.equal(undefined);
      }
      await db("percobaan_daftar").insert({ kunci: `nip:${NIP}`, waktu: Date.now() });
      expect(await triesOf(`NIP:${NIP}`)).to.equal(0);
      expect(await triesOf(`nip:${NIP} `)).to.equal(0);
      await upsertTunkin(db, [{ nip: NIP, periode: "2026-10", kelas_jabatan: 9, nominal: 7_000_000, potongan: 0, keterangan: null }]);
      await upsertCuti(db, [{ nip: NIP, tahun: 2026, jenis_cuti: "Cuti Tahunan", hak_hari: 12, terpakai_hari: 0 }]);
      await db("pengguna").where({ nip: NIP }).delete();
      expect(await db("tunkin")).to.deep.equal([]);
      expect(await db("cuti")).to.deep.equal([]);
      if (database.name === "mysql") await expectBytewise(db);
    });

    it("refuses the right password, checking nothing, when the failed try cannot be recorded", async () => {
      await unbound(9150);
      await db.raw(
        database.name === "mysql"
          ? "CREATE TRIGGER tolak_percobaan BEFORE INSERT ON percobaan_daftar FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk penuh'"
          : "CREATE TRIGGER tolak_percobaan BEFORE INSERT ON percobaan_daftar BEGIN SELECT RAISE(ABORT, 'disk penuh'); END",
      );
      const user = makeUser(650);
      h.fake.userSays(user, `/daftar ${NIP} ${PASSWORD}`);
      expect(await nthText(user.id, 1)).to.contain("gangguan sementara");
      expect(await boundTo()).to.equal(null);
      expect(h.logLines.join("\n")).not.to.contain(PASSWORD);
    });

    it("checks no more than five passwords when twelve accounts guess one NIP at the same moment, and then keeps it locked", async () => {
      await unbound(9160);
      const guessers = Array.from({ length: 12 }, (_, i) => makeUser(660 + i));
      for (const [i, g] of guessers.entries()) h.fake.userSays(g, `/daftar ${NIP} salah${i}`);
      const answers = await Promise.all(guessers.map((g) => nthText(g.id, 1)));
      const checked = answers.filter((a) => a.includes(WRONG));
      expect(checked.length, answers.join("\n")).to.equal(5);
      expect(answers.filter((a) => !a.includes(WRONG)).every((a) => a.includes(LOCKED)), answers.join("\n")).to.equal(true);
      h.fake.userSays(guessers[0]!, `/daftar ${NIP} ${PASSWORD}`);
      expect(await nthText(guessers[0]!.id, 2)).to.contain(LOCKED);
      expect(await boundTo()).to.equal(null);
      expect(await triesOf(`nip:${NIP}`)).to.equal(5);
    });

    it("keeps a lock-out across a restart", async () => {
      await unbound(9170);
      const user = makeUser(670);
      for (let i = 1; i <= 5; i++) {
        h.fake.userSays(user, `/daftar ${NIP} salah${i}`);
        expect(await nthText(user.id, i)).to.contain(WRONG);
      }
      await h.stopApp();
      await h.startAppAgain();
      h.fake.userSays(makeUser(671), `/daftar ${NIP} ${PASSWORD}`);
      expect(await nthText(671, 1)).to.contain(LOCKED);
      expect(await boundTo()).to.equal(null);
    });

    it("prunes failed tries older than the window when it writes a try", async () => {
      await unbound(9180);
      const old = Date.now() - 16 * 60 * 1000;
      await db("percobaan_daftar").insert([
        { kunci: "nip:199001012015011001", waktu: old },
        { kunci: "tg:1234", waktu: old },
        { kunci: `nip:${NIP}`, waktu: old },
      ]);
      const user = makeUser(680);
      h.fake.userSays(user, `/daftar ${NIP} salah`);
      expect(await nthText(user.id, 1)).to.contain(WRONG).and.contain("Sisa percobaan: 4");
      const left = await db("percobaan_daftar").select<{ kunci: string }[]>("kunci");
      expect(left.map((r) => r.kunci).sort()).to.deep.equal([`nip:${NIP}`, `tg:${user.id}`]);
    });
  });

  describe(`/daftar in any spelling is handled and hidden, and never travels in a caption (${database.name})`, function () {
    let db: Db;
    let h: Harness;

    eachTestWithBot(database, (harness, fresh) => {
      h = harness;
      db = fresh;
    });

    const nthText = (chatId: number, count: number) => nthChatText(h.fake, chatId, count);
    const messageIdOf = (u: Update) => ("message" in u ? u.message.message_id : -1);
    const wasDeleted = (user: User, update: Update) =>
      h.fake.waitForCall((c) => c.method === "deleteMessage" && c.params.chat_id === user.id && c.params.message_id === messageIdOf(update));
    /** Everything the bot stored or logged: the message log, the inbox and the log lines. */
    const everythingStored = async () =>
      [
        JSON.stringify(await db("pesan").select("isi_pesan", "perintah", "data")),
        JSON.stringify(await db("update_masuk").select("data")),
        h.logLines.join("\n"),
      ].join("\n");
    /** The bot handles one chat in order: once the marker is answered, every earlier update of the chat is done. */
    const marker = async (user: User) => {
      h.fake.userSays(user, "/tentang");
      await h.fake.waitForCall((c) => c.method === "sendMessage" && c.params.chat_id === user.id && String(c.params.text).includes("Tentang Sinawai"));
    };

    it("handles /Daftar, /DAFTAR and /daftar@<bot> exactly like /daftar: registers, deletes the message and stores no password", async () => {
      for (const [i, command] of ["/Daftar", "/DAFTAR", "/daftar@sinawai_test_bot", "/DaFtAr@Sinawai_Test_Bot"].entries()) {
        const nip = `19850101201001${String(3000 + i)}`;
        const password = `Rahasia-${i}-xyz`;
        await h.employee(9200 + i, { nip, password });
        await db("pengguna").where({ nip }).update({ id_telegram: null });
        const user = makeUser(700 + i);
        const update = h.fake.userSays(user, `${command} ${nip} ${password}`);
        expect(await nthText(user.id, 1), command).to.contain("berhasil terhubung");
        await wasDeleted(user, update);
        expect((await findByNip(db, nip))!.id_telegram).to.equal(user.id);
        await marker(user);
        const stored = await everythingStored();
        expect(stored, command).not.to.contain(password);
        const logged = await db("pesan").where({ id_chat: user.id, arah: "masuk" }).orderBy("id").first();
        expect(logged.isi_pesan).to.equal(`${command} ${nip} [disembunyikan]`);
        expect(logged.perintah).to.equal("daftar");
      }
    });

    it("deletes a photo or document captioned /daftar NIP PASSWORD, relays nothing to the staff, stores no password and asks for a text message", async () => {
      const employee = await h.employee(710);
      const stranger = makeUser(711);
      const captions = [`/daftar ${NIP} FotoRahasia1`, `/Daftar@sinawai_test_bot ${NIP} DokumenRahasia2`];
      const photo = h.fake.userSends(employee, photoFields({ caption: captions[0] }));
      const document = h.fake.userSends(stranger, documentFields({ caption: captions[1] }));
      expect(await nthText(employee.id, 1)).to.contain("pesan teks");
      expect(await nthText(stranger.id, 1)).to.contain("pesan teks");
      await wasDeleted(employee, photo);
      await wasDeleted(stranger, document);
      // A question after the captioned photo is relayed, so the group shows what the bot relayed by then.
      h.fake.userSays(employee, "pertanyaan sesudahnya");
      await h.fake.waitForCall((c) => ["sendMessage", "copyMessage"].includes(c.method) && c.params.chat_id === STAFF_GROUP.id && c.status === 200);
      await marker(stranger);
      const group = h.fake.messagesIn(STAFF_GROUP.id);
      expect(group.map((m) => m.text ?? m.caption ?? "").join("\n")).to.contain("pertanyaan sesudahnya").and.not.contain("Rahasia");
      expect(group.some((m) => "photo" in m || "document" in m)).to.equal(false);
      const stored = await everythingStored();
      expect(stored).not.to.contain("FotoRahasia1").and.not.to.contain("DokumenRahasia2");
      expect(stored).to.contain(`/daftar ${NIP} [disembunyikan]`);
      expect(await findByNip(db, NIP)).to.equal(undefined);
    });

    it("logs an over-long command, a padded /daftar and a 64-byte button in pesan, cutting what a column cannot hold", async () => {
      const user = await h.employee(720, { nip: NIP, password: PASSWORD });
      h.fake.userSays(user, `/${"a".repeat(4000)}`);
      expect(await nthText(user.id, 1)).to.contain("Perintah tidak dikenal");
      const padded = h.fake.userSays(user, `/daftar ${NIP}${ZWSP.repeat(4000)} ${PASSWORD}`);
      expect(await nthText(user.id, 2)).to.contain("sudah terhubung");
      await wasDeleted(user, padded);
      const shown = h.fake.messagesIn(user.id)[0]!;
      h.fake.pushUpdate({ callback_query: callbackQuery(user, shown, BUTTON_64) });
      await h.fake.waitForCall((c) => c.method === "answerCallbackQuery");
      await marker(user);
      const rows = await db("pesan").where({ id_chat: user.id, arah: "masuk" }).orderBy("id").select<{ perintah: string | null; isi_pesan: string | null }[]>("perintah", "isi_pesan");
      expect(rows.map((r) => r.perintah)).to.deep.equal(["a".repeat(40), "daftar", BUTTON_64.slice(0, 40), "tentang"]);
      expect(rows[1]!.isi_pesan).not.to.contain(PASSWORD);
      expect(h.logLines.join("\n")).not.to.contain("gagal mencatat pesan masuk");
      expect(await everythingStored()).not.to.contain(PASSWORD);
    });
  });

  describe(`the registration hardening migration on a database that holds rows (${database.name})`, function () {
    let db: Db;
    beforeEach(async () => {
      db = await database.open();
    });
    afterEach(() => close(db));

    it("makes NIPs and lock keys compare byte for byte, keeping every row, foreign key and lock-out", async () => {
      await migrateBelow(db, "004-registration-hardening");
      const now = Date.now();
      await upsertPengguna(db, [{ nip: NIP, nama: "Budi", password: await hashPassword(PASSWORD) }], now);
      await upsertTunkin(db, [{ nip: NIP, periode: "2026-10", kelas_jabatan: 9, nominal: 7_000_000, potongan: 0, keterangan: null }]);
      await upsertCuti(db, [{ nip: NIP, tahun: 2026, jenis_cuti: "Cuti Tahunan", hak_hari: 12, terpakai_hari: 0 }]);
      await db("percobaan_daftar").insert(Array.from({ length: 5 }, (_, i) => ({ kunci: `nip:${NIP}`, waktu: now - i * 1000 })));

      await migrateToLatest(db);

      if (database.name === "mysql") await expectBytewise(db);
      expect((await findByNip(db, NIP))!.nama).to.equal("Budi");
      expect(await findByNip(db, `${NIP} `)).to.equal(undefined);
      expect(await db("tunkin").where({ nip: NIP })).to.have.length(1);
      expect(await db("cuti").where({ nip: NIP })).to.have.length(1);
      const result = await register(db, () => now, { telegramId: 777, nip: NIP, password: PASSWORD });
      expect(result.kind).to.equal("locked");
      await db("pengguna").where({ nip: NIP }).delete();
      expect(await db("tunkin")).to.deep.equal([]);
      expect(await db("cuti")).to.deep.equal([]);
    });
  });
}

/** The MySQL columns holding a NIP or a failed-try key are in a binary collation without PAD SPACE. */
async function expectBytewise(db: Db): Promise<void> {
  const [rows] = (await db.raw(
    "SELECT TABLE_NAME AS t, COLUMN_NAME AS c, COLLATION_NAME AS k FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND ((COLUMN_NAME = 'nip' AND TABLE_NAME IN ('pengguna', 'tunkin', 'cuti')) OR (TABLE_NAME = 'percobaan_daftar' AND COLUMN_NAME = 'kunci')) ORDER BY t, c",
  )) as [{ t: string; c: string; k: string }[]];
  expect(rows.map((r) => `${r.t}.${r.c}`)).to.deep.equal(["cuti.nip", "pengguna.nip", "percobaan_daftar.kunci", "tunkin.nip"]);
  for (const r of rows) expect(r.k, `${r.t}.${r.c}`).to.match(/^utf8mb4_(nopad_bin|0900_bin)$/);
}

/** Undoes migrations, newest first, until `name` is no longer applied. */
async function migrateBelow(db: Db, name: string): Promise<void> {
  const applied = async () => ((await db.migrate.list()) as [{ name: string }[], unknown[]])[0].map((m) => m.name);
  while ((await applied()).includes(name)) await db.migrate.down();
}
