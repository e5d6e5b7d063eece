import { expect } from "chai";
import type { Message, User } from "node-telegram-bot-api";
import type { PacerLimits } from "../../src/bot/pacer.js";
import { TELEGRAM_LIMITS } from "../../src/bot/pacer.js";
import { eachTestWithBot, STAFF_GROUP, type Harness } from "../support/app-harness.js";
import type { FakeTelegramOptions, RecordedCall } from "../support/fake-telegram/types.js";
import { testDatabases } from "../support/test-db.js";
import { photoFields } from "../support/updates.js";

const SENDS = ["sendMessage", "copyMessage", "copyMessages"];
const isDeliveryTo = (chatId: number) => (c: RecordedCall) => SENDS.includes(c.method) && c.params.chat_id === chatId && c.status === 200;
const textOf = (m: Message) => m.text ?? m.caption ?? "";
const paramsText = (c: { params: Record<string, unknown> }) => String(c.params.text ?? c.params.caption ?? "");

/** A group window small enough for a test to fill and wait out: 5 in 6 s, counted strictly by the fake. */
const SMALL_GROUP_WINDOW = { count: 5, windowMs: 6_000 };
const SMALL_LIMITS: PacerLimits = { ...TELEGRAM_LIMITS, group: [{ limit: 5, ms: 6_000 }], groupShare: [{ limit: 5, ms: 6_000 }] };
/** Requests leave the bot evenly and arrive at "Telegram" up to 60 ms apart from that. */
const STRICT_FAKE: FakeTelegramOptions = { latencyMs: 40, jitterMs: 30, enforceLimits: { group: [SMALL_GROUP_WINDOW] } };

for (const database of testDatabases()) {
  describe(`sending as Telegram counts it, against a strict fake (${database.name})`, function () {
    this.timeout(90_000);
    let h: Harness;
    eachTestWithBot(database, (harness) => (h = harness), () => ({ fake: STRICT_FAKE, app: { limits: SMALL_LIMITS } }));

    const employees = (ids: number[]) => Promise.all(ids.map((id) => h.employee(id, { nama: `Pegawai ${id}` })));
    const groupTexts = () => h.fake.messagesIn(STAFF_GROUP.id).map(textOf);

    it("after a restart in a busy minute, waits for the group's window instead of meeting a 429", async () => {
      const first = await employees([901, 902, 903, 904]);
      for (const u of first) h.fake.userSays(u, `sebelum restart ${u.id}`);
      await h.fake.waitForCalls(isDeliveryTo(STAFF_GROUP.id), 4, 10_000);
      await h.stopApp();
      await h.startAppAgain();
      const later = await employees([905, 906, 907, 908]);
      for (const u of later) h.fake.userSays(u, `setelah restart ${u.id}`);
      await h.fake.waitForCalls(isDeliveryTo(STAFF_GROUP.id), 8, 30_000);
      // Only one slot was left in the window the previous process filled: the other three waited for it to move.
      expect(h.fake.floodLog).to.deep.equal([]);
      expect(groupTexts().filter((t) => t.includes("setelah restart"))).to.have.length(4);
    });

    it("takes a 429 as information: the group pauses for retry_after, then goes on at its sustained rate, not in a burst", async () => {
      const users = await employees([911, 912, 913, 914, 915]);
      h.fake.failNext((c) => c.params.chat_id === STAFF_GROUP.id && SENDS.includes(c.method), { status: 429, retryAfter: 2 });
      for (const u of users) h.fake.userSays(u, `pertanyaan ${u.id}`);
      const delivered = await h.fake.waitForCalls(isDeliveryTo(STAFF_GROUP.id), 5, 30_000);
      // The injected one, and not one refused by the fake's own flood wait or window afterwards.
      expect(h.fake.floodLog.map((f) => f.reason)).to.deep.equal(["injected"]);
      // Nothing left for the group between the bot reading the 429 and retry_after later (a send already on its
      // way when the 429 was answered cannot be called back).
      const refusedAt = h.fake.calls.find((c) => c.status === 429)!.answeredAt!;
      const sentMeanwhile = h.fake.calls.filter((c) => c.params.chat_id === STAFF_GROUP.id && c.arrivedAt > refusedAt && c.arrivedAt < refusedAt + 1_900);
      expect(sentMeanwhile.map((c) => c.method)).to.deep.equal([]);
      // Then one about every 1.2 s (5 in 6 s), as if the window were full: no new burst of five at once.
      const after = delivered.map((c) => c.arrivedAt).filter((t) => t > refusedAt);
      for (let i = 1; i < after.length; i++) expect(after[i]! - after[i - 1]!, `gap ${i}`).to.be.at.least(1_000);
    });

    it("sets aside a question that can never reach the group, tells both sides, and holds up nobody else", async () => {
      const [stuck, ...others] = await employees([921, 922, 923, 924, 925, 926]);
      // An emulator in between answers this one photo with an HTML error page, every time.
      h.fake.failAlways((c) => c.params.chat_id === STAFF_GROUP.id && paramsText(c).includes("[macet]"), {
        status: 500,
        body: "<html><body><h1>500 Internal Server Error</h1></body></html>",
        contentType: "text/html",
      });
      h.fake.userSends(stuck!, photoFields({ caption: "[macet] foto SK saya" }));
      // Everyone else keeps asking meanwhile, and is never held up by the stuck one.
      for (const [i, u] of others.entries()) {
        h.fake.userSays(u, `pertanyaan lain ${u.id}`);
        await h.fake.waitForCalls((c) => isDeliveryTo(STAFF_GROUP.id)(c) && paramsText(c).includes("pertanyaan lain"), i + 1, 10_000);
        await new Promise((resolve) => setTimeout(resolve, 700)); // the others arrive over a few seconds, as in real life
      }
      const notice = await h.fake.waitForCall((c) => isDeliveryTo(STAFF_GROUP.id)(c) && paramsText(c).includes("tidak dapat"), 45_000);
      expect(paramsText(notice)).to.match(/#T\d+/).and.contain("Pegawai 921");
      await h.fake.waitForCall((c) => isDeliveryTo(stuck!.id)(c) && paramsText(c).includes("kirim ulang"), 10_000);
      expect(groupTexts().filter((t) => t.includes("[macet]"))).to.deep.equal([]);
      // What the server said is in the log, with the method; never "undefined undefined".
      const logged = h.logLines.join("\n");
      expect(logged).to.contain("copyMessage: HTTP 500").and.contain("500 Internal Server Error");
      expect(logged).not.to.contain("undefined undefined");
    });

    it("answers a button press once: a failure after the answer is told in a message, not a second answer", async () => {
      const [budi] = await employees([931]);
      h.fake.userSays(budi!, "/menu");
      const menu = (await h.fake.waitForCall((c) => isDeliveryTo(budi!.id)(c) && c.params.reply_markup !== undefined)).response as { result: Message };
      const button = menu.result.reply_markup!.inline_keyboard.flat().find((b) => b.callback_data?.startsWith("c:"))!;
      // The menu cannot be edited, and the new message that replaces it is refused once: the handler fails.
      h.fake.failNext("editMessageText", { status: 400, description: "Bad Request: message can't be edited" });
      h.fake.failNext((c) => c.method === "sendMessage" && c.params.chat_id === budi!.id, { status: 400, description: "Bad Request: can't parse entities" });
      const press = h.fake.pressButton(budi as User, menu.result, button.callback_data!);
      await h.fake.waitForCall((c) => isDeliveryTo(budi!.id)(c) && paramsText(c).includes("gangguan"));
      const pressId = "callback_query" in press ? press.callback_query.id : undefined;
      const answers = h.fake.callsOf("answerCallbackQuery").filter((c) => c.params.callback_query_id === pressId);
      expect(answers.map((c) => c.status)).to.deep.equal([200]);
    });
  });
}
