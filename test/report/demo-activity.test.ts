import { expect } from "chai";
import type { Db } from "../../src/db/database.js";
import { collectFigures, type ReportFigures } from "../../src/report/figures.js";
import { periodOf, type Period } from "../../src/report/period.js";
import { seedDemoActivity } from "../../seeds/demo-activity.js";
import { DEFAULT_TARGET } from "../support/answer-target.js";
import { close, testDatabases } from "../support/test-db.js";

const NOW = Date.parse("2026-11-23T19:30:00+07:00");

function lastMonth(): Period {
  const result = periodOf("2026-10-24", "2026-11-22");
  if (!result.ok) throw new Error(result.problem);
  return result.period;
}

for (const database of testDatabases()) {
  describe(`demo activity for the sample report (${database.name})`, function () {
    this.timeout(120_000);
    let db: Db;
    let f: ReportFigures;

    before(async () => {
      db = await database.open();
      await seedDemoActivity(db, NOW);
      f = await collectFigures(db, lastMonth(), NOW, DEFAULT_TARGET);
    });
    after(() => close(db));

    it("fills a month of weekday-heavy traffic from a few hundred employees in six units", () => {
      expect(f.registration.units.map((u) => u.unitKerja)).to.have.length(6);
      expect(f.registration.active).to.be.greaterThan(300);
      expect(f.registration.registered).to.be.within(f.registration.active * 0.5, f.registration.active * 0.8);
      expect(f.registration.newInPeriod).to.be.greaterThan(5);
      expect(f.messages.total).to.be.greaterThan(1000);
      const weekdays = f.perDay.filter((d) => d.weekday < 5).map((d) => d.automatic + d.free);
      const weekends = f.perDay.filter((d) => d.weekday >= 5).map((d) => d.automatic + d.free);
      expect(Math.min(...weekdays)).to.be.greaterThan(Math.max(...weekends));
    });

    it("has tickets answered by several staff members and a few still open, some unanswered", () => {
      expect(f.tickets.totals.asked).to.be.greaterThan(100);
      expect(f.tickets.perStaff.length).to.be.greaterThan(3);
      expect(f.tickets.openTotal).to.be.within(3, 30);
      expect(f.tickets.openByAge.reduce((n, c) => n + c.unanswered, 0)).to.be.greaterThan(0);
      expect(f.usage.services.every((s) => s.viaCommand + s.viaButton > 0)).to.equal(true);
    });

    it("has tickets closed every way, most rated, a share of them with comments, and guide topics offered", () => {
      for (const way of f.tickets.perClosing) expect(way.closed, way.kind).to.be.greaterThan(3);
      expect(f.ratings.count).to.be.within(f.ratings.closed * 0.4, f.ratings.closed * 0.8);
      expect(f.ratings.average).to.be.within(3.5, 4.6);
      expect(f.ratings.distribution[4]).to.be.greaterThan(f.ratings.distribution[1]! + f.ratings.distribution[0]!);
      expect(f.ratings.comments.length).to.be.within(10, f.ratings.count / 2);
      expect(f.tickets.target.within / f.tickets.target.judged).to.be.within(0.8, 0.99);
      expect(f.guides.offered).to.be.within(f.guides.searched * 0.5, f.guides.searched);
      expect(f.guides.closedByGuide.length).to.be.greaterThan(0);
    });

    it("gives the same rows for the same moment, and refuses to run twice on one database", async () => {
      const again = await database.open();
      try {
        await seedDemoActivity(again, NOW);
        expect(await collectFigures(again, lastMonth(), NOW, DEFAULT_TARGET)).to.deep.equal(f);
        const tickets = (d: Db) => d("tiket").orderBy("id").select("ditanya", "dijawab_pertama", "dijawab_oleh", "ditutup");
        expect(await tickets(again)).to.deep.equal(await tickets(db));
      } finally {
        await close(again);
      }
      let refused: unknown;
      await seedDemoActivity(db, NOW).catch((err: unknown) => (refused = err));
      expect(String(refused)).to.contain("sudah pernah dimuat");
    });
  });
}
