import { expect } from "chai";
import { Pacer, TELEGRAM_LIMITS, type PacerLimits } from "../../src/bot/pacer.js";
import { ManualScheduler } from "../support/manual-scheduler.js";

const GROUP = -100123;
/** The windows Telegram counts, without our margin: what the pacer must never exceed as Telegram sees it. */
const STRICT = { global: 30, privateSecond: 3, privateTenSeconds: 10, group: 20 };

/** A small deterministic random source, so a failing case can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** The most sends that fall into any window of `ms` (a send at t counts in (t - ms, t]). */
function maxInWindow(times: number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= ms) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

function pacerWithLog(limits: PacerLimits = TELEGRAM_LIMITS) {
  const clock = new ManualScheduler();
  const pacer = new Pacer(limits, clock);
  const sent: { chatId: number; at: number }[] = [];
  const send = (chatId: number, count = 1) =>
    pacer.acquire(chatId, count).then(() => {
      for (let i = 0; i < count; i++) sent.push({ chatId, at: clock.now() });
    });
  const timesOf = (chatId?: number) => sent.filter((s) => chatId === undefined || s.chatId === chatId).map((s) => s.at);
  return { clock, pacer, send, sent, timesOf };
}

describe("the pacer keeps every send inside Telegram's rolling windows", () => {
  it("never lets more than 30 arrive at Telegram in any second, however late each request leaves and travels", async () => {
    const { clock, pacer } = pacerWithLog();
    const random = seeded(7);
    const arrivals: number[] = [];
    // Each request leaves 0–250 ms after its grant (a busy process), reaches Telegram 0–150 ms later (the network),
    // and its answer is back 20–100 ms after that.
    const sends = Array.from({ length: 300 }, (_, i) =>
      pacer.acquire(1000 + i).then(
        (granted) =>
          new Promise<void>((done) => {
            const arrive = random() * 250 + random() * 150;
            clock.setTimer(() => arrivals.push(clock.now()), arrive);
            clock.setTimer(() => {
              granted.answered();
              done();
            }, arrive + 20 + random() * 80);
          }),
      ),
    );
    await clock.advance(20_000);
    await Promise.all(sends);
    expect(maxInWindow(arrivals, 1_000)).to.be.at.most(STRICT.global);
    // …and the burst still drains at close to the limit: each window costs a second plus a round trip.
    expect(Math.max(...arrivals) - Math.min(...arrivals)).to.be.below(12_500);
  });

  it("lets a private chat have 3 in a second and about one a second after that", async () => {
    const { clock, send, timesOf } = pacerWithLog();
    const all = Array.from({ length: 25 }, () => send(42));
    await clock.advance(60_000);
    await Promise.all(all);
    const times = timesOf(42);
    expect(times.slice(0, 3).every((t) => t === times[0])).to.equal(true);
    expect(maxInWindow(times, 1_000)).to.be.at.most(STRICT.privateSecond);
    expect(maxInWindow(times, 10_000)).to.be.at.most(STRICT.privateTenSeconds);
  });

  it("lets at most 20 into a group in any minute", async () => {
    const { clock, send, timesOf } = pacerWithLog();
    const all = Array.from({ length: 45 }, () => send(GROUP));
    await clock.advance(200_000);
    await Promise.all(all);
    expect(maxInWindow(timesOf(GROUP), 60_000)).to.be.at.most(STRICT.group);
    expect(timesOf(GROUP)).to.have.length(45);
  });

  it("counts an album as one send per message, and lets a 10-item album into an empty private chat", async () => {
    const { clock, send, timesOf } = pacerWithLog();
    const album = send(7, 10);
    const next = send(7);
    await clock.advance(30_000);
    await Promise.all([album, next]);
    const times = timesOf(7);
    expect(times.slice(0, 10).every((t) => t === times[0])).to.equal(true);
    // The next message waits until the album has left the 10-second window.
    expect(times[10]! - times[0]!).to.be.at.least(10_000);
  });

  it("after a restart, remembers what went into the group in the last minute", async () => {
    const { clock, pacer, send, timesOf } = pacerWithLog();
    const start = clock.now();
    // 15 sends spread over the last 30 s, as the previous process left them in the message log.
    pacer.seed(Array.from({ length: 15 }, (_, i) => ({ chatId: GROUP, at: start - 30_000 + i * 2_000, count: 1 })));
    const all = Array.from({ length: 10 }, () => send(GROUP));
    await clock.advance(120_000);
    await Promise.all(all);
    const times = timesOf(GROUP);
    expect(times.filter((t) => t === start)).to.have.length(5);
    // The sixth waits for the oldest remembered send to leave the window (plus the margin).
    expect(times[5]! - (start - 30_000)).to.be.at.least(60_000);
    const seeded = Array.from({ length: 15 }, (_, i) => start - 30_000 + i * 2_000);
    expect(maxInWindow([...seeded, ...times], 60_000)).to.be.at.most(STRICT.group);
  });

  it("takes a 429 as information: the chat pauses for retry_after, then resumes at the sustained rate", async () => {
    const { clock, pacer, send, timesOf } = pacerWithLog();
    const start = clock.now();
    pacer.floodWait(GROUP, 30_000);
    const all = Array.from({ length: 5 }, () => send(GROUP));
    const other = send(GROUP - 1);
    await clock.advance(120_000);
    await Promise.all([...all, other]);
    const times = timesOf(GROUP);
    expect(times[0]! - start).to.be.at.least(30_000);
    // No new burst: one every ~3 s (20 a minute), not five at once.
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).to.be.at.least(2_900);
    // Another group was not held up by this one's flood wait.
    expect(timesOf(GROUP - 1)[0]).to.equal(start);
  });

  it("pauses every chat when three groups are refused within a second (a global flood), but not for two", async () => {
    const { clock, pacer, send, timesOf } = pacerWithLog();
    const start = clock.now();
    pacer.floodWait(-1, 5_000);
    pacer.floodWait(-2, 5_000);
    const bystander = send(4);
    await clock.advance(10);
    await bystander;
    expect(timesOf(4)[0]! - start).to.be.below(100);
    pacer.floodWait(-3, 5_000);
    const next = send(5);
    await clock.advance(10_000);
    await next;
    expect(timesOf(5)[0]! - start).to.be.at.least(5_000);
  });

  it("lets waiting interactive answers go before queued sends", async () => {
    const { clock, pacer } = pacerWithLog();
    const order: string[] = [];
    // 30 queued sends take the whole second; then 5 queued and 5 interactive wait for the next one.
    const all = [
      ...Array.from({ length: 35 }, (_, i) => pacer.acquire(5000 + i, 1, { queued: true }).then(() => order.push(`queued ${i}`))),
      ...Array.from({ length: 5 }, (_, i) => pacer.acquire(6000 + i).then(() => order.push(`interactive ${i}`))),
    ];
    await clock.advance(5_000);
    await Promise.all(all);
    expect(order.slice(30, 35).every((o) => o.startsWith("interactive"))).to.equal(true);
  });

  it("keeps a slot of the second for each chat being handled: its answer is not left behind queued sends", async () => {
    const { clock, pacer } = pacerWithLog();
    const order: string[] = [];
    // 40 employees' questions are being handled; each is already queued for the staff group before it is answered.
    pacer.expectAnswers(40);
    const queued = Array.from({ length: 20 }, (_, i) => pacer.acquire(GROUP, 1, { queued: true, share: `T${i}` }).then(() => order.push("queued")));
    await clock.advance(10);
    expect(order).to.deep.equal([]);
    const answers = Array.from({ length: 40 }, (_, i) => pacer.acquire(7000 + i).then(() => order.push("answer")));
    await clock.advance(5);
    expect(order).to.deep.equal(Array(30).fill("answer"));
    // As each chat's handling ends, its slot goes back to the queue.
    pacer.expectAnswers(0);
    await clock.advance(5_000);
    await Promise.all([...queued, ...answers]);
    expect(order.slice(30, 40)).to.deep.equal(Array(10).fill("answer"));
    expect(order.filter((o) => o === "queued")).to.have.length(20);
  });

  it("lets queued sends use what the chats being handled leave of the second", async () => {
    const { clock, pacer } = pacerWithLog();
    let granted = 0;
    pacer.expectAnswers(25);
    const queued = Array.from({ length: 10 }, (_, i) => pacer.acquire(5000 + i, 1, { queued: true }).then(() => granted++));
    await clock.advance(1);
    expect(granted).to.equal(5);
    pacer.expectAnswers(20);
    await clock.advance(1);
    expect(granted).to.equal(10);
    await Promise.all(queued);
  });

  it("pauses every chat when a private chat is refused: its own limit cannot explain that", async () => {
    const { clock, pacer, send, timesOf } = pacerWithLog();
    const start = clock.now();
    pacer.floodWait(42, 3_000);
    const other = send(43);
    await clock.advance(10_000);
    await other;
    expect(timesOf(43)[0]! - start).to.be.at.least(3_000);
  });

  it("serves waiting tickets in turn, and one busy ticket leaves room in the group for ten others", async () => {
    const { clock, pacer, timesOf, sent } = pacerWithLog();
    // One employee's ticket lane: sends its next item as soon as the previous one is out.
    let othersServed = false;
    const busyLane = (async () => {
      while (!othersServed) {
        await pacer.acquire(GROUP, 1, { share: "T1" });
        sent.push({ chatId: GROUP, at: clock.now() });
      }
    })();
    await clock.advance(90_000);
    const othersAsked = clock.now();
    const others = Array.from({ length: 10 }, (_, i) => pacer.acquire(GROUP, 1, { share: `T${i + 2}` }).then(() => sent.push({ chatId: 1000 + i, at: clock.now() })));
    await clock.advance(120_000);
    await Promise.all(others);
    const othersDone = Math.max(...sent.filter((s) => s.chatId >= 1000).map((s) => s.at));
    // The busy ticket may take only half the group's minute, so the ten find room at once.
    expect(othersDone - othersAsked).to.be.below(1_000);
    expect(maxInWindow(timesOf(GROUP), 60_000)).to.be.at.most(10);
    expect(maxInWindow(sent.map((s) => s.at), 60_000)).to.be.at.most(STRICT.group);
    othersServed = true;
    await clock.advance(120_000);
    await busyLane;
  });
});
