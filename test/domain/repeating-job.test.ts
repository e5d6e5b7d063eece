import { expect } from "chai";
import { startRepeatingJob } from "../../src/domain/repeating-job.js";
import { memoryLogger } from "../support/app-harness.js";
import { ManualScheduler } from "../support/manual-scheduler.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("the repeating job", () => {
  function start(work: (now: number) => Promise<Record<string, number>>) {
    const clock = new ManualScheduler();
    const { log, lines } = memoryLogger();
    const job = startRepeatingJob("retensi data pribadi", work, { clock: () => clock.now(), log, timers: clock });
    return { clock, lines, job, t0: clock.now() };
  }

  it("runs a minute after start, then every 24 hours, with the clock's time", async () => {
    const runs: number[] = [];
    const { clock, job, t0 } = start(async (now) => {
      runs.push(now);
      return { pesan: 0 };
    });
    await clock.advance(MINUTE - 1);
    expect(runs).to.deep.equal([]);
    await clock.advance(1 + 3 * DAY);
    expect(runs.map((t) => t - t0)).to.deep.equal([MINUTE, MINUTE + DAY, MINUTE + 2 * DAY, MINUTE + 3 * DAY]);
    await job.stop();
  });

  it("logs the counts a run returns, and tries a failed run again an hour later instead of a day", async () => {
    let fail = true;
    const { clock, lines, job } = start(async () => {
      if (fail) throw new Error("connect ECONNREFUSED 127.0.0.1:3306");
      return { pesan: 12, update_masuk: 3 };
    });
    await clock.advance(MINUTE);
    expect(lines).to.have.length(1);
    expect(lines[0]).to.match(/^warn retensi data pribadi gagal/).and.contain("ECONNREFUSED").and.contain('"waitMs":3600000');
    fail = false;
    await clock.advance(HOUR);
    expect(lines).to.have.length(2);
    expect(lines[1]).to.match(/^info retensi data pribadi selesai/).and.contain('"pesan":12').and.contain('"update_masuk":3');
    await job.stop();
  });

  it("runs at the interval it is given, and logs a run that found nothing to do at debug level only", async () => {
    const clock = new ManualScheduler();
    const { log, lines } = memoryLogger();
    let found = 0;
    const job = startRepeatingJob("pemeriksaan tiket", async () => ({ ditutup: found }), { clock: () => clock.now(), log, timers: clock, firstDelayMs: MINUTE, everyMs: MINUTE });
    await clock.advance(3 * MINUTE);
    found = 2;
    await clock.advance(MINUTE);
    expect(lines.map((line) => line.split(" {")[0])).to.deep.equal([
      "debug pemeriksaan tiket selesai",
      "debug pemeriksaan tiket selesai",
      "debug pemeriksaan tiket selesai",
      "info pemeriksaan tiket selesai",
    ]);
    await job.stop();
  });

  it("starts no run once stopped, and stop waits for a run under way", async () => {
    let finish: () => void = () => undefined;
    let runs = 0;
    const { clock, job } = start(async () => {
      runs++;
      await new Promise<void>((resolve) => (finish = resolve));
      return {};
    });
    await clock.advance(MINUTE);
    expect(runs).to.equal(1);
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await clock.advance(0);
    expect(stopped).to.equal(false);
    finish();
    await stopping;
    await clock.advance(2 * DAY);
    expect(runs).to.equal(1);
  });
});
