import { expect } from "chai";
import { formatIndonesianDate, parseIndonesianDate } from "../../src/content/indonesian-date.js";

describe("news dates as HR admins type them", () => {
  it("reads the ways an admin writes a date", () => {
    for (const text of ["20 November 2026", "20 november 2026", "Jumat, 20 November 2026", "2026-11-20", "20/11/2026", "20-11-2026"]) {
      expect(parseIndonesianDate(text), text).to.equal("2026-11-20");
    }
  });

  it("refuses dates that do not exist or cannot be read", () => {
    for (const text of ["31 Februari 2026", "2026-13-01", "20 Nov 2026", "November 2026", "besok", ""]) {
      expect(parseIndonesianDate(text), text).to.equal(null);
    }
  });

  it("shows a date the way users read it", () => {
    expect(formatIndonesianDate("2026-11-20")).to.equal("20 November 2026");
    expect(formatIndonesianDate("2026-01-05")).to.equal("5 Januari 2026");
  });
});
