import { expect } from "chai";
import { median, percentile } from "../../src/report/percentile.js";
import { daysOf, lastDays, periodOf, weeksOf } from "../../src/report/period.js";
import { ratingSummary } from "../../src/report/ratings.js";
import { parseReportArgs } from "../../src/report/report-args.js";
import { formatMoment, formatPeriod, formatRating, formatServiceTime, formatShare, formatTarget, formatWeek } from "../../src/report/report-format.js";
import { ticketsPerStaff, timeTicket } from "../../src/report/ticket-figures.js";
import { DEFAULT_TARGET } from "../support/answer-target.js";

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

  it("splits a period into weeks from Monday to Sunday, the first and last cut to the period", () => {
    const result = periodOf("2026-11-05", "2026-11-17");
    if (!result.ok) throw new Error(result.problem);
    const weeks = weeksOf(result.period);
    expect(weeks.map((w) => [w.from, w.to])).to.deep.equal([
      ["2026-11-05", "2026-11-08"],
      ["2026-11-09", "2026-11-15"],
      ["2026-11-16", "2026-11-17"],
    ]);
    expect(weeks[1]!.start).to.equal(Date.parse("2026-11-09T00:00:00+07:00"));
    expect(weeks[2]!.end).to.equal(result.period.end);
    expect(weeks.map(formatWeek)).to.deep.equal(["5–8 Nov", "9–15 Nov", "16–17 Nov"]);
    expect(formatWeek({ from: "2026-10-26", to: "2026-11-01" })).to.equal("26 Okt – 1 Nov");
  });

  it("writes service-hour times in hours, the target as configured, and averages with one decimal", () => {
    expect(formatServiceTime(26 * 3_600_000 + 10 * 60_000)).to.equal("26 jam 10 menit");
    expect(formatServiceTime(8 * 3_600_000)).to.equal("8 jam");
    expect(formatServiceTime(45 * 60_000)).to.equal("45 menit");
    expect(formatServiceTime(null)).to.equal("–");
    expect(formatTarget(4.5 * 3_600_000)).to.equal("4,5 jam layanan");
    expect(formatTarget(4.25 * 3_600_000)).to.equal("4,25 jam layanan");
    expect(formatRating(4)).to.equal("4,0");
    expect(formatRating(11 / 3)).to.equal("3,7");
    expect(formatRating(null)).to.equal("–");
  });

  it("summarises ratings: count, mean and how many of each score", () => {
    expect(ratingSummary([5, 4, 4, 1])).to.deep.equal({ count: 4, average: 3.5, distribution: [1, 0, 0, 2, 1] });
    expect(ratingSummary([])).to.deep.equal({ count: 0, average: null, distribution: [0, 0, 0, 0, 0] });
  });

  it("counts an unanswered ticket against the target once it waited longer, until it was closed or until now", () => {
    // Asked Monday 2 November 2026, 08.00 WIB: the 8 service hours are used up when the desk closes at 16.00, so the
    // ticket is late from Tuesday 07.30 on, not during the night.
    const asked = Date.parse("2026-11-02T08:00:00+07:00");
    const at = (time: string, date = "2026-11-02") => Date.parse(`${date}T${time}+07:00`);
    const ticket = { asked, firstAnswer: null, staffId: null, staffName: null, closed: null, closedBy: null, rating: null, claimedBy: null, claimerName: null };
    expect(timeTicket(ticket, DEFAULT_TARGET, at("15:59:00")).inTarget).to.equal(null);
    expect(timeTicket(ticket, DEFAULT_TARGET, at("23:00:00")).inTarget).to.equal(null);
    expect(timeTicket(ticket, DEFAULT_TARGET, at("07:31:00", "2026-11-03")).inTarget).to.equal(false);
    expect(timeTicket({ ...ticket, closed: at("09:00:00"), closedBy: "panduan" }, DEFAULT_TARGET, at("17:00:00")).inTarget).to.equal(null);
    // Answered at 16.00 sharp: exactly 8 service hours, still within.
    expect(timeTicket({ ...ticket, firstAnswer: at("16:00:00"), staffId: 1 }, DEFAULT_TARGET, at("17:00:00"))).to.deep.include({ serviceWait: 8 * 3_600_000, inTarget: true });
  });

  it("counts per staff member the tickets they took with /ambil beside those they answered first, listing one who only took tickets", () => {
    const asked = Date.parse("2026-11-02T08:00:00+07:00");
    const base = { asked, firstAnswer: null, staffId: null, staffName: null, closed: null, closedBy: null, rating: null, claimedBy: null, claimerName: null };
    const tickets = [
      { ...base, firstAnswer: asked + 3_600_000, staffId: 1, staffName: "Rina", claimedBy: 1, claimerName: "Rina" },
      { ...base, firstAnswer: asked + 7_200_000, staffId: 1, staffName: "Rina", claimedBy: 2, claimerName: "Andi" },
      { ...base, claimedBy: 2, claimerName: "Andi" },
    ].map((t) => timeTicket(t, DEFAULT_TARGET, asked + 86_400_000));
    expect(ticketsPerStaff(tickets).map((s) => [s.name, s.tickets, s.claimed])).to.deep.equal([
      ["Rina", 2, 1],
      ["Andi", 0, 2],
    ]);
  });
});
