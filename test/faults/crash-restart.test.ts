import { expect } from "chai";
import type { Update, User } from "node-telegram-bot-api";
import { close, configOf, testDatabases } from "../support/test-db.js";
import { FakeTelegram, type RecordedCall } from "../support/fake-telegram.js";
import { preciseNow } from "../support/fake-telegram/precise-clock.js";
import { eachTestWithBot, STAFF_GROUP, type Harness } from "../support/app-harness.js";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.js";
import { exited, spawnBot, TOKEN, type BotChild } from "../support/bot-child.js";
import { makeUser, photoFields } from "../support/updates.js";
import type { DatabaseConfig } from "../../src/config.js";
import type { Db } from "../../src/db/database.js";
import { bindTelegram, upsertPengguna } from "../../src/db/pengguna-repo.js";
import { eventually, expectEachOnceInOrder, occurrences, sleep, textOf } from "./chat-checks.js";
import { seededRandom } from "./seeded-random.js";

const EMPLOYEES = 30;
/**
 * How long the proxy holds each request before Telegram sees it. The fake runs a method the moment it arrives and
 * only then waits out its latency, so a fake latency would make "in flight" mean "already posted, answer on its way":
 * a kill then loses the answer, and the restarted bot posts the question again, a duplicate no bot could avoid.
 * Holding requests back instead keeps several in flight at the kill without Telegram having seen them (the proxy is
 * cut with the kill, so they never arrive). That leaves one window for a duplicate: Telegram answered, and the bot
 * died before it wrote the delivery down, a few milliseconds per delivery.
 */
const REQUEST_DELAY_MS = 50;

/** `npm start`'s config, logger and startApp with group pacing a test can wait for (test/faults/bot-process.ts). */
function startBot(apiRoot: string, database: DatabaseConfig): BotChild {
  return spawnBot(["--import", "tsx", "test/faults/bot-process.ts"], apiRoot, database);
}

async function employees(db: Db, count: number): Promise<User[]> {
  const ids = Array.from({ length: count }, (_, i) => 3001 + i);
  const nipOf = (id: number) => `19900101202001${id}`;
  await upsertPengguna(db, ids.map((id) => ({ nip: nipOf(id), nama: `Pegawai ${id}`, unit_kerja: "Biro OSDM" })), Date.now());
  for (const id of ids) await bindTelegram(db, nipOf(id), id, Date.now());
  return ids.map((id) => makeUser(id));
}

for (const database of testDatabases()) {
  describe(`kill -9 during a burst of questions (${database.name})`, function () {
    this.timeout(60_000);
    const random = seededRandom("KILL_SEED");
    let db: Db;
    let fake: FakeTelegram;
    let proxy: TcpProxy;
    const children: BotChild[] = [];

    beforeEach(async () => {
      db = await database.open();
      fake = await FakeTelegram.start({ token: TOKEN });
      fake.knowChat(STAFF_GROUP);
      proxy = await startTcpProxy({ host: "127.0.0.1", port: fake.port }, { requestDelayMs: REQUEST_DELAY_MS });
    });
    afterEach(async function () {
      if (this.currentTest?.state === "failed") {
        console.error(`kill -9 test failed with KILL_SEED=${random.seed}; the bot's output:\n${children.map((c, i) => `--- run ${i + 1}:\n${c.output.join("")}`).join("\n")}`);
      }
      for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
      await proxy.close();
      await fake.stop();
      await close(db);
    });

    it("posts every question of the burst in the group exactly once after a restart", async () => {
      const users = await employees(db, EMPLOYEES);
      const apiRoot = `http://127.0.0.1:${proxy.port}`;
      const first = startBot(apiRoot, configOf(db));
      children.push(first);
      await eventually(() => fake.isPolling(), 20_000, () => first.output.join(""));
      users.forEach((u) => fake.userSays(u, `[q${u.id}] pertanyaan dari ${u.id}`));
      await sleep(random.int(100, 600));
      // What the proxy still holds dies with the process: cut first, so no held request reaches Telegram after the kill.
      const cutting = proxy.cut();
      const killedAt = preciseNow();
      first.kill("SIGKILL");
      await Promise.all([cutting, exited(first)]);
      const exitedAt = preciseNow();
      await proxy.restore();
      const beforeKill = fake.calls.filter((c) => c.method === "sendMessage" && c.params.chat_id === STAFF_GROUP.id).length;

      const second = startBot(apiRoot, configOf(db));
      children.push(second);
      const groupTexts = () => fake.messagesIn(STAFF_GROUP.id).map(textOf);
      await eventually(() => users.every((u) => occurrences(groupTexts(), `[q${u.id}]`) > 0), 30_000, () => groupTexts().join("\n"));
      await sleep(500);

      const posts = (u: User) => fake.calls.filter((c) => isGroupPost(c) && String(c.params.text).includes(`[q${u.id}]`));
      const twice = users.filter((u) => posts(u).length > 1);
      const interleaving = twice.map((u) => describeDuplicate(posts(u), killedAt, exitedAt)).join("\n");
      if (twice.length > 0) console.log(`kill -9 after ${beforeKill} group sends (KILL_SEED=${random.seed}):\n${interleaving}`);
      // Acceptable only when Telegram had answered the first copy before the kill and the restarted bot sent the
      // second: the bot died between Telegram's answer and writing the delivery down. The group's queue sends one
      // message at a time, so at most one question can be caught there.
      expect(twice.length, interleaving).to.be.at.most(1);
      for (const [earlier, later] of twice.map(posts)) {
        expect(earlier!.answeredAt ?? Infinity, interleaving).to.be.at.most(killedAt);
        expect(later!.arrivedAt, interleaving).to.be.above(exitedAt);
      }
      for (const u of users.filter((x) => !twice.includes(x))) expect(posts(u), `[q${u.id}]`).to.have.length(1);
    });
  });

  describe(`an update handled again after a crash (${database.name})`, function () {
    this.timeout(20_000);
    let h: Harness;
    let db: Db;
    eachTestWithBot(database, (harness, fresh) => {
      h = harness;
      db = fresh;
    });
    const groupTexts = () => h.fake.messagesIn(STAFF_GROUP.id).map(textOf);

    /** Handles the updates again after a restart, as if the process had died before marking them done. */
    async function handleAgain(updates: Update[]): Promise<void> {
      await h.stopApp();
      await db("update_masuk").whereIn("update_id", updates.map((u) => u.update_id)).update({ selesai: null });
      await h.startAppAgain();
      await eventually(async () => (await db("update_masuk").whereNull("selesai")).length === 0, 5000, () => "the updates were not handled again");
      await h.app.outbox.idle();
    }

    it("acknowledges a question handled again after a crash as that question, not as a message the employee added", async () => {
      const budi = await h.employee(4001);
      const asked = h.fake.userSays(budi, "[q] kapan SK saya terbit?");
      await eventually(() => h.fake.messagesIn(budi.id).length === 1 && groupTexts().length === 1, 5000, () => "not relayed");
      await handleAgain([asked]);
      const told = h.fake.messagesIn(budi.id).map(textOf);
      expect(told.filter((t) => t.includes("Pesan tambahan")), told.join("\n")).to.have.length(0);
      expectEachOnceInOrder(groupTexts(), ["[q]"], "the staff group");
    });

    it("answers nothing a second time after a restart that follows a busy moment", async () => {
      // Every update handled must end up marked done in the inbox (new ones are handled while their rows are still
      // being written), or the restarted bot would take it for one cut off by a crash and answer it again.
      const users = Array.from({ length: 25 }, (_, i) => makeUser(4100 + i));
      for (const u of users) h.fake.userSays(u, "/tentang");
      const answered = () => users.every((u) => h.fake.messagesIn(u.id).length >= 1);
      await eventually(answered, 10_000, () => "not every /tentang was answered");
      await h.stopApp();
      await h.startAppAgain();
      await eventually(() => h.fake.isPolling(), 5000, () => "the restarted bot does not poll");
      await h.app.outbox.idle();
      await sleep(300);
      const twice = users.filter((u) => h.fake.messagesIn(u.id).length !== 1).map((u) => u.id);
      expect(twice, "answered again after the restart").to.deep.equal([]);
    });

    it("does not post an album again when its updates are handled again after a crash", async () => {
      const budi = await h.employee(4002);
      const album = h.fake.userSendsAlbum(budi, [photoFields({ caption: "[album] SK dan ijazah" }), photoFields()]);
      await eventually(() => h.fake.callsOf("copyMessages").some((c) => c.status === 200), 8000, () => "the album was not relayed");
      const before = h.fake.messagesIn(STAFF_GROUP.id).length;
      await handleAgain(album);
      expect(h.fake.messagesIn(STAFF_GROUP.id).length, groupTexts().join("\n")).to.equal(before);
    });
  });
}

function isGroupPost(c: RecordedCall): boolean {
  return c.method === "sendMessage" && c.params.chat_id === STAFF_GROUP.id && c.status === 200;
}

function describeDuplicate(posts: RecordedCall[], killedAt: number, exitedAt: number): string {
  const at = (t: number | undefined) => (t === undefined ? "never" : `${(t - killedAt).toFixed(1)} ms`);
  return posts.map((p, i) => `  copy ${i + 1}: arrived ${at(p.arrivedAt)}, answered ${at(p.answeredAt)} after the kill (process gone ${at(exitedAt)})`).join("\n");
}
