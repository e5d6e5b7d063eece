import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { formatProblem, loadContent } from "../../src/content/load-content.js";
import { parseSynonyms } from "../../src/content/parse-synonyms.js";

describe("the synonyms file (sinonim.md) and the topics' Kata kunci lines", () => {
  it("reads one group per list line, all of a line's words alike, and skips the title and notes", () => {
    const { value, problems } = parseSynonyms(
      "# Sinonim\n\nCatatan: baris ini tidak dibaca.\n\n- tunkin = tunjangan kinerja\n* KP = kenaikan pangkat, naik pangkat\n- tubel = tugas belajar = TB\n",
    );
    expect(problems).to.deep.equal([]);
    expect(value).to.deep.equal([
      { phrases: ["tunkin", "tunjangan kinerja"], line: 5 },
      // "kenaikan pangkat" and "naik pangkat" are one phrase to the search: kept once.
      { phrases: ["KP", "kenaikan pangkat"], line: 6 },
      { phrases: ["tubel", "tugas belajar", "TB"], line: 7 },
    ]);
  });

  it("reports each malformed line with its line number", () => {
    const source = [
      "# Sinonim", //                            1
      "- tunkin = tunjangan kinerja", //          2
      "- KP kenaikan pangkat", //                 3: no "="
      "- BUP = ", //                              4: empty side
      "CLTN = cuti di luar tanggungan negara", // 5: not a list line
      "- TUNKIN = tunjangan", //                  6: tunkin again
      "- cuti = Cuti", //                         7: the same word twice
      "- yang = dan", //                          8: stop words only
      "- SKP = , sasaran kinerja pegawai", //     9: empty phrase
    ].join("\n");
    const { value, problems } = parseSynonyms(source);
    expect(value).to.have.length(1);
    expect(problems.map((p) => p.line)).to.deep.equal([3, 4, 5, 6, 7, 8, 9]);
    expect(problems[0]!.message).to.contain('tanda "=" tidak ada');
    expect(problems[2]!.message).to.contain('diawali "- "');
    expect(problems[3]!.message).to.contain("sudah ada di baris 2");
  });

  describe("in a content folder", () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(path.join(tmpdir(), "sinawai-synonyms-"));
      await cp("content", dir, { recursive: true });
    });
    afterEach(() => rm(dir, { recursive: true, force: true }));

    const check = (folder: string) => spawnSync(process.execPath, ["--import", "tsx", "src/cli/content-check.ts", folder], { encoding: "utf8" });

    it("npm run content:check names the file and line of a malformed synonym", async () => {
      const file = path.join(dir, "sinonim.md");
      const lines = (await readFile(file, "utf8")).split("\n");
      const at = lines.findIndex((line) => line.startsWith("- tunkin"));
      lines[at] = "- tunkin tunjangan kinerja";
      await writeFile(file, lines.join("\n"));
      const { status, stderr } = check(dir);
      expect(status).to.equal(1);
      expect(stderr).to.contain(`sinonim.md:${at + 1}: tanda "=" tidak ada`);
    });

    it("accepts a folder without sinonim.md: synonyms are optional", async () => {
      await rm(path.join(dir, "sinonim.md"));
      const result = await loadContent(dir);
      if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
      expect(result.content.synonyms).to.deep.equal([]);
    });

    it("takes a topic's Kata kunci line out of its answer, and refuses one written lower in the topic", async () => {
      const result = await loadContent(dir);
      if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
      const tunkin = result.content.categories.find((c) => c.key === "pengkinpeg")!.topics.find((t) => t.title === "Tunjangan Kinerja dan Kehadiran")!;
      expect(tunkin.keywords).to.include("tunkin").and.include("potongan tunkin");
      expect(tunkin.chunks.join("")).not.to.contain("Kata kunci");

      const file = path.join(dir, "mutasi.md");
      const lines = (await readFile(file, "utf8")).split("\n");
      const heading = lines.findIndex((line) => line === "## Kenaikan Pangkat");
      lines.splice(heading + 4, 0, "Kata kunci: naik pangkat");
      await writeFile(file, lines.join("\n"));
      const broken = await loadContent(dir);
      if (broken.ok) throw new Error("a misplaced Kata kunci line was accepted");
      expect(broken.problems.map(formatProblem)).to.include(
        `mutasi.md:${heading + 5}: baris "Kata kunci:" harus tepat di bawah judul topik ("## ..."); di tempat lain baris itu ikut tampil di jawaban`,
      );
    });

    it("refuses an empty Kata kunci line", async () => {
      const file = path.join(dir, "jahdis.md");
      const text = await readFile(file, "utf8");
      const lines = text.split("\n");
      const at = lines.findIndex((line) => line.startsWith("Kata kunci:"));
      lines[at] = "Kata kunci: , ,";
      await writeFile(file, lines.join("\n"));
      const result = await loadContent(dir);
      if (result.ok) throw new Error("an empty Kata kunci line was accepted");
      expect(result.problems.map(formatProblem).join("\n")).to.contain(`jahdis.md:${at + 1}: baris "Kata kunci:" kosong`);
    });
  });
});
