import { expect } from "chai";
import type { RecordedCall } from "../support/fake-telegram/types.js";
import type { Message, User } from "node-telegram-bot-api";
import { close, configOf, testDatabases } from "../support/test-db.js";
import { startHarness, STAFF_GROUP, type Harness } from "../support/app-harness.js";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.js";
import { makeUser } from "../support/updates.js";
import type { Db } from "../../src/db/database.js";
import { eventually, expectEachOnceInOrder, occurrences, sleep, textOf } from "./chat-checks.js";

const STAFF: User = makeUser(700, { first_name: "Rina", last_name: "Staf" });

for (const database of testDatabases()) {
  describe(`when the database goes away and comes back (${database.name})`, function () {
    if (database.name === "sqlite") {
      it(
        "does not apply: an SQLite file the bot holds open cannot go away (a permission change does not touch an open " +
          "file), and its nearest fault, a write lock held by another process, makes better-sqlite3 wait busy_timeout " +
          "synchronously, freezing this whole test process, the fake included, for 5 s per write",
      );
      return;
    }
    this.timeout(60_000);
    let db: Db;
    let proxy: TcpProxy;
    let h: Harness;

    // The bot reaches the database through the proxy; the test's own connection goes straight to it.
    beforeEach(async () => {
      db = await database.open();
      proxy = await startTcpProxy({ host: "127.0.0.1", port: 3306 });
      const url = new URL(configOf(db).connection);
      url.host = `127.0.0.1:${proxy.port}`;
      h = await startHarness({ database: { client: "mysql2", connection: url.toString() }, db });
    });
    afterEach(async () => {
      await h.stop();
      await proxy.close();
      await close(db);
    });

    const groupTexts = () => h.fake.messagesIn(STAFF_GROUP.id).map(textOf);
    const textsIn = (user: User) => h.fake.messagesIn(user.id).map(textOf);
    const state = () => [`group:\n  ${groupTexts().join("\n  ")}`, "log:", ...h.logLines.slice(-20).map((l) => l.slice(0, 300))].join("\n");
    const posted = (marker: string) => eventually(() => occurrences(groupTexts(), marker) > 0, 10_000, state);
    const told = (user: User, count: number) => eventually(() => textsIn(user).length >= count, 10_000, state);
    /**
     * Sends a question whose post to the group is in flight at Telegram when the database goes: Telegram answers,
     * and the bot cannot write that down. The database comes back half a second later.
     */
    async function cutWhilePosting(user: User, question: string): Promise<void> {
      h.fake.setLatency(500);
      h.fake.userSays(user, question);
      // A post into the group: the bot's start-up questions about the group (getChat) are not one.
      const post = (c: RecordedCall) => c.method === "sendMessage" && c.params.chat_id === STAFF_GROUP.id;
      await eventually(() => h.fake.calls.some(post), 5000, state);
      await proxy.cut();
      await eventually(() => h.fake.calls.some((c) => post(c) && c.status === 200), 5000, state);
      h.fake.setLatency(0);
      await sleep(500);
      await proxy.restore();
    }

    it("keeps running while the database is away, tells an employee who writes then to try again shortly, and catches up", async () => {
      const [ani, budi, citra] = await Promise.all([1001, 1002, 1003].map((id) => h.employee(id)));
      h.fake.userSays(ani!, "[sebelum] pertanyaan sebelum gangguan");
      await posted("[sebelum]");
      // Ani's follow-up is stored, but its post fails once: it is waiting in the queue when the database goes.
      h.fake.failNext((c) => c.params.chat_id === STAFF_GROUP.id, { status: 502 }, 3);
      h.fake.userSays(ani!, "[antri] pertanyaan yang masih antre");
      await told(ani!, 2);

      await proxy.cut();
      h.fake.userSays(budi!, "[saat-mati] pertanyaan saat database mati");
      h.fake.userSays(ani!, "/tentang");
      await told(budi!, 1);
      await told(ani!, 3);
      const budiHeard = textsIn(budi!)[0]!;
      expect(budiHeard, "what Budi was told while the database was away").to.match(/coba lagi|sudah diteruskan/);
      expect(textsIn(ani!)[2]).to.contain("Tentang Sinawai");
      expect(h.logLines.filter((l) => /^(warn|error) /.test(l) && l.includes("ECONNREFUSED")), "the log says the database is away").not.to.be.empty;

      await proxy.restore();
      h.fake.userSays(citra!, "[sesudah] pertanyaan setelah pulih");
      if (budiHeard.includes("coba lagi")) h.fake.userSays(budi!, "[kirim-ulang] pertanyaan yang dikirim ulang");
      await posted("[antri]");
      await posted("[sesudah]");
      await told(citra!, 1);
      await sleep(1000);

      expectEachOnceInOrder(groupTexts(), ["[sebelum]", "[antri]"], "the staff group, for Ani");
      expectEachOnceInOrder(groupTexts(), ["[sesudah]"], "the staff group, for Citra");
      expect(textsIn(citra!)[0]).to.contain("sudah diteruskan");
      // Told to try again: not relayed, so the resend is the only copy. Acknowledged: relayed exactly once.
      if (budiHeard.includes("coba lagi")) {
        expect(occurrences(groupTexts(), "[saat-mati]"), state()).to.equal(0);
        expectEachOnceInOrder(groupTexts(), ["[kirim-ulang]"], "the staff group, for Budi");
      } else {
        expectEachOnceInOrder(groupTexts(), ["[saat-mati]"], "the staff group, for Budi");
      }
    });

    it("posts a question once when the database goes away while the question is being posted", async () => {
      const ani = await h.employee(1011);
      await cutWhilePosting(ani, "[sekali] pertanyaan yang sedang dikirim");
      // Long enough for a resend to show: a failed item is retried after a second.
      await sleep(2000);
      expectEachOnceInOrder(groupTexts(), ["[sekali]"], "the staff group");
    });

    it("posts each part of a long question once when the database goes away between the parts", async () => {
      const ani = await h.employee(1031);
      // Too long to share a message with its header: the header goes first, then the text, as two steps of one item.
      const long = `[panjang] ${"mohon penjelasan tentang kenaikan pangkat ".repeat(120)}`.slice(0, 4096).trim();
      await cutWhilePosting(ani, long);
      // Long enough for a resend to show: a failed item is retried after a second.
      await sleep(2000);
      expectEachOnceInOrder(groupTexts(), ["pertanyaan baru", "[panjang]"], "the staff group");
    });

    it("delivers a staff answer written while the database is away, or tells the staff to send it again", async () => {
      const ani = await h.employee(1021);
      h.fake.userSays(ani, "[tanya] kapan SK terbit?");
      await posted("[tanya]");
      await told(ani, 1);
      const question: Message = h.fake.messagesIn(STAFF_GROUP.id)[0]!;

      await proxy.cut();
      const answer = h.fake.groupMessage(STAFF_GROUP, STAFF, { text: "[jawab] SK terbit minggu depan", reply_to_message: question });
      await sleep(1500);
      await proxy.restore();
      const answerId = "message" in answer ? answer.message.message_id : -1;
      const staffToldToResend = () =>
        h.fake.messagesIn(STAFF_GROUP.id).some((m) => m.reply_to_message?.message_id === answerId && textOf(m).includes("coba lagi"));
      await eventually(() => occurrences(textsIn(ani), "[jawab]") > 0 || staffToldToResend(), 10_000, state);
    });
  });
}
