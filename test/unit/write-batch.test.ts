import { expect } from "chai";
import { WriteBatch } from "../../src/db/write-batch.js";

/** A store whose writes finish when the test says so, refusing any batch that holds a "bad" row. */
function slowStore() {
  const written: string[][] = [];
  const finishers: (() => void)[] = [];
  const write = (rows: string[]) =>
    new Promise<void>((resolve, reject) => {
      finishers.push(() => {
        if (rows.includes("bad")) reject(new Error("Data too long for column 'perintah'"));
        else {
          written.push(rows);
          resolve();
        }
      });
    });
  /** Finishes the oldest write still running, and lets its continuations run. */
  const finishOne = async () => {
    finishers.shift()?.();
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  return { written, write, finishOne, running: () => finishers.length };
}

describe("group commit of small writes", () => {
  it("writes the first row at once, then everything that came meanwhile as one statement", async () => {
    const store = slowStore();
    const batch = new WriteBatch(store.write);
    const first = batch.add(["a"]);
    expect(store.running()).to.equal(1);
    const later = [batch.add(["b"]), batch.add(["c", "d"]), batch.add(["e"])];
    expect(store.running(), "nothing more starts while a write runs").to.equal(1);
    await store.finishOne();
    await first;
    await store.finishOne();
    await Promise.all(later);
    expect(store.written).to.deep.equal([["a"], ["b", "c", "d", "e"]]);
  });

  it("a row the database refuses fails only its own caller; the rest of its batch is written", async () => {
    const store = slowStore();
    const batch = new WriteBatch(store.write);
    const first = batch.add(["a"]);
    const outcomes = [batch.add(["b"]), batch.add(["bad"]), batch.add(["c"])].map((p) => p.then(() => "written", (err: Error) => err.message));
    await store.finishOne();
    await first;
    await store.finishOne(); // b, bad, c together: refused
    for (let i = 0; i < 3; i++) await store.finishOne(); // then one by one
    expect(await Promise.all(outcomes)).to.deep.equal(["written", "Data too long for column 'perintah'", "written"]);
    expect(store.written).to.deep.equal([["a"], ["b"], ["c"]]);
  });

  it("when the database cannot be reached, the whole batch fails at once instead of row by row", async () => {
    let calls = 0;
    const batch = new WriteBatch<string>(async () => {
      calls++;
      await new Promise<void>((resolve) => setImmediate(resolve));
      throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:3306"), { code: "ECONNREFUSED" });
    });
    const outcomes = ["a", "b", "c", "d"].map((row) => batch.add([row]).then(() => "written", (err: Error) => err.message));
    expect(await Promise.all(outcomes)).to.deep.equal(Array(4).fill("connect ECONNREFUSED 127.0.0.1:3306"));
    expect(calls, "one for the first row, one for the other three").to.equal(2);
  });

  it("splits a large backlog into statements of at most 200 rows, oldest first", async () => {
    const store = slowStore();
    const batch = new WriteBatch(store.write);
    const adds = [batch.add(["0"]), ...Array.from({ length: 450 }, (_, i) => batch.add([String(i + 1)]))];
    while (store.running() > 0) await store.finishOne();
    await Promise.all(adds);
    expect(store.written.map((w) => w.length)).to.deep.equal([1, 200, 200, 50]);
    expect(store.written.flat()).to.deep.equal(Array.from({ length: 451 }, (_, i) => String(i)));
  });

  it("drain settles only once every row added so far is written", async () => {
    const store = slowStore();
    const batch = new WriteBatch(store.write);
    void batch.add(["a"]);
    void batch.add(["b"]);
    let drained = false;
    const draining = batch.drain().then(() => (drained = true));
    await store.finishOne();
    expect(drained).to.equal(false);
    await store.finishOne();
    await draining;
    expect(store.written.flat()).to.deep.equal(["a", "b"]);
  });
});
