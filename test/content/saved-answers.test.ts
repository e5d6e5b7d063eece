import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { HEADER_ROOM, MESSAGE_LIMIT } from "../../src/content/limits.js";
import { formatProblem, loadContent } from "../../src/content/load-content.js";
import { parseSavedAnswers } from "../../src/content/parse-saved-answers.js";

describe("the saved answers file (jawaban-siap.md)", () => {
  it("ships the bureau's answers, sorted by code, without a problem", async () => {
    const { value, problems, warnings } = parseSavedAnswers(await readFile("content/jawaban-siap.md", "utf8"));
    expect(problems).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
    expect(value.map((answer) => answer.code)).to.deep.equal([
      "formulir-cuti", "jam-layanan", "kenaikan-pangkat", "lupa-password", "pemutakhiran-data", "tunkin-cair",
    ]);
    const cuti = value.find((answer) => answer.code === "formulir-cuti")!;
    expect(cuti.html).to.contain("/dokumen").and.contain("<i>Formulir Permohonan Cuti</i>").and.contain("<b>sebelum cuti dimulai</b>");
  });

  it("renders each answer like a topic's and remembers its heading's line", () => {
    const { value, problems } = parseSavedAnswers([
      "# Jawaban Siap", //                                             1
      "", //                                                           2
      "Catatan untuk pengelola: **tidak** ditampilkan.", //            3
      "", //                                                           4
      "## tunkin-cair", //                                             5
      "Tunjangan kinerja dibayarkan setiap bulan.", //                 6
      "", //                                                           7
      "- lihat /tunkin", //                                            8
      "## a2", //                                                      9
      "Jawaban pendek & jelas.", //                                   10
    ].join("\n"));
    expect(problems).to.deep.equal([]);
    expect(value).to.deep.equal([
      { code: "a2", html: "Jawaban pendek &amp; jelas.", line: 9 },
      { code: "tunkin-cair", html: "Tunjangan kinerja dibayarkan setiap bulan.\n\n• lihat /tunkin", line: 5 },
    ]);
  });

  it("reports each mistake at its line, saying what to write instead", () => {
    const source = [
      "# Jawaban Siap", //                   1
      "## tunkin-cair", //                   2
      "Tunjangan kinerja dibayarkan.", //    3
      "## Tunkin Cair", //                   4: capitals and a space
      "Jawaban.", //                         5
      "## 2-cuti", //                        6: a digit first
      "Jawaban.", //                         7
      "## c", //                             8: too short
      "Jawaban.", //                         9
      "## tunkin-cair", //                  10: tunkin-cair again
      "Jawaban lain.", //                   11
      "## formulir-cuti", //                12: empty
      "", //                                13
      "## jam", //                          14
      "![gambar](jam.png)", //              15: an image
      "# Lainnya", //                       16: a second "#" title
      "## ", //                             17: no code
      "Jawaban.", //                        18
    ].join("\n");
    const { value, problems } = parseSavedAnswers(source);
    expect(problems.map((problem) => problem.line)).to.deep.equal([4, 6, 8, 10, 12, 15, 16, 17]);
    const at = (line: number) => problems.find((problem) => problem.line === line)!.message;
    expect(at(4)).to.equal('kode "Tunkin Cair" tidak sah: pakai huruf kecil, angka, dan tanda hubung, misalnya "tunkin-cair"');
    expect(at(6)).to.equal('kode "2-cuti" tidak sah: awali dengan huruf, misalnya "tunkin-cair"');
    expect(at(8)).to.equal('kode "c" tidak sah: panjangnya 2–30 karakter (sekarang 1), misalnya "tunkin-cair"');
    expect(at(10)).to.equal('kode "tunkin-cair" sudah dipakai jawaban di baris 2; setiap kode hanya boleh dipakai satu jawaban');
    expect(at(12)).to.equal('jawaban "formulir-cuti" kosong; tulis jawabannya di bawah judul "## ..."');
    expect(at(15)).to.contain("gambar tidak dapat ditampilkan");
    expect(at(16)).to.contain('kode jawaban ditulis dengan "## "');
    expect(at(17)).to.equal('kode jawaban kosong; tulis kodenya sesudah "## ", misalnya "## tunkin-cair"');
    expect(value.map((answer) => answer.code)).to.deep.equal(["formulir-cuti", "jam", "tunkin-cair"]);
  });

  it("refuses a code longer than 30 characters, suggesting a shorter one", () => {
    const { problems } = parseSavedAnswers("## formulir-permohonan-cuti-tahunan-pns\nJawaban.\n");
    expect(problems).to.deep.equal([
      { line: 1, message: 'kode "formulir-permohonan-cuti-tahunan-pns" tidak sah: panjangnya 2–30 karakter (sekarang 36), misalnya "formulir-permohonan-cuti-tahun"' },
    ]);
  });

  it("takes an answer that just fits one message under a header, and refuses one character more", () => {
    const limit = MESSAGE_LIMIT - HEADER_ROOM;
    // Measured as Telegram counts: "&amp;" and the bold tags cost one character and nothing.
    const fits = `**${"&".repeat(10)}** ${"a".repeat(limit - 11)}`;
    expect(parseSavedAnswers(`## panjang\n${fits}\n`).problems).to.deep.equal([]);
    expect(parseSavedAnswers(`## panjang\n${fits}a\n`).problems).to.deep.equal([
      { line: 1, message: `jawaban "panjang" terlalu panjang (${limit + 1} karakter setelah diformat, paling banyak ${limit}); jawaban siap harus muat dalam satu pesan` },
    ]);
  });

  it("accepts a file with no answer yet, with a warning", () => {
    const { value, problems, warnings } = parseSavedAnswers("# Jawaban Siap\n\nCatatan: nanti diisi.\n");
    expect(value).to.deep.equal([]);
    expect(problems).to.deep.equal([]);
    expect(warnings).to.have.length(1);
    expect(warnings![0]!.message).to.contain("belum ada jawaban siap");
  });

  describe("in a content folder", () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(path.join(tmpdir(), "sinawai-saved-answers-"));
      await cp("content", dir, { recursive: true });
    });
    afterEach(() => rm(dir, { recursive: true, force: true }));

    const check = (folder: string) => spawnSync(process.execPath, ["--import", "tsx", "src/cli/content-check.ts", folder], { encoding: "utf8" });

    it("is loaded with the rest of the content", async () => {
      const result = await loadContent(dir);
      if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
      expect(result.content.savedAnswers.map((answer) => answer.code)).to.include("tunkin-cair").and.include("formulir-cuti");
      expect(result.warnings).to.deep.equal([]);
    });

    it("is optional: a folder without it has no saved answers", async () => {
      await rm(path.join(dir, "jawaban-siap.md"));
      const result = await loadContent(dir);
      if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
      expect(result.content.savedAnswers).to.deep.equal([]);
      expect(result.warnings).to.deep.equal([]);
    });

    it("without any answer is still used, with a warning for the admin", async () => {
      await writeFile(path.join(dir, "jawaban-siap.md"), "# Jawaban Siap\n");
      const result = await loadContent(dir);
      if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
      expect(result.content.savedAnswers).to.deep.equal([]);
      expect(result.warnings).to.have.length(1);
      expect(formatProblem(result.warnings[0]!)).to.match(/^jawaban-siap\.md:1: peringatan: belum ada jawaban siap;/);
    });

    it("npm run content:check names the file and line of a malformed code", async () => {
      const file = path.join(dir, "jawaban-siap.md");
      const lines = (await readFile(file, "utf8")).split("\n");
      const at = lines.indexOf("## formulir-cuti");
      lines[at] = "## Formulir Cuti";
      await writeFile(file, lines.join("\n"));
      const { status, stderr } = check(dir);
      expect(status).to.equal(1);
      expect(stderr).to.contain(`jawaban-siap.md:${at + 1}: kode "Formulir Cuti" tidak sah: pakai huruf kecil, angka, dan tanda hubung, misalnya "formulir-cuti"`);
    });
  });
});
