import { expect } from "chai";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ContentError, ContentStore } from "../../src/content/content-store.js";
import type { Content } from "../../src/content/types.js";
import { watchContent } from "../../src/content/watch-content.js";

interface Entry {
  level: "info" | "warn";
  msg: string;
  meta?: object;
}

function recordingLog(): { entries: Entry[]; info(msg: string, meta?: object): void; warn(msg: string, meta?: object): void } {
  const entries: Entry[] = [];
  return {
    entries,
    info: (msg, meta) => entries.push({ level: "info", msg, ...(meta ? { meta } : {}) }),
    warn: (msg, meta) => entries.push({ level: "warn", msg, ...(meta ? { meta } : {}) }),
  };
}

async function eventually(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const topicTitle = (content: Content): string => content.categories.find((category) => category.key === "mutasi")!.topics[0]!.title;

describe("editing content while the bot runs", () => {
  let dir: string;
  let store: ContentStore | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sinawai-content-"));
    await cp("test/fixtures/content/valid", dir, { recursive: true });
  });

  afterEach(async () => {
    store?.close();
    store = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it("shows a valid edit within two seconds and logs it", async () => {
    const log = recordingLog();
    store = await ContentStore.open(dir, log, { debounceMs: 50 });
    const reloaded: Content[] = [];
    store.on("reload", (content) => reloaded.push(content));
    expect(topicTitle(store.current())).to.equal("Kenaikan Pangkat");

    const file = path.join(dir, "mutasi.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("## Kenaikan Pangkat", "## Kenaikan Pangkat Reguler"));

    await eventually(() => topicTitle(store!.current()) === "Kenaikan Pangkat Reguler");
    expect(reloaded).to.have.length(1);
    expect(log.entries.filter((entry) => entry.level === "info").map((entry) => entry.msg)).to.deep.equal(["konten dimuat", "konten diperbarui"]);
  });

  it("keeps the previous content after a broken edit and logs every problem as a warning", async () => {
    const log = recordingLog();
    store = await ContentStore.open(dir, log, { debounceMs: 50 });
    const before = store.current();

    await writeFile(path.join(dir, "mutasi.md"), "Pengantar tanpa judul kategori.\n\n## Kosong\n");
    await eventually(() => log.entries.some((entry) => entry.level === "warn"));

    const warning = log.entries.find((entry) => entry.level === "warn")!;
    expect(warning.meta).to.deep.include({
      problems: [
        "mutasi.md:1: judul kategori tidak ada: baris pertama harus berupa \"# \" lalu judulnya, contoh \"# Mutasi Pegawai\"",
        "mutasi.md:3: jawaban topik ini kosong",
      ],
    });
    expect(store.current()).to.equal(before);
  });

  it("refuses to start from a broken folder, listing the problems", async () => {
    await rm(path.join(dir, "tentang.md"));
    const failure = await ContentStore.open(dir, recordingLog()).then(
      () => undefined,
      (error: unknown) => error,
    );
    if (!(failure instanceof ContentError)) throw new Error(`expected a ContentError, got ${String(failure)}`);
    expect(failure.problems.map((problem) => problem.file)).to.deep.equal(["tentang.md"]);
    expect(failure.message).to.contain("tentang.md:1: berkas wajib ini tidak ditemukan");
  });

  it("falls back to polling where the folder cannot be watched", async () => {
    const reasons: string[] = [];
    let changes = 0;
    const watcher = watchContent(dir, () => changes++, {
      debounceMs: 20,
      pollMs: 100,
      watch: () => {
        throw new Error("ENOSPC: System limit for number of file watchers reached");
      },
      onFallback: (reason) => reasons.push(reason),
    });
    try {
      expect(reasons).to.have.length(1);
      await eventually(() => changes === 1);
      await new Promise((resolve) => setTimeout(resolve, 250));
      await writeFile(path.join(dir, "dokumen", "contoh.txt"), "isi yang sudah diubah\n");
      await eventually(() => changes === 2);
    } finally {
      watcher.close();
    }
  });
});
