// What the fault tests look for in the chats the fake holds: every expected message there exactly once, in order,
// and waits that fail by showing what the chat did hold.
import { expect } from "chai";
import type { Message } from "node-telegram-bot-api";

export const textOf = (m: Message): string => m.text ?? m.caption ?? "";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Polls `probe` until it holds; on timeout fails with `describe()`, so the failure shows the state it gave up on. */
export async function eventually(probe: () => boolean | Promise<boolean>, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`still not so after ${timeoutMs} ms:\n${describe()}`);
    await sleep(50);
  }
}

/** How many of `texts` contain `marker`. Markers are bracketed by the tests, so "[q1]" never matches "[q10]". */
export function occurrences(texts: string[], marker: string): number {
  return texts.filter((t) => t.includes(marker)).length;
}

/** Whether every marker has arrived somewhere in `texts` (a follow-up may share its question's message). */
export function allArrived(texts: string[], markers: string[]): boolean {
  return markers.every((m) => occurrences(texts, m) > 0);
}

/** Each marker in exactly one of `texts`, and the markers in the given order (within a message too). */
export function expectEachOnceInOrder(texts: string[], markers: string[], what: string): void {
  const shown = `${what}:\n${texts.map((t) => `  ${t.slice(0, 160).replace(/\n/g, " ⏎ ")}`).join("\n")}`;
  expect(Object.fromEntries(markers.map((m) => [m, occurrences(texts, m)])), `how often each arrived in ${shown}`).to.deep.equal(
    Object.fromEntries(markers.map((m) => [m, 1])),
  );
  const positions = markers.map((m) => {
    const index = texts.findIndex((t) => t.includes(m));
    return index * 1_000_000 + texts[index]!.indexOf(m);
  });
  expect(positions, `order in ${shown}`).to.deep.equal([...positions].sort((a, b) => a - b));
}
