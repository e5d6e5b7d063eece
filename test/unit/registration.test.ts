import { expect } from "chai";
import type { Db } from "../../src/db/database.js";
import { normalizeNip, register } from "../../src/domain/registration.js";

const NIP = "198501012010011001";
const inDigits = (digits: string) => [...NIP].map((d) => digits[Number(d)]).join("");

/** A database that fails the test if anything asks it for anything. */
const untouchable = new Proxy(() => undefined, {
  apply: () => {
    throw new Error("the database was asked");
  },
  get: (_target, key) => {
    throw new Error(`the database was asked (${String(key)})`);
  },
}) as unknown as Db;

describe("reading a NIP", () => {
  it("removes whitespace and zero-width, bidi and other format characters wherever they are", () => {
    for (const padded of [
      `${NIP}${"\u200B".repeat(19)}`,
      `\u202E${NIP}\u202C`,
      `\u2066${NIP.slice(0, 9)}\u200D${NIP.slice(9)}\u2069`,
      `\uFEFF${NIP}\u2060\u200C\u00AD`,
      `\u202A\u202B${NIP}\u202D\u2067\u2068`,
      `${NIP.slice(0, 8)}\u00A0${NIP.slice(8, 14)}\u3000${NIP.slice(14)}`,
    ]) {
      expect(normalizeNip(padded), JSON.stringify(padded)).to.equal(NIP);
    }
  });

  it("reads full-width digits as the ASCII digits Unicode NFKC makes of them", () => {
    expect(normalizeNip(inDigits("０１２３４５６７８９"))).to.equal(NIP);
  });

  it("refuses anything that is not then exactly 18 ASCII digits", () => {
    for (const bad of [
      inDigits("٠١٢٣٤٥٦٧٨٩"),
      inDigits("۰۱۲۳۴۵۶۷۸۹"),
      inDigits("०१२३४५६७८९"),
      NIP.slice(0, 17),
      `${NIP}0`,
      `${NIP.slice(0, 17)}O`,
      `${NIP}\u0301`,
      `${NIP.slice(0, 9)}-${NIP.slice(9)}`,
      "",
      "\u200B",
    ]) {
      expect(normalizeNip(bad), JSON.stringify(bad)).to.equal(undefined);
    }
  });
});

describe("registering with an invalid NIP", () => {
  it("refuses it before asking the database anything", async () => {
    for (const nip of [inDigits("٠١٢٣٤٥٦٧٨٩"), `${NIP}1`, "rahasia"]) {
      const result = await register(untouchable, () => 0, { telegramId: 1, nip, password: "benar" });
      expect(result, nip).to.deep.equal({ kind: "invalid-nip" });
    }
  });
});
