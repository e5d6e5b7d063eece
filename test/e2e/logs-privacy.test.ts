import { expect } from "chai";
import type { Db } from "../../src/db/database.js";
import { insertPesan } from "../../src/db/pesan-repo.js";
import { maskTokens } from "../../src/logger.js";
import { eachTestWithBot, type Harness } from "../support/app-harness.js";
import { close, testDatabases } from "../support/test-db.js";

describe("the log masks a bot token wherever it sits", () => {
  it("masks tokens in nested fields, arrays and errors, not only at the top", () => {
    const token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    const cause = new Error(`fetch https://api.telegram.org/bot${token}/getMe failed`);
    const info = maskTokens().transform(
      { level: "warn", message: "x", request: { url: `/bot${token}/sendMessage`, tries: [{ url: token }] }, error: cause },
      {},
    );
    expect(JSON.stringify(info)).not.to.contain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
    expect(JSON.stringify(info)).to.contain("<token>");
  });
});

for (const database of testDatabases()) {
  describe(`no personal data in the log (${database.name})`, function () {
    it("logs a failed statement without the values bound to it", async () => {
      const db: Db = await database.open();
      try {
        const row = { waktu: 1, arah: "masuk" as const, id_chat: 1, id_pengirim: 1, pengirim: "Budi", isi_pesan: "RAHASIA-PRIBADI-777", jenis: "teks", perintah: null, data: "{}", id_pesan: 1, update_id: 1 };
        await insertPesan(db, [row]);
        // A plain insert (insertPesan's INSERT IGNORE would turn this into a warning on MySQL): the same update_id.
        const failure = await db("pesan").insert(row).then(
          () => undefined,
          (err: unknown) => err,
        );
        expect(failure).to.be.instanceOf(Error);
        expect(String((failure as Error).message)).not.to.contain("RAHASIA-PRIBADI-777");
      } finally {
        await close(db);
      }
    });

    describe("when a handler fails", () => {
      let h: Harness;
      eachTestWithBot(database, (harness) => (h = harness));

      it("logs the update's ids and kind, not what the employee wrote", async () => {
        const budi = await h.employee(951, { nama: "Budi Santoso" });
        // The acknowledgement is refused for good: the handler fails after the question was stored.
        h.fake.failNext((c) => c.method === "sendMessage" && c.params.chat_id === budi.id, { status: 400, description: "Bad Request: chat not writable" });
        h.fake.userSays(budi, "gaji saya dipotong karena utang koperasi 1234");
        await h.fake.waitForCall((c) => c.method === "sendMessage" && c.params.chat_id === budi.id && c.status === 400);
        await h.fake.waitForCall((c) => c.method === "sendMessage" && c.params.chat_id === budi.id && c.status === 200);
        const failed = h.logLines.find((l) => l.includes("update gagal diproses"));
        expect(failed, h.logLines.join("\n")).to.be.a("string");
        expect(failed).to.contain(`"from":${budi.id}`);
        const everything = h.logLines.join("\n");
        expect(everything).not.to.contain("utang koperasi");
        expect(everything).not.to.contain("Budi Santoso");
      });
    });
  });
}
