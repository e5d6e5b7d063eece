import { expect } from "chai";
import { readFileSync } from "node:fs";
import { parseServiceHours } from "../../src/content/parse-service-hours.js";
import type { ServiceHours } from "../../src/content/types.js";
import {
  addWorkingMs,
  formatDuty,
  isOnDuty,
  nextOnDuty,
  upcomingHolidays,
  wibParts,
  workingMsBetween,
} from "../../src/domain/service-hours.js";

const MINUTE = 60_000;
const HOUR = 3_600_000;
const wib = (date: string, time: string) => Date.parse(`${date}T${time}+07:00`);
/** The shipped file: Senin–Kamis 07.30–16.00, Jumat 07.30–16.30, the holidays of 2026. */
const hours = parseServiceHours(readFileSync("content/jam-layanan.md", "utf8")).value;
const closed: ServiceHours = { days: [], holidays: [] };

describe("service hours arithmetic (WIB)", () => {
  it("reads an instant's WIB date, weekday and minute", () => {
    // 17.00 UTC on 31 December is already New Year's Day in Jakarta.
    expect(wibParts(Date.parse("2025-12-31T17:00:00Z"))).to.deep.equal({ date: "2026-01-01", weekday: 4, minute: 0 });
    expect(wibParts(wib("2026-11-29", "23:59:59.999"))).to.deep.equal({ date: "2026-11-29", weekday: 7, minute: 1439 });
  });

  it("formats a moment with its weekday, the way an employee reads it", () => {
    expect(formatDuty(wib("2026-11-30", "07:30"))).to.equal("Senin, 30 November 2026 pukul 07.30 WIB");
    expect(formatDuty(wib("2026-01-01", "16:05"))).to.equal("Kamis, 1 Januari 2026 pukul 16.05 WIB");
  });

  describe("on duty", () => {
    it("from the opening minute, included, to the closing minute, excluded", () => {
      expect(isOnDuty(hours, wib("2026-11-30", "07:30"))).to.equal(true);
      expect(isOnDuty(hours, wib("2026-11-30", "07:29:59.999"))).to.equal(false);
      expect(isOnDuty(hours, wib("2026-11-30", "15:59:59.999"))).to.equal(true);
      expect(isOnDuty(hours, wib("2026-11-30", "16:00"))).to.equal(false);
    });

    it("until 16.30 on a Friday", () => {
      expect(isOnDuty(hours, wib("2026-11-27", "16:29"))).to.equal(true);
      expect(isOnDuty(hours, wib("2026-11-27", "16:30"))).to.equal(false);
    });

    it("never on a weekend, a holiday or a cuti bersama", () => {
      expect(isOnDuty(hours, wib("2026-11-28", "10:00"))).to.equal(false);
      expect(isOnDuty(hours, wib("2026-08-17", "10:00"))).to.equal(false);
      expect(isOnDuty(hours, wib("2026-12-24", "10:00"))).to.equal(false);
    });

    it("never when no day is a working day", () => {
      expect(isOnDuty(closed, wib("2026-11-30", "10:00"))).to.equal(false);
    });
  });

  describe("the next time on duty", () => {
    it("is now while on duty", () => {
      expect(nextOnDuty(hours, wib("2026-11-30", "10:00"))).to.equal(wib("2026-11-30", "10:00"));
    });

    it("is Monday 07.30 after a Friday evening", () => {
      expect(nextOnDuty(hours, wib("2026-11-27", "21:00"))).to.equal(wib("2026-11-30", "07:30"));
    });

    it("is Monday 07.30 on a Sunday", () => {
      expect(nextOnDuty(hours, wib("2026-11-29", "10:00"))).to.equal(wib("2026-11-30", "07:30"));
    });

    it("is the same day's opening early in the morning", () => {
      expect(nextOnDuty(hours, wib("2026-11-30", "05:00"))).to.equal(wib("2026-11-30", "07:30"));
    });

    it("skips Nyepi, Idulfitri and their cuti bersama: from Selasa 17 Maret 2026 after closing to Rabu 25 Maret", () => {
      expect(nextOnDuty(hours, wib("2026-03-17", "16:00"))).to.equal(wib("2026-03-25", "07:30"));
      expect(nextOnDuty(hours, wib("2026-03-18", "19:00"))).to.equal(wib("2026-03-25", "07:30"));
    });

    it("does not exist when no day is a working day", () => {
      expect(nextOnDuty(closed, wib("2026-11-30", "10:00"))).to.equal(null);
    });
  });

  describe("working time between two instants", () => {
    it("counts only the hours on duty across a weekend and a holiday", () => {
      // Jumat 14 Agustus 16.00–16.30, Monday the 17th is Proklamasi, Selasa 18 Agustus 07.30–09.00.
      expect(workingMsBetween(hours, wib("2026-08-14", "16:00"), wib("2026-08-18", "09:00"))).to.equal(2 * HOUR);
    });

    it("is zero for an empty or backwards span and for a span outside the hours", () => {
      const monday = wib("2026-11-30", "10:00");
      expect(workingMsBetween(hours, monday, monday)).to.equal(0);
      expect(workingMsBetween(hours, monday, monday - HOUR)).to.equal(0);
      expect(workingMsBetween(hours, wib("2026-11-27", "17:00"), wib("2026-11-30", "07:30"))).to.equal(0);
    });

    it("counts a whole month: 146 hours in March 2026", () => {
      // 14 Senin–Kamis of 8.5 h and 3 Fridays of 9 h once Nyepi, Idulfitri and their cuti bersama are left out.
      expect(workingMsBetween(hours, wib("2026-03-01", "00:00"), wib("2026-04-01", "00:00"))).to.equal(146 * HOUR);
    });
  });

  describe("a deadline in working time", () => {
    it("carries over a weekend: 2 hours from Friday 16.00 end on Monday 09.00", () => {
      expect(addWorkingMs(hours, wib("2026-11-27", "16:00"), 2 * HOUR)).to.equal(wib("2026-11-30", "09:00"));
    });

    it("falls at closing time when the hours run out exactly then, not at the next opening", () => {
      expect(addWorkingMs(hours, wib("2026-11-27", "16:00"), 30 * MINUTE)).to.equal(wib("2026-11-27", "16:30"));
    });

    it("starts counting at the next opening when asked outside the hours", () => {
      expect(addWorkingMs(hours, wib("2026-03-17", "20:00"), HOUR)).to.equal(wib("2026-03-25", "08:30"));
    });

    it("is undone by workingMsBetween", () => {
      const starts = [wib("2026-03-17", "15:45"), wib("2026-08-14", "21:00"), wib("2026-12-23", "12:00"), wib("2026-05-31", "08:00")];
      for (const from of starts) {
        for (const ms of [1, 15 * MINUTE, 8.5 * HOUR, 3 * 24 * HOUR + 7 * MINUTE]) {
          expect(workingMsBetween(hours, from, addWorkingMs(hours, from, ms)), `${new Date(from).toISOString()} + ${ms}`).to.equal(ms);
        }
      }
    });

    it("has none when no day is a working day", () => {
      expect(() => addWorkingMs(closed, wib("2026-11-30", "10:00"), HOUR)).to.throw(RangeError);
    });
  });

  it("lists the holidays from today on, today's included", () => {
    expect(upcomingHolidays(hours, wib("2026-03-18", "21:00"), 3).map((holiday) => holiday.date)).to.deep.equal(["2026-03-18", "2026-03-19", "2026-03-20"]);
    expect(upcomingHolidays(hours, wib("2026-12-25", "23:59"), 5).map((holiday) => holiday.name)).to.deep.equal(["Kelahiran Yesus Kristus"]);
    expect(upcomingHolidays(hours, wib("2026-12-26", "00:00"), 5)).to.deep.equal([]);
  });
});
