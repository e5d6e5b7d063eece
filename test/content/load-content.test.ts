import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { formatProblem, loadContent } from "../../src/content/load-content.js";
import type { ContentProblem } from "../../src/content/types.js";
import { isBalancedTelegramHtml } from "./telegram-html.js";

const fixtures = path.resolve("test/fixtures/content");

async function problemsOf(dir: string): Promise<ContentProblem[]> {
  const result = await loadContent(dir);
  if (result.ok) throw new Error(`expected ${dir} to be rejected`);
  return result.problems;
}

describe("checking the content folder an HR admin edited", () => {
  describe("a folder with one mistake of each kind", () => {
    let problems: ContentProblem[];
    const at = (place: string): string => {
      const found = problems.find((problem) => `${problem.file}:${problem.line}` === place);
      if (!found) throw new Error(`no problem at ${place}; got:\n${problems.map(formatProblem).join("\n")}`);
      return found.message;
    };
    before(async () => {
      problems = await problemsOf(path.join(fixtures, "broken"));
    });

    it("reports every problem at once, each at its file and line, and nothing else", () => {
      expect(problems.map((problem) => `${problem.file}:${problem.line}`)).to.deep.equal([
        "dokumen/daftar.md:4",
        "dokumen/lupa-didaftarkan.txt:1",
        "jahdis.md:6",
        "jahdis.md:8",
        "jahdis.md:12",
        "jahdis.md:18",
        "mutasi.md:1",
        "pengkinpeg.md:1",
        "renbangkompeg.md:1",
        "renbangkompeg.md:6",
        "tentang.md:1",
        "terkini.md:3",
        "terkini.md:7",
        "terkini.md:11",
        "terkini.md:16",
      ]);
    });

    it("says a category without its # title needs one", () => expect(at("renbangkompeg.md:1")).to.contain("judul kategori tidak ada"));
    it("says a missing category file is missing", () => expect(at("mutasi.md:1")).to.contain("tidak ditemukan"));
    it("says a category has no topics yet", () => expect(at("pengkinpeg.md:1")).to.contain("belum punya topik"));
    it("points a duplicate topic title to the first one", () => expect(at("jahdis.md:8")).to.contain("sama dengan topik di baris 3"));
    it("says a topic answer is empty", () => expect(at("jahdis.md:6")).to.contain("kosong"));
    it("says a topic title is too long for a button", () => expect(at("renbangkompeg.md:6")).to.contain("74 karakter, paling banyak 60"));
    it("says a table cannot be shown", () => expect(at("jahdis.md:12")).to.contain("tabel"));
    it("says an image cannot be shown", () => expect(at("jahdis.md:18")).to.contain("gambar"));
    it("says a news item lacks its date", () => expect(at("terkini.md:3")).to.contain("belum punya tanggal"));
    it("says a news date does not exist", () => expect(at("terkini.md:7")).to.contain('"31 Februari 2026" tidak dikenali'));
    it("says a news item lacks its title", () => expect(at("terkini.md:11")).to.contain("judul berita kosong"));
    it("says a news item is empty", () => expect(at("terkini.md:16")).to.contain("isi berita ini kosong"));
    it("says a listed document is not in the folder", () => expect(at("dokumen/daftar.md:4")).to.contain('"tidak-ada.pdf" tidak ada'));
    it("says a missing page file is missing", () => expect(at("tentang.md:1")).to.contain("tidak ditemukan"));

    it("warns about a document on disk that the index does not list", () => {
      const warning = problems.find((problem) => problem.file === "dokumen/lupa-didaftarkan.txt")!;
      expect(warning.severity).to.equal("warning");
      expect(formatProblem(warning)).to.match(/^dokumen\/lupa-didaftarkan\.txt:1: peringatan: .*daftar\.md/);
    });
  });

  it("reports a folder that does not exist", async () => {
    const problems = await problemsOf(path.join(fixtures, "tidak-ada"));
    expect(problems).to.have.length(1);
    expect(problems[0]!.message).to.contain("tidak ditemukan");
  });

  it("loads a valid folder: topics, news newest first, documents and pages", async () => {
    const result = await loadContent(path.join(fixtures, "valid"));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    const { categories, news, documents, pages } = result.content;
    expect(categories.map((category) => category.key)).to.deep.equal(["renbangkompeg", "mutasi", "jahdis", "pengkinpeg"]);
    expect(categories[0]).to.include({ title: "Pengembangan Kompetensi", command: "renbangkompeg", intro: "Pengantar <b>kompetensi</b>." });
    expect(categories[0]!.topics[0]).to.deep.include({ title: "Diklat", chunks: ["<b>Diklat</b>\n\nAjukan usulan diklat ke Biro OSDM."] });
    expect(categories[0]!.topics[0]!.id).to.match(/^[0-9a-f]{10}$/);
    expect(news.map((item) => item.date)).to.deep.equal(["2026-11-20", "2026-01-05"]);
    expect(news[0]!.chunks).to.deep.equal(["Isi kabar <b>baru</b>."]);
    expect(documents).to.have.length(1);
    expect(documents[0]).to.include({ title: "Contoh Formulir", description: "Keterangan <i>contoh</i>.", fileName: "contoh.txt", size: 11 });
    expect(path.isAbsolute(documents[0]!.path)).to.equal(true);
    expect(pages.start).to.equal("Selamat datang di Sinawai.");
    expect(result.warnings).to.deep.equal([]);
  });

  describe("files saved by everyday editors", () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(path.join(tmpdir(), "sinawai-editor-"));
      await cp(path.join(fixtures, "valid"), dir, { recursive: true });
    });
    afterEach(() => rm(dir, { recursive: true, force: true }));

    it("reads a file saved by Windows Notepad (byte order mark, CRLF) like any other", async () => {
      await writeFile(path.join(dir, "mutasi.md"), "\uFEFF# Mutasi\r\n\r\n## Kenaikan Pangkat\r\nPeriksa **data** Anda.\r\n");
      const result = await loadContent(dir);
      if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
      const mutasi = result.content.categories[1]!;
      expect(mutasi.title).to.equal("Mutasi");
      expect(mutasi.topics[0]!.chunks).to.deep.equal(["<b>Kenaikan Pangkat</b>\n\nPeriksa <b>data</b> Anda."]);
    });

    it("reports a file not saved as UTF-8 at the line of its first foreign character", async () => {
      await writeFile(path.join(dir, "jahdis.md"), Buffer.from("# Kesejahteraan\n\n## Cuti\nCuti pegawai \xe9 2026.\n", "latin1"));
      expect((await problemsOf(dir)).map(formatProblem)).to.deep.equal([
        "jahdis.md:4: berkas tidak tersimpan sebagai UTF-8; simpan ulang dengan pengodean (encoding) UTF-8",
      ]);
    });

    it("warns about a misnamed file, naming the file it was probably meant to be", async () => {
      await rm(path.join(dir, "tentang.md"));
      await writeFile(path.join(dir, "Tentang.md"), "Tentang Sinawai.\n");
      await writeFile(path.join(dir, "~$catatan.docx"), "lock file of an office suite");
      expect((await problemsOf(dir)).map(formatProblem)).to.deep.equal([
        'Tentang.md:1: peringatan: berkas ini tidak dipakai; maksudnya "tentang.md"? Huruf besar/kecil pada nama berkas harus sama persis',
        "tentang.md:1: berkas wajib ini tidak ditemukan",
      ]);
    });
  });

  describe("the content shipped with the bot", () => {
    it("passes the checker", async () => {
      const result = await loadContent("content");
      expect(result.ok ? [] : result.problems.map(formatProblem)).to.deep.equal([]);
      expect(result.ok && result.warnings).to.deep.equal([]);
    });

    it("has at least five topics in every category, all valid Telegram HTML", async () => {
      const result = await loadContent("content");
      if (!result.ok) throw new Error("invalid shipped content");
      for (const category of result.content.categories) {
        expect(category.topics.length, category.key).to.be.at.least(5);
        for (const chunk of category.topics.flatMap((topic) => topic.chunks)) expect(isBalancedTelegramHtml(chunk)).to.equal(true);
      }
      expect(result.content.news.length).to.be.at.least(3);
      expect(result.content.news.every((item) => item.date.startsWith("2026-"))).to.equal(true);
    });

    it("offers at least two real PDF forms", async () => {
      const result = await loadContent("content");
      if (!result.ok) throw new Error("invalid shipped content");
      const pdfs = result.content.documents.filter((document) => document.fileName.endsWith(".pdf"));
      expect(pdfs.length).to.be.at.least(2);
      for (const pdf of pdfs) {
        const bytes = await readFile(pdf.path);
        expect(bytes.subarray(0, 5).toString("latin1")).to.equal("%PDF-");
        expect(bytes.subarray(-6).toString("latin1")).to.contain("%%EOF");
      }
    });

    it("changes its version when any file changes, and only then", async () => {
      const [first, second] = await Promise.all([loadContent("content"), loadContent("content")]);
      expect(first.ok && second.ok && first.content.version === second.content.version).to.equal(true);
      const other = await loadContent(path.join(fixtures, "valid"));
      expect(first.ok && other.ok && first.content.version !== other.content.version).to.equal(true);
    });
  });

  describe("npm run content:check", () => {
    const check = (dir: string) =>
      spawnSync(process.execPath, ["--import", "tsx", "src/cli/content-check.ts", dir], { encoding: "utf8" });

    it("prints a one-line OK summary and exits 0 for valid content", () => {
      const { status, stdout, stderr } = check("content");
      expect(status).to.equal(0);
      expect(stderr).to.equal("");
      expect(stdout).to.match(/^OK: content berisi 4 kategori \(\d+ topik\), \d+ berita, \d+ dokumen, 3 halaman\.\n$/);
    });

    it("prints file:line: problems and exits 1 for broken content", () => {
      const { status, stderr } = check(path.join(fixtures, "broken"));
      expect(status).to.equal(1);
      expect(stderr).to.contain("mutasi.md:1: berkas wajib ini tidak ditemukan\n");
      expect(stderr).to.contain("terkini.md:7: tanggal");
      expect(stderr).to.match(/GAGAL: 14 masalah harus diperbaiki di .*broken, 1 peringatan\.\n$/);
    });
  });
});
