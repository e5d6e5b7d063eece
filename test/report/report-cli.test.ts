import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateToLatest, openDatabase } from "../../src/db/database.js";
import { insertPesan } from "../../src/db/pesan-repo.js";

/** Runs `npm run report -- …` as npm would (tsx), on an SQLite file and the fixture content. */
function report(args: string[], sqliteFile: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", "src/cli/report.ts", ...args], {
    encoding: "utf8",
    // Set (even empty), these win over a developer's .env: dotenv never overrides the environment.
    env: { ...process.env, DATABASE_URL: "", SQLITE_FILE: sqliteFile, CONTENT_DIR: "test/fixtures/content/valid", TARGET_JAWAB_JAM: "8", ...env },
    timeout: 30_000,
  });
}

describe("npm run report", function () {
  this.timeout(60_000);
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "sinawai-report-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("answers bad arguments with the usage in Indonesian and exit code 2", () => {
    for (const args of [[], ["--from", "2026-11-01"], ["--from", "2026-11-31", "--to", "2026-12-01"], ["--since", "2026-11-01"]]) {
      const run = report(args, path.join(dir, "db.sqlite"));
      expect(run.status, `${args.join(" ")}: ${run.stderr}`).to.equal(2);
      expect(run.stderr).to.contain("Argumen tidak sah").and.contain("Pemakaian: npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD");
    }
  });

  it("writes the HTML file of the period from the configured database", async () => {
    const sqliteFile = path.join(dir, "db.sqlite");
    const db = openDatabase({ client: "better-sqlite3", connection: sqliteFile });
    await migrateToLatest(db);
    const at = Date.parse("2026-11-02T08:00:00+07:00");
    await insertPesan(db, [{ waktu: at, arah: "masuk", id_chat: 5, id_pengirim: 5, pengirim: "x", isi_pesan: "/tunkin", jenis: "perintah", perintah: "tunkin", data: "{}", id_pesan: 1, update_id: 1 }]);
    await db.destroy();

    const out = path.join(dir, "laporan.html");
    const run = report(["--from", "2026-11-01", "--to", "2026-11-30", "--out", out], sqliteFile);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.contain(out);
    const html = readFileSync(out, "utf8");
    expect(html).to.match(/^<!doctype html>/).and.contain("1–30 November 2026");
    expect(html).to.contain('data-date="2026-11-02"><rect class="bar" data-series="0" data-value="1"');
    // Topic titles come from CONTENT_DIR: the fixture's topics are listed as never read.
    expect(html).to.contain("Kenaikan Pangkat").and.contain("Izin Belajar");
  });

  it("judges first answers against the bot's TARGET_JAWAB_JAM, and refuses one that is no number of hours", () => {
    const sqliteFile = path.join(dir, "db.sqlite");
    const out = path.join(dir, "laporan.html");
    const run = report(["--from", "2026-11-01", "--to", "2026-11-30", "--out", out], sqliteFile, { TARGET_JAWAB_JAM: "4,5" });
    expect(run.status, run.stderr).to.equal(0);
    expect(readFileSync(out, "utf8")).to.contain("Dijawab dalam 4,5 jam layanan");

    const wrong = report(["--from", "2026-11-01", "--to", "2026-11-30", "--out", out], sqliteFile, { TARGET_JAWAB_JAM: "delapan" });
    expect(wrong.status).to.equal(1);
    expect(wrong.stderr).to.contain("TARGET_JAWAB_JAM harus jumlah jam kerja lebih dari 0");
  });
});
