import { expect } from "chai";
import { median, percentile } from "../../src/report/percentile.js";
import { daysOf, lastDays, periodOf } from "../../src/report/period.js";
import { parseReportArgs } from "../../src/report/report-args.js";
import { formatMoment, formatPeriod, formatShare } from "../../src/report/report-format.js";

describe("report building blocks", () => {
  it("takes the median as the middle value, or the mean of the two middle values", () => {
    expect(median([])).to.equal(null);
    expect(median([7])).to.equal(7);
    expect(median([1, 2, 10])).to.equal(2);
    expect(median([1, 2, 4, 10])).to.equal(3);
  });

  it("takes percentiles by nearest rank, always a value that occurred", () => {
    expect(percentile([], 90)).to.equal(null);
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(ten, 90)).to.equal(9);
    expect(percentile([...ten, 11], 90)).to.equal(10);
    expect(percentile([5], 90)).to.equal(5);
    expect(percentile(ten, 100)).to.equal(10);
  });

  it("turns inclusive WIB dates into a millisecond range starting at 00.00 WIB", () => {
    const result = periodOf("2026-11-01", "2026-11-30");
    if (!result.ok) throw new Error(result.problem);
    expect(result.period.start).to.equal(Date.parse("2026-11-01T00:00:00+07:00"));
    expect(result.period.end).to.equal(Date.parse("2026-12-01T00:00:00+07:00"));
    expect(daysOf(result.period)).to.have.length(30);
  });

  it("refuses dates that do not exist, a period backwards and one longer than a year", () => {
    expect(periodOf("2026-02-30", "2026-03-01")).to.deep.include({ ok: false });
    expect(periodOf("2026-11-30", "2026-11-01")).to.deep.include({ ok: false });
    expect(periodOf("2025-01-01", "2026-12-31")).to.deep.include({ ok: false });
    expect(periodOf("1/11/2026", "2026-11-30")).to.deep.include({ ok: false });
  });

  it("makes the last 7 days end today in WIB, even when it is still yesterday in UTC", () => {
    const lateEvening = Date.parse("2026-11-23T21:30:00+07:00");
    const earlyMorning = Date.parse("2026-11-24T01:00:00+07:00");
    expect(lastDays(lateEvening, 7)).to.deep.include({ from: "2026-11-17", to: "2026-11-23" });
    expect(lastDays(earlyMorning, 7)).to.deep.include({ from: "2026-11-18", to: "2026-11-24" });
  });

  it("reads --from, --to and --out, and names the file after the period by default", () => {
    expect(parseReportArgs(["--from", "2026-11-01", "--to=2026-11-30"])).to.deep.include({ kind: "report", out: "laporan-2026-11-01_2026-11-30.html" });
    expect(parseReportArgs(["--from", "2026-11-01", "--to", "2026-11-30", "--out", "x.html"])).to.deep.include({ out: "x.html" });
    expect(parseReportArgs(["-h"])).to.deep.equal({ kind: "help" });
  });

  it("says in Indonesian what is wrong with the arguments", () => {
    const problem = (args: string[]) => {
      const r = parseReportArgs(args);
      return r.kind === "invalid" ? r.problem : r.kind;
    };
    expect(problem([])).to.equal("--from dan --to wajib diisi");
    expect(problem(["--from", "2026-11-01"])).to.equal("--from dan --to wajib diisi");
    expect(problem(["--from", "--to", "2026-11-30"])).to.equal("--from perlu nilai");
    expect(problem(["--dari", "2026-11-01"])).to.equal("argumen tidak dikenal: --dari");
    expect(problem(["2026-11-01"])).to.equal("argumen tidak dikenal: 2026-11-01");
    expect(problem(["--from", "2026-11-01", "--from", "2026-11-02"])).to.equal("--from diberikan lebih dari sekali");
    expect(problem(["--from", "2026-13-01", "--to", "2026-11-30"])).to.contain("bukan tanggal yang sah");
  });

  it("writes periods, moments and shares the Indonesian way", () => {
    expect(formatPeriod({ from: "2026-11-01", to: "2026-11-30" })).to.equal("1–30 November 2026");
    expect(formatPeriod({ from: "2026-10-28", to: "2026-11-03" })).to.equal("28 Oktober – 3 November 2026");
    expect(formatPeriod({ from: "2026-12-29", to: "2027-01-04" })).to.equal("29 Desember 2026 – 4 Januari 2027");
    expect(formatPeriod({ from: "2026-11-03", to: "2026-11-03" })).to.equal("3 November 2026");
    expect(formatMoment(Date.parse("2026-11-30T17:05:00Z"))).to.equal("1 Desember 2026 pukul 00.05 WIB");
    expect(formatShare(23, 40)).to.equal("57,5%");
    expect(formatShare(1, 0)).to.equal("–");
  });
});
