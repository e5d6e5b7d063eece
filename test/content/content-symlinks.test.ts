// Symbolic links in the content folder are refused, so an HR admin's link cannot make the bot send a secret.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ContentError, ContentStore } from "../../src/content/content-store.js";
import { formatProblem, loadContent } from "../../src/content/load-content.js";

const REFUSED =
  "tautan simbolik (symlink) tidak diterima, karena dapat membuat bot mengirim berkas dari luar folder konten; " +
  "ganti dengan salinan berkas atau folder aslinya";
const SECRET = "BOT_TOKEN=123456:rahasia\n";

describe("symbolic links in the content folder", () => {
  let dir: string;
  let outside: string;
  let secret: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sinawai-symlink-"));
    await cp("test/fixtures/content/valid", dir, { recursive: true });
    outside = await mkdtemp(path.join(tmpdir(), "sinawai-outside-"));
    secret = path.join(outside, ".env");
    await writeFile(secret, SECRET);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  async function problemLines(): Promise<string[]> {
    const result = await loadContent(dir);
    if (result.ok) throw new Error(`expected ${dir} to be refused; it loaded ${result.content.documents.map((d) => d.path).join(", ")}`);
    return result.problems.map(formatProblem);
  }

  it("refuses a listed document that is a link to a file outside the folder, at the link's name", async () => {
    await rm(path.join(dir, "dokumen/contoh.txt"));
    await symlink(secret, path.join(dir, "dokumen/contoh.txt"));
    expect(await problemLines()).to.deep.equal([`dokumen/contoh.txt:1: ${REFUSED}`]);
  });

  it("refuses a link in the documents folder even before daftar.md lists it", async () => {
    await symlink(secret, path.join(dir, "dokumen/kunci.txt"));
    expect(await problemLines()).to.deep.equal([`dokumen/kunci.txt:1: ${REFUSED}`]);
  });

  it("refuses a documents folder that is itself a link", async () => {
    await rm(path.join(dir, "dokumen"), { recursive: true });
    await cp("test/fixtures/content/valid/dokumen", path.join(outside, "dokumen"), { recursive: true });
    await symlink(path.join(outside, "dokumen"), path.join(dir, "dokumen"));
    expect(await problemLines()).to.deep.equal([`dokumen:1: ${REFUSED}`]);
  });

  it("refuses a content file that is a link, since its text would be shown to employees", async () => {
    await rm(path.join(dir, "tentang.md"));
    await symlink(secret, path.join(dir, "tentang.md"));
    expect(await problemLines()).to.deep.equal([`tentang.md:1: ${REFUSED}`]);
  });

  it("makes npm run content:check name the link and exit 1", async () => {
    await symlink(secret, path.join(dir, "dokumen/kunci.txt"));
    const { status, stderr } = spawnSync(process.execPath, ["--import", "tsx", "src/cli/content-check.ts", dir], { encoding: "utf8" });
    expect(status).to.equal(1);
    expect(stderr).to.contain(`dokumen/kunci.txt:1: ${REFUSED}`);
    expect(stderr).to.not.contain(SECRET.trim());
  });

  describe("in the running bot", () => {
    let store: ContentStore | undefined;
    afterEach(() => {
      store?.close();
      store = undefined;
    });

    it("refuses to start from a folder holding a link", async () => {
      await symlink(secret, path.join(dir, "dokumen/kunci.txt"));
      const refusal = await ContentStore.open(dir, { info() {}, warn() {} }, { debounceMs: 50 }).then(
        (opened) => {
          store = opened;
          return undefined;
        },
        (err: unknown) => err,
      );
      expect(refusal).to.be.instanceOf(ContentError);
      expect((refusal as ContentError).message).to.contain(`dokumen/kunci.txt:1: ${REFUSED}`);
    });

    it("keeps the last valid documents when a document is swapped for a link", async () => {
      let warned: (meta: object | undefined) => void = () => {};
      const warning = new Promise<object | undefined>((resolve) => (warned = resolve));
      store = await ContentStore.open(dir, { info() {}, warn: (_msg, meta) => warned(meta) }, { debounceMs: 50 });
      const before = store.current();

      await rm(path.join(dir, "dokumen/contoh.txt"));
      await symlink(secret, path.join(dir, "dokumen/contoh.txt"));

      expect(JSON.stringify(await warning)).to.contain(`dokumen/contoh.txt:1: ${REFUSED}`);
      expect(store.current()).to.equal(before);
      expect(store.current().documents[0]!.size).to.equal(11);
    });
  });
});
