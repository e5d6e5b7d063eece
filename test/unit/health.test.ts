import { expect } from "chai";
import { checkHealth, type HealthProbe } from "../../src/monitoring/health.js";
import type { Role } from "../../src/monitoring/metrics.js";

const LIMITS = { pollStaleMs: 90_000, databaseTimeoutMs: 50, lockContactStaleMs: 5_000 };
const NOW = 1_000_000;

function probe(role: Role, overrides: Partial<HealthProbe> = {}): HealthProbe {
  return { role: () => role, databaseAnswers: async () => undefined, lastPollAt: () => NOW - 1_000, lastLockContactAt: () => NOW - 1_000, ...overrides };
}

describe("health", () => {
  it("is healthy while the database answers and getUpdates succeeded within the limit", async () => {
    expect(await checkHealth(probe("active"), LIMITS, () => NOW)).to.deep.equal({ healthy: true, role: "active", reasons: [] });
  });

  it("names getUpdates once it has not succeeded for longer than the limit, whatever the role but standby", async () => {
    for (const role of ["active", "starting"] as const) {
      const health = await checkHealth(probe(role, { lastPollAt: () => NOW - 95_000 }), LIMITS, () => NOW);
      expect(health.healthy, role).to.equal(false);
      expect(health.reasons, role).to.deep.equal(["getUpdates tidak berhasil selama 95 detik (batas 90 detik)"]);
    }
  });

  it("names the database when it fails or does not answer in time", async () => {
    const failing = await checkHealth(probe("active", { databaseAnswers: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:3306")) }), LIMITS, () => NOW);
    expect(failing.reasons).to.deep.equal(["database tidak menjawab: connect ECONNREFUSED 127.0.0.1:3306"]);
    const silent = await checkHealth(probe("active", { databaseAnswers: () => new Promise<void>(() => undefined) }), LIMITS, () => NOW);
    expect(silent.reasons).to.deep.equal(["database tidak menjawab: tidak ada jawaban dalam 50 ms"]);
  });

  it("takes a standby for healthy without polling, as long as it keeps trying the leader lock", async () => {
    const waiting = await checkHealth(probe("standby", { lastPollAt: () => 0 }), LIMITS, () => NOW);
    expect(waiting).to.deep.equal({ healthy: true, role: "standby", reasons: [] });
    const cutOff = await checkHealth(probe("standby", { lastLockContactAt: () => NOW - 12_000 }), LIMITS, () => NOW);
    expect(cutOff.reasons).to.deep.equal(["instance siaga tidak dapat mencoba kunci pemimpin selama 12 detik"]);
  });
});
