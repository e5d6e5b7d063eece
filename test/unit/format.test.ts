import { expect } from "chai";
import { formatDuration, formatPeriode, formatRupiah, formatTanggal } from "../../src/bot/format.js";

describe("formatting for Indonesian readers", () => {
  it("writes rupiah with dots as thousands separators", () => {
    expect(formatRupiah(7_500_000)).to.equal("Rp 7.500.000");
    expect(formatRupiah(0)).to.equal("Rp 0");
    expect(formatRupiah(999)).to.equal("Rp 999");
    expect(formatRupiah(1_000)).to.equal("Rp 1.000");
    expect(formatRupiah(-152_370)).to.equal("-Rp 152.370");
  });

  it("names the month of a period in Indonesian", () => {
    expect(formatPeriode("2026-11")).to.equal("November 2026");
    expect(formatPeriode("2027-01")).to.equal("Januari 2027");
  });

  it("gives the date in Western Indonesia Time, a day ahead of UTC late in the evening", () => {
    expect(formatTanggal(Date.UTC(2026, 10, 23, 18, 0))).to.equal("24 November 2026");
    expect(formatTanggal(Date.UTC(2026, 10, 23, 10, 0))).to.equal("23 November 2026");
  });

  it("says how old a ticket is in days, hours and minutes", () => {
    expect(formatDuration(5 * 60_000)).to.equal("5 menit");
    expect(formatDuration(65 * 60_000)).to.equal("1 jam 5 menit");
    expect(formatDuration((3 * 24 + 2) * 3600_000)).to.equal("3 hari 2 jam");
  });
});
