import { expect } from "chai";
import { closestCommand, editDistance } from "../../src/bot/closest-command.js";
import { COMMANDS } from "../../src/bot/messages.js";

describe("the command a mistyped one was meant to be", () => {
  const known = COMMANDS.map((c) => c.command);

  it("counts insertions, deletions, substitutions and swaps of neighbours as one edit each", () => {
    expect(editDistance("tunkn", "tunkin")).to.equal(1);
    expect(editDistance("mutsai", "mutasi")).to.equal(1);
    expect(editDistance("datapribadi", "datapribadi")).to.equal(0);
    expect(editDistance("abc", "")).to.equal(3);
  });

  it("finds the command behind a typo", () => {
    expect(closestCommand("datapribad", known)).to.equal("datapribadi");
    expect(closestCommand("tunkn", known)).to.equal("tunkin");
    expect(closestCommand("mutsi", known)).to.equal("mutasi");
    expect(closestCommand("Terkni", known)).to.equal("terkini");
    expect(closestCommand("car", known)).to.equal("cari");
  });

  it("suggests nothing for a word far from every command", () => {
    expect(closestCommand("gaji", known)).to.equal(undefined);
    expect(closestCommand("halo", known)).to.equal(undefined);
    expect(closestCommand("", known)).to.equal(undefined);
    expect(closestCommand("a".repeat(4000), known)).to.equal(undefined);
  });
});
