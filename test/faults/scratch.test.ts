import { testDatabases } from "../support/test-db.js";
import { eachTestWithBot, type Harness } from "../support/app-harness.js";
import { makeUser } from "../support/updates.js";

const [database] = testDatabases();
describe("scratch", function () {
  this.timeout(120_000);
  let h: Harness;
  eachTestWithBot(database!, (harness) => { h = harness; });
  it("command during 30 s outage", async () => {
    const user = makeUser(555);
    await new Promise((r) => setTimeout(r, 300));
    const until = Date.now() + 30_000;
    h.fake.failNext((c) => c.method !== "getUpdates" && Date.now() < until, { status: 500 }, Number.POSITIVE_INFINITY);
    h.fake.userSays(user, "/tentang");
    await new Promise((r) => setTimeout(r, 40_000));
    console.log(h.fake.calls.filter((c) => c.method !== "getUpdates").map((c) => `${c.at - until + 30000} ${c.method} ${c.status} ${JSON.stringify(c.params).slice(0, 80)}`).join("\n"));
    console.log(h.logLines.filter((l) => !l.includes("\"type\":\"message\"") || true).join("\n"));
    console.log("messages", h.fake.messagesIn(user.id).map((m) => m.text?.slice(0, 60)));
  });
});
