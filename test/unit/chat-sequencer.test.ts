import { expect } from "chai";
import { ChatSequencer } from "../../src/bot/chat-sequencer.js";

/** A task that runs until the test lets it finish, recording when it started and ended. */
function gate(log: string[], name: string) {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    task: async () => {
      log.push(`${name}+`);
      await opened;
      log.push(`${name}-`);
    },
    open: () => open(),
  };
}

/** Lets the event loop turn a few times: each task starts in a turn of its own. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

describe("the chat sequencer: one chat in order, chats side by side", () => {
  it("runs one chat's tasks one after another, in the order they came", async () => {
    const sequencer = new ChatSequencer(10);
    const log: string[] = [];
    const [a, b, c] = ["a1", "a2", "a3"].map((n) => gate(log, n));
    for (const t of [a!, b!, c!]) void sequencer.enqueue("chat-a", t.task);
    await settle();
    expect(log).to.deep.equal(["a1+"]);
    a!.open();
    await settle();
    expect(log).to.deep.equal(["a1+", "a1-", "a2+"]);
    b!.open();
    c!.open();
    await sequencer.drain();
    expect(log).to.deep.equal(["a1+", "a1-", "a2+", "a2-", "a3+", "a3-"]);
  });

  it("runs different chats at the same time, and a slow chat holds up no other", async () => {
    const sequencer = new ChatSequencer(10);
    const log: string[] = [];
    const slow = gate(log, "slow");
    void sequencer.enqueue("chat-a", slow.task);
    for (let i = 1; i <= 3; i++) void sequencer.enqueue(`chat-${i}`, async () => void log.push(`quick${i}`));
    await settle();
    expect(log).to.include.members(["slow+", "quick1", "quick2", "quick3"]);
    expect(log).not.to.include("slow-");
    slow.open();
    await sequencer.drain();
  });

  it("keeps at most the given number of tasks running, and starts the next as one ends", async () => {
    const sequencer = new ChatSequencer(2);
    const log: string[] = [];
    const gates = [1, 2, 3].map((i) => gate(log, `c${i}`));
    gates.forEach((g, i) => void sequencer.enqueue(`chat-${i}`, g.task));
    await settle();
    expect(log).to.deep.equal(["c1+", "c2+"]);
    gates[0]!.open();
    await settle();
    expect(log).to.deep.equal(["c1+", "c2+", "c1-", "c3+"]);
    gates[1]!.open();
    gates[2]!.open();
    await sequencer.drain();
  });

  it("goes on with a chat's next task when one fails", async () => {
    const sequencer = new ChatSequencer(2);
    const log: string[] = [];
    const failed = sequencer.enqueue("chat-a", async () => {
      throw new Error("handler failed");
    });
    void sequencer.enqueue("chat-a", async () => void log.push("next"));
    await failed.then(
      () => expect.fail("the failure should reach its caller"),
      (err: unknown) => expect(String(err)).to.contain("handler failed"),
    );
    await sequencer.drain();
    expect(log).to.deep.equal(["next"]);
  });

  it("tells how many chats have work running or waiting, whenever that number changes", async () => {
    const heard: number[] = [];
    const sequencer = new ChatSequencer(1, (chats) => heard.push(chats));
    const log: string[] = [];
    const [a1, b1] = [gate(log, "a1"), gate(log, "b1")];
    void sequencer.enqueue("chat-a", a1.task);
    void sequencer.enqueue("chat-a", async () => void log.push("a2"));
    void sequencer.enqueue("chat-b", b1.task);
    await settle();
    expect(heard).to.deep.equal([1, 2]);
    a1.open();
    await settle();
    // Chat a still has a2 to do, waiting for the slot b1 holds.
    expect(heard).to.deep.equal([1, 2]);
    b1.open();
    await sequencer.drain();
    expect(heard).to.deep.equal([1, 2, 1, 0]);
  });

  it("starts each task in a turn of the event loop of its own, so what one task set going is not held up by the next", async () => {
    const sequencer = new ChatSequencer(10);
    const log: string[] = [];
    // The first task starts something that completes in a later turn (as a request written to the network does).
    void sequencer.enqueue("chat-a", async () => {
      log.push("a+");
      setImmediate(() => log.push("a's request out"));
    });
    void sequencer.enqueue("chat-b", async () => void log.push("b+"));
    await sequencer.drain();
    await settle();
    expect(log).to.deep.equal(["a+", "a's request out", "b+"]);
  });
});
