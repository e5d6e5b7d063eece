import type { ChildProcess } from "node:child_process";
import { expect } from "chai";
import type { User } from "node-telegram-bot-api";
import { close, configOf, testDatabases } from "../support/test-db.js";
import { FakeTelegram } from "../support/fake-telegram.js";
import { STAFF_GROUP } from "../support/app-harness.js";
import { makeUser } from "../support/updates.js";
import { startCommand } from "../support/start-command.js";
import { exited, spawnBot, TOKEN, type BotChild } from "../support/bot-child.js";
import type { DatabaseConfig } from "../../src/config.js";
import type { Db } from "../../src/db/database.js";
import { bindTelegram, upsertPengguna } from "../../src/db/pengguna-repo.js";

/** `npm start` without npm: the same command (after its build), as its own process we can kill. */
function startBot(fake: FakeTelegram, database: DatabaseConfig, extraEnv: Record<string, string> = {}): BotChild {
  const { env, args } = startCommand();
  return spawnBot(args, fake.apiRoot, database, { ...env, ...extraEnv });
}

/** Waits for the bot's first long poll: a getUpdates that arrived, answered or still held. */
async function polling(fake: FakeTelegram, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fake.calls.some((c) => c.method === "getUpdates")) {
    if (Date.now() > deadline) throw new Error(`no getUpdates within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function employees(db: Db, ids: number[]): Promise<User[]> {
  await upsertPengguna(
    db,
    ids.map((id) => ({ nip: `1990010120200110${String(id).slice(-2)}`, nama: `Pegawai ${id}`, unit_kerja: "Biro OSDM" })),
    Date.now(),
  );
  for (const id of ids) await bindTelegram(db, `1990010120200110${String(id).slice(-2)}`, id, Date.now());
  return ids.map((id) => makeUser(id));
}

for (const database of testDatabases()) {
  describe(`the bot as a process (${database.name})`, function () {
    this.timeout(60_000);
    let db: Db;
    let fake: FakeTelegram;
    const children: ChildProcess[] = [];

    beforeEach(async () => {
      db = await database.open();
      fake = await FakeTelegram.start({ token: TOKEN });
      fake.knowChat(STAFF_GROUP);
    });
    afterEach(async () => {
      for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
      await fake.stop();
      await close(db);
    });

    it("delivers every queued question exactly once after kill -9 and a restart", async () => {
      const users = await employees(db, [901, 902, 903, 904, 905, 906]);
      // Every ticket's delivery to the group hangs (each ticket has a lane of its own): all of them are still in
      // the durable queue when the process dies.
      fake.failNext((c) => c.method === "sendMessage" && c.params.chat_id === STAFF_GROUP.id, { hang: true }, users.length);
      const first = startBot(fake, configOf(db));
      children.push(first);
      users.forEach((u, i) => fake.userSays(u, `pertanyaan nomor ${i + 1}`));
      await fake.waitForCalls((c) => c.method === "sendMessage" && c.params.chat_id !== STAFF_GROUP.id && c.status === 200, users.length, 20_000);
      // Only the posts count: the start-up's getChat and getChatMember name the group too.
      const postsToGroup = (c: { method: string; params: Record<string, unknown> }) => c.method === "sendMessage" && c.params.chat_id === STAFF_GROUP.id;
      while (fake.calls.filter(postsToGroup).length < users.length) await new Promise((r) => setTimeout(r, 20));
      first.kill("SIGKILL");
      await exited(first);
      expect(fake.messagesIn(STAFF_GROUP.id)).to.have.length(0);

      fake.userSays(users[0]!, "pertanyaan saat bot mati");
      const second = startBot(fake, configOf(db));
      children.push(second);
      await fake.waitForCalls((c) => postsToGroup(c) && c.status === 200, users.length + 1, 30_000).catch((e: unknown) => {
        throw new Error(`${String(e)}\n--- first run:\n${first.output.join("")}\n--- second run:\n${second.output.join("")}`);
      });
      await new Promise((r) => setTimeout(r, 1500));
      const texts = fake.messagesIn(STAFF_GROUP.id).map((m) => m.text ?? "");
      for (let i = 1; i <= users.length; i++) expect(texts.filter((t) => t.includes(`pertanyaan nomor ${i}`)), `question ${i}`).to.have.length(1);
      expect(texts.filter((t) => t.includes("pertanyaan saat bot mati"))).to.have.length(1);
      second.kill("SIGTERM");
      expect(await exited(second)).to.equal(0);
    });

    it("stops on SIGTERM after finishing what it was doing, and exits 0", async () => {
      const [user] = await employees(db, [911]);
      const bot = startBot(fake, configOf(db));
      children.push(bot);
      await polling(fake, 20_000);
      fake.setLatency(400);
      fake.userSays(user!, "/tentang");
      await fake.waitForCall((c) => c.method === "sendMessage" && c.params.chat_id === user!.id);
      bot.kill("SIGTERM");
      expect(await exited(bot)).to.equal(0);
      expect(fake.callsOf("sendMessage").find((c) => c.params.chat_id === user!.id)!.status).to.equal(200);
      expect(bot.output.join("")).to.contain("Sinawai berhenti");
    });

    it("refuses to start with a clear line naming a missing or malformed variable", async () => {
      const bot = startBot(fake, configOf(db), { BOT_TOKEN: "", STAFF_GROUP_ID: "12345" });
      children.push(bot);
      expect(await exited(bot)).to.equal(1);
      const output = bot.output.join("");
      expect(output).to.match(/BOT_TOKEN .*@BotFather/).and.match(/STAFF_GROUP_ID .*negatif/);
    });

    it("keeps retrying while Telegram is unreachable and starts once it is back", async () => {
      const port = fake.port;
      await fake.stop();
      const bot = startBot(fake, configOf(db));
      children.push(bot);
      await new Promise((r) => setTimeout(r, 2500));
      expect(bot.exitCode).to.equal(null);
      expect(bot.output.join("")).to.contain("belum dapat dihubungi");
      fake = await FakeTelegram.start({ port, token: TOKEN });
      fake.knowChat(STAFF_GROUP);
      await polling(fake, 20_000);
      bot.kill("SIGTERM");
      expect(await exited(bot)).to.equal(0);
    });
  });
}
