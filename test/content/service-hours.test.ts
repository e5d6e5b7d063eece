import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { formatProblem, loadContent } from "../../src/content/load-content.js";
import { DEFAULT_SERVICE_HOURS, parseServiceHours } from "../../src/content/parse-service-hours.js";

const SHIPPED_2026 = [
  "2026-01-01", "2026-01-16", "2026-02-16", "2026-02-17", "2026-03-18", "2026-03-19", "2026-03-20", "2026-03-21", "2026-03-22",
  "2026-03-23", "2026-03-24", "2026-04-03", "2026-04-05", "2026-05-01", "2026-05-14", "2026-05-15", "2026-05-27", "2026-05-28",
  "2026-05-31", "2026-06-01", "2026-06-16", "2026-08-17", "2026-08-25", "2026-12-24", "2026-12-25",
];

describe("the service hours file (jam-layanan.md)", () => {
  it("ships the bureau's hours and the 17 national holidays and 8 cuti bersama of 2026", async () => {
    const { value, problems } = parseServiceHours(await readFile("content/jam-layanan.md", "utf8"));
    expect(problems).to.deep.equal([]);
    expect(value.days).to.deep.equal(DEFAULT_SERVICE_HOURS.days);
    expect(value.holidays.map((holiday) => holiday.date)).to.deep.equal(SHIPPED_2026);
    const leave = value.holidays.filter((holiday) => holiday.name.startsWith("Cuti bersama "));
    expect(leave.map((holiday) => holiday.date)).to.deep.equal(["2026-02-16", "2026-03-18", "2026-03-20", "2026-03-23", "2026-03-24", "2026-05-15", "2026-05-28", "2026-12-24"]);
    expect(value.holidays.length - leave.length).to.equal(17);
    expect(value.holidays[0]).to.deep.equal({ date: "2026-01-01", name: "Tahun Baru 2026 Masehi" });
  });

  it("without a file, is open Senin–Kamis 07.30–16.00 and Jumat 07.30–16.30 with no holidays", () => {
    expect(DEFAULT_SERVICE_HOURS).to.deep.equal({
      days: [
        { weekday: 1, startMinute: 450, endMinute: 960 },
        { weekday: 2, startMinute: 450, endMinute: 960 },
        { weekday: 3, startMinute: 450, endMinute: 960 },
        { weekday: 4, startMinute: 450, endMinute: 960 },
        { weekday: 5, startMinute: 450, endMinute: 990 },
      ],
      holidays: [],
    });
  });

  it("reads the ways an admin writes days, times and dates, notes above the first section left alone", () => {
    const { value, problems } = parseServiceHours([
      "# Jam Layanan",
      "Catatan: Senin–Kamis saja, bagian ini tidak dibaca.",
      "## JAM KERJA",
      "- senin s.d. Selasa: 7:30 - 12:00 WIB",
      "* Rabu sampai Kamis 08.00–16.00",
      "- Jum'at: 07.30-11.30",
      "- Minggu: 00.00–24.00",
      "",
      "## Hari libur",
      "- 2026-01-02: Contoh  ISO",
      "- Kamis, 1 Januari 2026: Tahun Baru",
    ].join("\n"));
    expect(problems).to.deep.equal([]);
    expect(value.days).to.deep.equal([
      { weekday: 1, startMinute: 450, endMinute: 720 },
      { weekday: 2, startMinute: 450, endMinute: 720 },
      { weekday: 3, startMinute: 480, endMinute: 960 },
      { weekday: 4, startMinute: 480, endMinute: 960 },
      { weekday: 5, startMinute: 450, endMinute: 690 },
      { weekday: 7, startMinute: 0, endMinute: 1440 },
    ]);
    expect(value.holidays).to.deep.equal([
      { date: "2026-01-01", name: "Tahun Baru" },
      { date: "2026-01-02", name: "Contoh ISO" },
    ]);
  });

  it("reports each mistake at its line, saying what to write instead", () => {
    const source = [
      "# Jam Layanan", //                               1
      "## Jam kerja", //                                2
      "- Senin–Kamis: 07.30–16.00", //                  3
      "- Senen: 07.30–16.00", //                        4: unknown day
      "- Jumat: 7.3–16.30", //                          5: bad time
      "- Sabtu: 16.00–07.00", //                        6: end before start
      "- Rabu: 08.00–12.00", //                         7: Rabu again
      "- Kamis–Senin: 08.00–12.00", //                  8: reversed range
      "- Minggu: libur", //                             9: no hours
      "Sabtu: 08.00–12.00", //                         10: no "- "
      "## Hari libur", //                              11
      "- 1 Januari 2026: Tahun Baru 2026 Masehi", //   12
      "- 31 Februari 2026: Tidak ada", //              13: impossible date
      "- 17 Agustus 2026", //                          14: no name
      "- 2026-01-01: Tahun Baru lagi", //              15: date again
      "- 17 Agustus 2026 Proklamasi", //               16: no colon
      "## Jam istirahat", //                           17: unknown section
      "- Senin: 12.00–13.00", //                       18: not read
      "# Hari libur 2027", //                          19: a second "#" title
    ].join("\n");
    const { value, problems } = parseServiceHours(source);
    expect(problems.map((problem) => problem.line)).to.deep.equal([4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16, 17, 19]);
    const at = (line: number) => problems.find((problem) => problem.line === line)!.message;
    expect(at(4)).to.equal('hari "Senen" tidak dikenali; tulis satu hari (Senin, Selasa, Rabu, Kamis, Jumat, Sabtu, Minggu) atau satu rentang hari per baris, misalnya "- Senin–Kamis: 07.30–16.00"');
    expect(at(5)).to.equal('jam "7.3" tidak dikenali; tulis jam dan menit dipisah titik, misalnya "- Senin–Kamis: 07.30–16.00"');
    expect(at(6)).to.equal('jam selesai (07.00) harus sesudah jam mulai (16.00), misalnya "- Senin–Kamis: 07.30–16.00"');
    expect(at(7)).to.equal("hari Rabu sudah ada di baris 3; setiap hari cukup ditulis sekali");
    expect(at(8)).to.contain('rentang hari "Kamis–Senin" terbalik');
    expect(at(9)).to.contain("jam kerja belum ditulis").and.contain("Hari yang tutup tidak perlu ditulis");
    expect(at(10)).to.contain('baris di bagian "Jam kerja" harus diawali "- "');
    expect(at(13)).to.equal('tanggal "31 Februari 2026" tidak ada di kalender atau tidak dikenali; tulis seperti "17 Agustus 2026"');
    expect(at(14)).to.equal('hari libur 17 Agustus 2026 belum diberi nama; tulis namanya sesudah titik dua, misalnya "- 17 Agustus 2026: Proklamasi Kemerdekaan RI"');
    expect(at(15)).to.equal("tanggal 1 Januari 2026 sudah ada di baris 12; satu tanggal cukup ditulis sekali");
    expect(at(16)).to.contain("tulis tanggal, titik dua, lalu nama hari liburnya");
    expect(at(17)).to.equal('bagian "Jam istirahat" tidak dikenal; judul bagian yang dipakai hanya "## Jam kerja" dan "## Hari libur"');
    expect(at(19)).to.contain('judul bagian ditulis dengan "## "');
    expect(value.days.map((day) => day.weekday)).to.deep.equal([1, 2, 3, 4]);
    expect(value.holidays).to.deep.equal([{ date: "2026-01-01", name: "Tahun Baru 2026 Masehi" }]);
  });

  it("refuses a file without a Jam kerja section, or one with no working day in it", () => {
    expect(parseServiceHours("# Jam Layanan\n\n## Hari libur\n- 1 Januari 2026: Tahun Baru\n").problems).to.deep.equal([
      { line: 1, message: 'bagian "## Jam kerja" tidak ada; tambahkan judul itu, lalu hari dan jam kerja di bawahnya, misalnya "- Senin–Kamis: 07.30–16.00"' },
    ]);
    expect(parseServiceHours("# Jam Layanan\n\n## Jam kerja\n\n## Hari libur\n").problems).to.deep.equal([
      { line: 3, message: 'bagian "Jam kerja" belum berisi hari kerja; tulis misalnya "- Senin–Kamis: 07.30–16.00"' },
    ]);
  });

  describe("in a content folder", () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(path.join(tmpdir(), "sinawai-service-hours-"));
      await cp("content", dir, { recursive: true });
    });
    afterEach(() => rm(dir, { recursive: true, force: true }));

    it("is loaded with the rest of the content", async () => {
      const result = await loadContent(dir);
      if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
      expect(result.content.serviceHours.holidays).to.have.length(25);
      expect(result.warnings).to.deep.equal([]);
    });

    it("is optional: a folder without it works the usual hours", async () => {
      await rm(path.join(dir, "jam-layanan.md"));
      const result = await loadContent(dir);
      if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
      expect(result.content.serviceHours).to.deep.equal(DEFAULT_SERVICE_HOURS);
    });

    it("npm run content:check names the file and line of a malformed working day", async () => {
      const file = path.join(dir, "jam-layanan.md");
      const lines = (await readFile(file, "utf8")).split("\n");
      const at = lines.findIndex((line) => line.startsWith("- Jumat"));
      lines[at] = "- Jumat: 07.30–16.70";
      await writeFile(file, lines.join("\n"));
      const { status, stderr } = spawnSync(process.execPath, ["--import", "tsx", "src/cli/content-check.ts", dir], { encoding: "utf8" });
      expect(status).to.equal(1);
      expect(stderr).to.contain(`jam-layanan.md:${at + 1}: jam "16.70" tidak dikenali`);
    });
  });
});
