import { expect } from "chai";
import { earliestLastArrivalMs, heldDelayMs } from "../../bench/window-bound.js";

const SECOND = { count: 30, windowMs: 1_000 };
const START = 50_000;

describe("the bench's bound for a burst under a strict rolling window", () => {
  it("into an empty window, the 300th of 300 messages can arrive 9 s after the first (30 per second)", () => {
    expect(earliestLastArrivalMs([], 300, SECOND, START)).to.equal(9_000);
    expect(heldDelayMs([], 300, SECOND, START)).to.equal(0);
  });

  it("ten sends 100 ms before the burst take ten of the first second's slots: the last arrives 0.9 s later", () => {
    const held = Array.from({ length: 10 }, () => START - 100);
    expect(earliestLastArrivalMs(held, 300, SECOND, START)).to.equal(9_900);
    expect(heldDelayMs(held, 300, SECOND, START)).to.equal(900);
  });

  it("sends older than the window do not delay anything", () => {
    const held = Array.from({ length: 30 }, (_, i) => START - 1_000 - i);
    expect(heldDelayMs(held, 300, SECOND, START)).to.equal(0);
  });
});
