import { expect } from "chai";
import { testDatabases } from "../support/test-db.js";
import { eachTestWithBot, type Harness } from "../support/app-harness.js";
import { makeUser } from "../support/updates.js";
import { eventually } from "../faults/chat-checks.js";

/** Long polls end every second in the harness; a limit of two seconds is missed only when getUpdates fails. */
const POLL_STALE_MS = 2_000;

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

for (const database of testDatabases()) {
  describe(`/healthz and /metrics over HTTP (${database.name})`, function () {
    this.timeout(20_000);
    let h: Harness;

    eachTestWithBot(
      database,
      (harness) => {
        h = harness;
      },
      () => ({ httpAddr: { host: "127.0.0.1", port: 0 }, app: { pollStaleMs: POLL_STALE_MS } }),
    );

    async function get(path: string): Promise<Answer> {
      const res = await fetch(`http://127.0.0.1:${h.app.httpPort}${path}`);
      return { status: res.status, contentType: res.headers.get("content-type") ?? "", text: await res.text() };
    }
    const healthBody = (a: Answer) => JSON.parse(a.text) as { healthy: boolean; role: string; reasons: string[] };

    /** The value of one sample in the Prometheus text, 0 when the series is not there yet. */
    async function sample(series: string): Promise<number> {
      const line = (await get("/metrics")).text.split("\n").find((l) => l.startsWith(`${series} `));
      return line === undefined ? 0 : Number(line.slice(series.length + 1));
    }

    it("answers /healthz 200 with the role while the bot polls", async () => {
      await eventually(() => h.fake.isPolling(), 5000, () => "the bot does not poll");
      const answer = await get("/healthz");
      expect(answer.status).to.equal(200);
      expect(answer.contentType).to.contain("application/json");
      expect(healthBody(answer)).to.deep.equal({ healthy: true, role: "active", reasons: [] });
    });

    it("answers /healthz 503 naming the database when the database is gone", async () => {
      await h.app.db.destroy();
      const answer = await get("/healthz");
      expect(answer.status).to.equal(503);
      const body = healthBody(answer);
      expect(body.healthy).to.equal(false);
      expect(body.role).to.equal("active");
      expect(body.reasons.join("\n")).to.contain("database tidak menjawab");
    });

    it("answers /healthz 503 naming getUpdates once it has failed for longer than the limit, and 200 again after", async () => {
      await eventually(() => h.fake.isPolling(), 5000, () => "the bot does not poll");
      const restore = h.fake.failAlways("getUpdates", { status: 502 });
      let last: Answer | undefined;
      await eventually(async () => (last = await get("/healthz")).status === 503, 10_000, () => `last /healthz: ${JSON.stringify(last)}`);
      expect(healthBody(last!).reasons.join("\n")).to.match(/getUpdates tidak berhasil selama \d+ detik/);
      restore();
      await eventually(async () => (last = await get("/healthz")).status === 200, 10_000, () => `last /healthz: ${JSON.stringify(last)}`);
    });

    it("shows on /metrics the counters moving after an update, a send and a registration", async () => {
      const handled = 'sinawai_updates_total{kind="message",result="ok"}';
      const sent = 'sinawai_telegram_sends_total{method="sendMessage",outcome="ok"}';
      const refused = 'sinawai_registrations_total{result="invalid-nip"}';
      const before = { handled: await sample(handled), sent: await sample(sent), refused: await sample(refused) };

      const user = makeUser(801);
      h.fake.userSays(user, "/tentang");
      h.fake.userSays(user, "/daftar 123 rahasia");
      await eventually(
        async () => (await sample(handled)) >= before.handled + 2 && (await sample(sent)) >= before.sent + 2 && (await sample(refused)) === before.refused + 1,
        10_000,
        () => "the counters did not move",
      );

      const metrics = await get("/metrics");
      expect(metrics.status).to.equal(200);
      expect(metrics.contentType).to.contain("text/plain");
      expect(metrics.text).to.match(/^sinawai_update_handler_seconds_count\{kind="message"\} [1-9]/m);
      expect(metrics.text).to.match(/^sinawai_telegram_get_updates_total\{outcome="ok"\} [1-9]/m);
      expect(metrics.text).to.match(/^sinawai_active 1$/m);
      expect(metrics.text).to.match(/^sinawai_outbox_pending \d+$/m);
      expect(metrics.text).to.match(/^sinawai_outbox_oldest_pending_seconds [\d.]+$/m);
      expect(metrics.text).to.match(/^sinawai_open_tickets \d+$/m);
      expect(metrics.text).to.match(/^sinawai_database_errors_total \d+$/m);
    });
  });
}
