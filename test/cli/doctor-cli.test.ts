// `npm run doctor` as a process against the fake Bot API and real databases: every ✗ it can print, with its fix,
// and the all-✓ answer of a bot that is ready to run.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import mysql from "mysql2/promise";
import { Bot, type Chat, type User } from "node-telegram-bot-api";
import type { DatabaseConfig } from "../../src/config.js";
import type { Db } from "../../src/db/database.js";
import { leaderLockName } from "../../src/db/leader-lock-name.js";
import { STAFF_GROUP } from "../support/app-harness.js";
import { TOKEN } from "../support/bot-child.js";
import { FakeTelegram } from "../support/fake-telegram.js";
import { close, configOf, testDatabases, type TestDatabase } from "../support/test-db.js";
import { makeUser } from "../support/updates.js";

const TSX = import.meta.resolve("tsx");
const VALID_CONTENT = path.resolve("test/fixtures/content/valid");
const BOT: User = { id: 123456, is_bot: true, first_name: "Sinawai Test", username: "sinawai_test_bot" };

interface Answer {
  status: number | null;
  /** Every line printed, in order. */
  lines: string[];
  /** The ✗ lines alone. */
  crosses: string[];
  ms: number;
}

/**
 * Runs `npm run doctor` as npm would (tsx), from an empty folder (no .env), with exactly `env`. Asynchronous: the fake
 * Bot API it talks to lives in this process.
 */
function doctor(env: Record<string, string>, cwd: string): Promise<Answer> {
  const started = Date.now();
  const child = spawn(process.execPath, ["--import", TSX, path.resolve("src/cli/doctor.ts")], {
    cwd,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => {
      const lines = out.split("\n").filter((line) => line !== "");
      resolve({ status, lines, crosses: lines.filter((line) => line.startsWith("✗")), ms: Date.now() - started });
    });
  });
}

function databaseEnv(database: DatabaseConfig): Record<string, string> {
  return database.client === "mysql2" ? { DATABASE_URL: database.connection } : { DATABASE_URL: "", SQLITE_FILE: database.connection };
}

/** A doctor's answer with exactly one ✗, which says `what` and, after the arrow, `fix`; exit code 1. */
function expectOneCross(answer: Answer, what: string, fix: string): void {
  const shown = answer.lines.join("\n");
  expect(answer.crosses, shown).to.have.length(1);
  const cross = answer.crosses[0]!;
  const arrow = cross.indexOf(" → ");
  expect(arrow, shown).to.be.above(0);
  expect(cross.slice(0, arrow), shown).to.contain(what);
  expect(cross.slice(arrow + " → ".length), shown).to.contain(fix);
  expect(answer.status, shown).to.equal(1);
}

for (const t of testDatabases()) {
  describe(`npm run doctor (${t.name})`, function () {
    this.timeout(60_000);
    let db: Db;
    let dir: string;
    let env: Record<string, string>;

    eachTestReady(t, (world) => ({ db, dir, env } = world));

    it("answers ✓ on every line for a bot that is ready to run, and exits 0", async () => {
      const answer = await doctor(env, dir);
      const shown = answer.lines.join("\n");
      expect(answer.status, shown).to.equal(0);
      const checks = answer.lines.slice(0, -1);
      expect(checks.every((line) => line.startsWith("✓ ")), shown).to.equal(true);
      expect(shown).to.contain("✓ konfigurasi lengkap dan sah");
      expect(shown).to.match(/✓ database (SQLite|MySQL) .*: terhubung, skema terbaru/);
      expect(shown).to.contain(`✓ konten ${VALID_CONTENT} valid`).and.contain("✓ dokumen: 1 berkas terbaca, tanpa tautan simbolik");
      expect(shown).to.contain("✓ Telegram menerima BOT_TOKEN: bot @sinawai_test_bot");
      expect(shown).to.contain("✓ tidak ada webhook");
      expect(shown).to.contain(`✓ grup staf "OSDM Layanan" (${STAFF_GROUP.id}) terjangkau: supergroup`);
      expect(shown).to.contain('✓ bot admin di grup staf dengan hak "Hapus Pesan"');
      if (t.name === "sqlite") expect(shown).to.contain("✓ kunci siaga (HOT_STANDBY): tidak diperiksa");
      else expect(shown).to.contain(`✓ kunci siaga (HOT_STANDBY) "${leaderLockName(await databaseName(db))}": bebas`);
      expect(answer.lines.at(-1)).to.equal("Semua pemeriksaan lulus: bot siap dijalankan (npm start).");
    });

    it("lists the migrations not applied yet", async () => {
      const [, rolledBack] = (await db.migrate.down()) as [number, string[]];
      const answer = await doctor(env, dir);
      expectOneCross(answer, `1 migrasi belum diterapkan: ${rolledBack.join(", ")}`, "npm run migrate");
    });

    it("says a newer version migrated the database", async () => {
      await db("knex_migrations").insert({ name: "999-dari-versi-baru", batch: 99, migration_time: new Date() });
      const answer = await doctor(env, dir);
      expectOneCross(answer, "versi Sinawai yang lebih baru (999-dari-versi-baru)", "versi bot yang sama");
    });

    if (t.name === "sqlite") {
      it("says the SQLite file does not exist yet, and creates none", async () => {
        const missing = path.join(dir, "belum-ada.sqlite");
        const answer = await doctor({ ...env, SQLITE_FILE: missing }, dir);
        expectOneCross(answer, `database SQLite ${missing} belum ada`, "npm run migrate");
        expect(existsSync(missing)).to.equal(false);
      });

      it("says a file that is not an SQLite database cannot be used", async () => {
        const notADatabase = path.join(dir, "bukan.sqlite");
        writeFileSync(notADatabase, "ini bukan database, hanya teks yang cukup panjang untuk dibaca sebagai header".repeat(10));
        const answer = await doctor({ ...env, SQLITE_FILE: notADatabase }, dir);
        expectOneCross(answer, `database SQLite ${notADatabase} tidak dapat dipakai`, "bukan database SQLite");
      });
    } else {
      it("says the database does not exist on the server", async () => {
        const url = new URL(configOf(db).connection);
        url.pathname = "/sinawai_tidak_ada";
        const answer = await doctor({ ...env, DATABASE_URL: url.toString() }, dir);
        expectOneCross(answer, "/sinawai_tidak_ada tidak dapat dipakai", "CREATE DATABASE");
        expect(answer.lines.join("\n")).to.contain("Belum diperiksa karena masalah di atas: kunci siaga (HOT_STANDBY).");
      });

      it("tells which connection holds the leader lock", async () => {
        // As the active instance holds it: on a connection of its own.
        const holder = await mysql.createConnection({ uri: configOf(db).connection });
        try {
          const lock = leaderLockName(await databaseName(db));
          await holder.query("SELECT GET_LOCK(?, 0)", [lock]);
          const answer = await doctor(env, dir);
          expect(answer.status, answer.lines.join("\n")).to.equal(0);
          expect(answer.lines.join("\n")).to.match(new RegExp(`✓ kunci siaga \\(HOT_STANDBY\\) "${lock}": dipegang koneksi ${holder.threadId} dari \\S+, instance yang sedang aktif`));
        } finally {
          await holder.end();
        }
      });
    }
  });
}

/** A database, a fake Telegram where the bot is an admin of the staff group, a scratch folder and a valid .env: a bot ready to run. */
interface ReadyWorld {
  db: Db;
  fake: FakeTelegram;
  dir: string;
  env: Record<string, string>;
}

function eachTestReady(database: TestDatabase, use: (world: ReadyWorld) => void): void {
  let world: ReadyWorld | undefined;
  beforeEach(async () => {
    const db = await database.open();
    const fake = await FakeTelegram.start({ token: TOKEN });
    fake.knowChat(STAFF_GROUP);
    fake.makeBotAdmin(STAFF_GROUP.id);
    const dir = mkdtempSync(path.join(os.tmpdir(), "sinawai-doctor-"));
    const env = { BOT_TOKEN: TOKEN, STAFF_GROUP_ID: String(STAFF_GROUP.id), TELEGRAM_API_ROOT: fake.apiRoot, CONTENT_DIR: VALID_CONTENT, ...databaseEnv(configOf(db)) };
    world = { db, fake, dir, env };
    use(world);
  });
  afterEach(async () => {
    if (!world) return;
    await world.fake.stop();
    await close(world.db);
    rmSync(world.dir, { recursive: true, force: true });
    world = undefined;
  });
}

describe("npm run doctor: configuration, content and Telegram", function () {
  this.timeout(60_000);
  let fake: FakeTelegram;
  let dir: string;
  let env: Record<string, string>;
  const [sqlite] = testDatabases();

  eachTestReady(sqlite!, (world) => ({ fake, dir, env } = world));

  it("reports every configuration problem, still checks the database, and names what it could not check", async () => {
    const withoutToken: Record<string, string> = { ...env, STAFF_GROUP_ID: "123" };
    delete withoutToken.BOT_TOKEN;
    const answer = await doctor(withoutToken, dir);
    const shown = answer.lines.join("\n");
    expect(answer.status, shown).to.equal(1);
    expect(answer.crosses, shown).to.have.length(2);
    expect(answer.crosses[0]).to.contain("✗ konfigurasi: BOT_TOKEN wajib diisi").and.contain("→ lihat contoh di .env.example");
    expect(answer.crosses[1]).to.contain("✗ konfigurasi: STAFF_GROUP_ID harus angka negatif");
    expect(shown).to.contain("(dibaca dari environment; tidak ada berkas .env di folder ini)");
    expect(shown).to.match(/✓ database SQLite .*: terhubung/);
    expect(shown).to.contain("Belum diperiksa karena masalah di atas: konten, dokumen, Telegram, grup staf.");
    expect(fake.calls).to.deep.equal([]);
  });

  it("reads the .env file of the folder it runs in, and says so", async () => {
    const withoutToken = { ...env };
    delete withoutToken.BOT_TOKEN;
    writeFileSync(path.join(dir, ".env"), `BOT_TOKEN=${TOKEN}\n`);
    const answer = await doctor(withoutToken, dir);
    expect(answer.status, answer.lines.join("\n")).to.equal(0);
    expect(answer.lines[0]).to.equal(`✓ konfigurasi lengkap dan sah (dari ${path.join(dir, ".env")} dan environment)`);
  });

  it("says the content is invalid, with its first problem", async () => {
    const answer = await doctor({ ...env, CONTENT_DIR: path.resolve("test/fixtures/content/broken") }, dir);
    const cross = answer.crosses.find((line) => line.includes("konten"));
    expect(cross, answer.lines.join("\n")).to.match(/^✗ konten .*broken tidak valid: \S+:\d+: .* → perbaiki berkasnya; npm run content:check/);
    expect(answer.status).to.equal(1);
  });

  it("says a document is a symbolic link", async () => {
    const content = path.join(dir, "konten");
    cpSync(VALID_CONTENT, content, { recursive: true });
    symlinkSync("/etc/hostname", path.join(content, "dokumen", "tautan.txt"));
    const answer = await doctor({ ...env, CONTENT_DIR: content }, dir);
    expectOneCross(answer, "dokumen tidak valid: dokumen/tautan.txt:1: tautan simbolik", "perbaiki berkasnya");
    expect(answer.lines.join("\n")).to.contain(`✓ konten ${content}: berkas menu, berita dan halaman valid`);
  });

  it("says Telegram refused the token, and which checks had to wait", async () => {
    const answer = await doctor({ ...env, BOT_TOKEN: "654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw" }, dir);
    expectOneCross(answer, "Telegram menolak BOT_TOKEN (getMe: 401 Unauthorized)", "salin ulang token dari @BotFather");
    expect(answer.lines.join("\n")).to.contain("Belum diperiksa karena masalah di atas: webhook, grup staf, hak bot di grup staf.");
  });

  it("says Telegram cannot be reached when nothing listens at TELEGRAM_API_ROOT", async () => {
    const closed = await FakeTelegram.start({ token: TOKEN });
    const root = closed.apiRoot;
    await closed.stop();
    const answer = await doctor({ ...env, TELEGRAM_API_ROOT: root }, dir);
    expectOneCross(answer, `Telegram tidak dapat dihubungi di ${root} (getMe: ECONNREFUSED)`, "periksa koneksi internet server");
  });

  it("gives up on a Telegram that does not answer within seconds", async () => {
    fake.failAlways("getMe", { hang: true });
    const answer = await doctor(env, dir);
    expectOneCross(answer, "(getMe: tidak menjawab dalam 5 detik)", "periksa koneksi internet server");
    expect(answer.ms).to.be.below(15_000);
  });

  it("says Telegram asked to wait", async () => {
    fake.failNext("getMe", { status: 429, retryAfter: 7 });
    const answer = await doctor(env, dir);
    expectOneCross(answer, "Telegram meminta menunggu 7 detik (getMe: 429)", "jalankan lagi sesudahnya");
  });

  it("says a webhook is set, which makes long polling fail with 409", async () => {
    await new Bot(TOKEN, { apiRoot: fake.apiRoot }).api.setWebhook({ url: "https://contoh.go.id/hook" });
    const answer = await doctor(env, dir);
    expectOneCross(answer, "webhook terpasang ke https://contoh.go.id/hook", `hapus webhook-nya: buka ${fake.apiRoot}/bot<BOT_TOKEN>/deleteWebhook`);
    expect(answer.crosses[0]).to.contain("409 Conflict").and.not.contain(TOKEN);
  });

  it("says what a call Telegram refused as malformed was", async () => {
    fake.failNext("getWebhookInfo", { status: 400, description: "Bad Request: method is disabled" });
    const answer = await doctor(env, dir);
    expectOneCross(answer, "getWebhookInfo gagal: 400 Bad Request: method is disabled", "periksa TELEGRAM_API_ROOT");
  });

  it("says the staff group was not found", async () => {
    const answer = await doctor({ ...env, STAFF_GROUP_ID: "-1009999999999" }, dir);
    expectOneCross(answer, "grup staf -1009999999999 tidak ditemukan (400 Bad Request: chat not found)", "periksa STAFF_GROUP_ID");
  });

  it("says the bot is no longer in the staff group", async () => {
    fake.pushUpdate({
      my_chat_member: {
        chat: STAFF_GROUP,
        from: makeUser(501),
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { status: "member", user: BOT },
        new_chat_member: { status: "kicked", user: BOT, until_date: 0 },
      },
    });
    const answer = await doctor(env, dir);
    expectOneCross(answer, `bot bukan anggota aktif grup staf ${STAFF_GROUP.id} (403 Forbidden: bot was kicked`, "tambahkan bot ke grup staf lagi");
  });

  it("gives the new id of a group that became a supergroup", async () => {
    const body = JSON.stringify({
      ok: false,
      error_code: 400,
      description: "Bad Request: group chat was upgraded to a supergroup chat",
      parameters: { migrate_to_chat_id: -1001234567891 },
    });
    fake.failNext("getChat", { status: 400, body });
    const answer = await doctor(env, dir);
    expectOneCross(answer, "sudah menjadi supergroup dengan id baru -1001234567891", "ganti STAFF_GROUP_ID menjadi -1001234567891");
  });

  it("says STAFF_GROUP_ID is a channel, not a group", async () => {
    const channel: Chat = { id: -1005555555555, type: "channel", title: "Kabar OSDM" };
    fake.knowChat(channel);
    const answer = await doctor({ ...env, STAFF_GROUP_ID: String(channel.id) }, dir);
    expectOneCross(answer, "STAFF_GROUP_ID -1005555555555 adalah kanal (channel), bukan grup", "buat grup untuk staf OSDM");
  });

  it("says the bot is not an admin of the staff group: jadikan bot admin", async () => {
    fake.dismissBotAdmin(STAFF_GROUP.id);
    const answer = await doctor(env, dir);
    expectOneCross(answer, "bot anggota grup staf tetapi bukan admin", 'jadikan bot admin: info grup → Edit → Administrator → Tambah Admin → pilih bot, dengan hak "Hapus Pesan"');
  });

  it("says which right an admin bot lacks", async () => {
    fake.makeBotAdmin(STAFF_GROUP.id, { can_delete_messages: false });
    const answer = await doctor(env, dir);
    expectOneCross(answer, 'bot admin di grup staf tetapi tanpa hak "Hapus Pesan"', 'aktifkan "Hapus Pesan"');
  });

  it("in a forum, says it is one and asks for the right to manage topics", async () => {
    const forum: Chat = { id: -1007777777777, type: "supergroup", title: "Layanan OSDM", is_forum: true };
    fake.knowChat(forum);
    fake.makeBotAdmin(forum.id, { can_manage_topics: false });
    const answer = await doctor({ ...env, STAFF_GROUP_ID: String(forum.id) }, dir);
    expect(answer.lines.join("\n")).to.contain(`✓ grup staf "Layanan OSDM" (${forum.id}) terjangkau: forum (supergroup dengan topik)`);
    expectOneCross(answer, 'bot admin di grup staf tetapi tanpa hak "Kelola Topik"', 'aktifkan "Kelola Topik"');
  });

  it("says the database server cannot be reached", async () => {
    const answer = await doctor({ ...env, DATABASE_URL: "mysql://sinawai:rahasia@127.0.0.1:1/sinawai" }, dir);
    expectOneCross(answer, "database MySQL sinawai@127.0.0.1:1/sinawai tidak dapat dipakai", "jalankan server MySQL/MariaDB");
    expect(answer.lines.join("\n")).not.to.contain("rahasia");
  });
});

async function databaseName(db: Db): Promise<string> {
  const [[row]] = (await db.raw("SELECT DATABASE() AS name")) as [{ name: string }[]];
  return row!.name;
}
