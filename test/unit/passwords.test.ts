import { expect } from "chai";
import crypto from "node:crypto";
import { syncBuiltinESMExports } from "node:module";
import { hashPassword, verifyPassword } from "../../src/domain/passwords.js";

describe("password hashing", () => {
  it("verifies the password a hash was made from, and nothing else", async () => {
    const stored = await hashPassword("rahasia 123");
    expect(await verifyPassword("rahasia 123", stored)).to.equal(true);
    expect(await verifyPassword("rahasia 124", stored)).to.equal(false);
    expect(await verifyPassword("rahasia 123", null)).to.equal(false);
    expect(await verifyPassword("rahasia 123", "bukan-hash")).to.equal(false);
  });

  describe("under a crowd", () => {
    const original = crypto.scrypt;
    let running = 0;
    let peak = 0;

    // Counts the scrypt runs in flight by wrapping Node's own function; syncBuiltinESMExports makes the module under
    // test, which imported scrypt by name, see the wrapper.
    before(() => {
      const counting = ((...args: unknown[]) => {
        const callback = args.pop() as (err: Error | null, key: Buffer) => void;
        running++;
        peak = Math.max(peak, running);
        try {
          (original as (...a: unknown[]) => void)(...args, (err: Error | null, key: Buffer) => {
            running--;
            callback(err, key);
          });
        } catch (err) {
          running--;
          throw err;
        }
      }) as typeof crypto.scrypt;
      crypto.scrypt = counting;
      syncBuiltinESMExports();
    });
    after(() => {
      crypto.scrypt = original;
      syncBuiltinESMExports();
    });

    it("runs at most two scrypt computations at once, hashing and verifying alike, however many are asked for", async () => {
      const stored = await hashPassword("benar");
      peak = 0;
      const results = await Promise.all([
        ...Array.from({ length: 20 }, (_, i) => verifyPassword(i % 2 === 0 ? "benar" : `salah${i}`, stored)),
        ...Array.from({ length: 10 }, () => hashPassword("baru").then(() => true)),
        ...Array.from({ length: 10 }, () => verifyPassword("apa saja", undefined)),
      ]);
      expect(peak).to.equal(2);
      expect(running).to.equal(0);
      expect(results.slice(0, 20)).to.deep.equal(Array.from({ length: 20 }, (_, i) => i % 2 === 0));
    });

    it("frees its slot when a run fails, so later runs still go", async () => {
      const bad = "scrypt$3$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
      const failures = await Promise.all(Array.from({ length: 4 }, () => verifyPassword("x", bad).then(() => "ok", () => "gagal")));
      expect(failures).to.deep.equal(["gagal", "gagal", "gagal", "gagal"]);
      expect(await verifyPassword("benar", await hashPassword("benar"))).to.equal(true);
    });
  });
});
