import { expect } from "chai";
import { TelegramApiError, type Message, type MessageId } from "node-telegram-bot-api";
import { BulkGate } from "../../src/bot/pacer.js";
import { startOutboxWorker, type DeliveryOutcomes, type OutboxWorker } from "../../src/bot/outbox-worker.js";
import type { Gateway } from "../../src/bot/telegram-gateway.js";
import type { Db } from "../../src/db/database.js";
import { complete, enqueue, itemById, type OutboxItem } from "../../src/domain/outbox.js";
import { memoryLogger } from "../support/app-harness.js";
import { ManualScheduler } from "../support/manual-scheduler.js";
import { close, testDatabases } from "../support/test-db.js";

const GROUP = -100500;

/** Telegram as the worker sees it through the gateway: each send is answered by `answer`, on the test's clock. */
function fakeGateway(clock: ManualScheduler, answer: (chatId: number, text: string) => Error | undefined) {
  let nextId = 1;
  let lastSuccess = 0;
  const sent: { chatId: number; text: string; at: number }[] = [];
  const attempts: { chatId: number; text: string; at: number }[] = [];
  const deliver = (chatId: number, text: string): number => {
    attempts.push({ chatId, text, at: clock.now() });
    const failure = answer(chatId, text);
    if (failure) throw failure;
    lastSuccess = clock.now();
    sent.push({ chatId, text, at: clock.now() });
    return nextId++;
  };
  const gateway: Gateway = {
    lastSuccessAt: () => lastSuccess,
    sendMessage: async (p) => ({ message_id: deliver(Number(p.chat_id), p.text), chat: { id: Number(p.chat_id) } }) as Message,
    copyMessage: async (p) => ({ message_id: deliver(Number(p.chat_id), String(p.caption ?? "")) }) as MessageId,
    copyMessages: async (p) => p.message_ids.map(() => ({ message_id: deliver(Number(p.chat_id), "") })),
    sendDocument: async () => {
      throw new Error("not used");
    },
    editMessageText: async () => undefined,
    editMessageCaption: async () => undefined,
    createForumTopic: async () => {
      throw new Error("not used");
    },
    editForumTopic: async () => undefined,
    reopenForumTopic: async () => undefined,
  };
  return { gateway, sent, attempts };
}

for (const database of testDatabases().filter((d) => d.name === "sqlite")) {
  describe("the outbox worker, on a fake clock", () => {
    let db: Db;
    let clock: ManualScheduler;
    let worker: OutboxWorker | undefined;
    const ended: { id: number; how: "delivered" | "failed"; blocked?: boolean }[] = [];

    const outcomes: DeliveryOutcomes = {
      async delivered(item, progress) {
        await complete(db, item.id, { sent: progress }, clock.now());
        ended.push({ id: item.id, how: "delivered" });
      },
      async failed(item, reason, blocked) {
        await complete(db, item.id, { failed: reason, blocked }, clock.now());
        ended.push({ id: item.id, how: "failed", blocked });
      },
    };

    beforeEach(async () => {
      db = await database.open();
      clock = new ManualScheduler(Date.UTC(2026, 10, 30, 1, 0));
      ended.length = 0;
    });
    afterEach(async () => {
      await worker?.stop();
      worker = undefined;
      await close(db);
    });

    let seq = 0;
    async function queue(to: number, ticketId: number | null, text: string): Promise<number> {
      const key = { type: "notice" as const, about: "nilai" as const, id: ++seq };
      await enqueue(db, { key, kind: ticketId === null ? "info" : "tanya", ticketId, to, payload: { type: "notice", text }, due: clock.now() }, clock.now());
      return (await db("antrian_kirim").max<{ id: number }>({ id: "id" }).first())!.id;
    }

    function start(gateway: Gateway): void {
      worker = startOutboxWorker({ db, gateway, outcomes: () => outcomes, bulkGate: new BulkGate(20, clock), log: memoryLogger().log, scheduler: clock });
    }

    /** Lets the worker's database work finish (it is real I/O), without moving the test's clock. */
    async function until(what: string, done: () => boolean): Promise<void> {
      for (let i = 0; i < 400 && !done(); i++) await clock.advance(0).then(() => new Promise((r) => setTimeout(r, 5)));
      if (!done()) throw new Error(`never happened: ${what}`);
    }

    /** Moves the clock in steps, letting the worker act at each one. */
    async function pass(ms: number, step = 250): Promise<void> {
      for (let t = 0; t < ms; t += step) {
        await clock.advance(step);
        await new Promise((r) => setTimeout(r, 2));
      }
    }

    async function ticketTable(): Promise<void> {
      // Items name tickets; the foreign key wants them to exist.
      await db("pengguna").insert({ nip: "198501012010011001", nama: "Budi", dibuat: 0, diubah: 0 });
      for (const id of [1, 2, 3]) await db("tiket").insert({ id, id_pengguna: 1, id_chat: 42, status: "terbuka", ditanya: 0 });
    }

    it("sets aside a ticket's message that keeps failing while others get through; only that ticket's next one waits", async () => {
      await ticketTable();
      const badGateway = () => new TelegramApiError(502, "sendMessage: HTTP 500, jawaban bukan format Telegram: <html>");
      const { gateway, sent, attempts } = fakeGateway(clock, (_, text) => (text.startsWith("macet") ? badGateway() : undefined));
      const stuck = await queue(GROUP, 1, "macet: foto SK");
      const behindIt = await queue(GROUP, 1, "lanjutan tiket 1");
      const other = await queue(GROUP, 2, "tiket 2");
      start(gateway);
      await until("ticket 2 is delivered", () => sent.some((s) => s.text === "tiket 2"));
      expect(sent.map((s) => s.text)).not.to.include("lanjutan tiket 1");
      // Others keep getting through while the stuck one is retried.
      for (let i = 0; i < 12; i++) {
        await queue(GROUP, 3, `tiket 3 pesan ${i}`);
        worker!.wake();
        await pass(2_500);
      }
      await pass(60_000, 1_000);
      await until("the stuck message is set aside", () => ended.some((e) => e.id === stuck && e.how === "failed"));
      const tries = attempts.filter((a) => a.text.startsWith("macet"));
      expect(tries.length).to.be.at.least(5);
      expect(tries.at(-1)!.at - tries[0]!.at).to.be.at.least(20_000);
      await until("the ticket's next message goes after it", () => ended.some((e) => e.id === behindIt && e.how === "delivered"));
      expect(ended.find((e) => e.id === other)!.how).to.equal("delivered");
    });

    it("never sets aside during an outage: retries with growing waits while nothing gets through", async () => {
      const { gateway, attempts } = fakeGateway(clock, () => new TelegramApiError(502, "Bad Gateway"));
      const item = await queue(GROUP, null, "pengumuman selesai");
      start(gateway);
      await pass(10 * 60_000, 1_000);
      expect(ended).to.deep.equal([]);
      expect(((await itemById(db, item)) as OutboxItem).status).to.equal("menunggu");
      const gaps = attempts.slice(1).map((a, i) => a.at - attempts[i]!.at);
      expect(gaps.length).to.be.at.least(6);
      expect(gaps.at(-1)!).to.be.greaterThan(gaps[0]! * 8);
    });

    it("records a refusal for good once, with the blocked flag, and goes on with the chat's next message at once", async () => {
      const { gateway, sent } = fakeGateway(clock, (_, text) => (text === "diblokir" ? new TelegramApiError(403, "Forbidden: bot was blocked by the user") : undefined));
      const refused = await queue(77, null, "diblokir");
      await queue(77, null, "berikutnya");
      start(gateway);
      await until("the next message is delivered", () => sent.some((s) => s.text === "berikutnya"));
      expect(ended.filter((e) => e.id === refused)).to.deep.equal([{ id: refused, how: "failed", blocked: true }]);
      expect((await db("antrian_kirim").where({ id: refused }).first()).diblokir).to.be.oneOf([1, true]);
    });

    it("waits out a flood wait as long as Telegram asked, then delivers once", async () => {
      let refusedOnce = false;
      const { gateway, sent, attempts } = fakeGateway(clock, () => {
        if (refusedOnce) return undefined;
        refusedOnce = true;
        return new TelegramApiError(429, "Too Many Requests: retry after 7", { retry_after: 7 });
      });
      await queue(GROUP, null, "setelah menunggu");
      start(gateway);
      await until("the first try", () => attempts.length === 1);
      await pass(6_500);
      expect(sent).to.deep.equal([]);
      await pass(1_500);
      await until("delivered", () => sent.length === 1);
      expect(sent[0]!.at - attempts[0]!.at).to.be.at.least(7_000);
    });
  });
}
