// The files holding personal data (the SQLite database and the service report) are created owner-only.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateToLatest, openDatabase } from "../../src/db/database.js";

const modeOf = (file: string): string => (statSync(file).mode & 0o777).toString(8).padStart(4, "0");

describe("file modes of what the bot and the report write", function () {
  this.timeout(60_000);
  let dir: string;
  let umask: number;

  // The usual umask, which on its own would make new files 0644 and folders 0755.
  before(() => {
    umask = process.umask(0o022);
  });
  after(() => process.umask(umask));
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "sinawai-modes-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("creates a new SQLite database 0600, its -wal and -shm files too, in new folders 0700", async () => {
    const file = path.join(dir, "data/sub/sinawai.sqlite");
    const db = openDatabase({ client: "better-sqlite3", connection: file });
    try {
      await migrateToLatest(db);
      // Looked at while the connection is open: SQLite removes the -wal and -shm files when the last one closes.
      expect({ file: modeOf(file), wal: modeOf(`${file}-wal`), shm: modeOf(`${file}-shm`) }).to.deep.equal({ file: "0600", wal: "0600", shm: "0600" });
    } finally {
      await db.destroy();
    }
    expect({ data: modeOf(path.join(dir, "data")), sub: modeOf(path.join(dir, "data/sub")) }).to.deep.equal({ data: "0700", sub: "0700" });
  });

  it("leaves an existing database file and folder with the modes the admin gave them", async () => {
    const folder = path.join(dir, "data");
    mkdirSync(folder);
    chmodSync(folder, 0o750);
    const file = path.join(folder, "sinawai.sqlite");
    writeFileSync(file, "");
    chmodSync(file, 0o640);
    const db = openDatabase({ client: "better-sqlite3", connection: file });
    try {
      await migrateToLatest(db);
    } finally {
      await db.destroy();
    }
    expect({ folder: modeOf(folder), file: modeOf(file) }).to.deep.equal({ folder: "0750", file: "0640" });
  });

  it("writes the service report 0600, in a new folder 0700", async () => {
    const sqliteFile = path.join(dir, "db.sqlite");
    const out = path.join(dir, "laporan/2026-11/laporan.html");
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/report.ts", "--from", "2026-11-01", "--to", "2026-11-30", "--out", out], {
      encoding: "utf8",
      // Set (even empty), these win over a developer's .env: dotenv never overrides the environment.
      env: { ...process.env, DATABASE_URL: "", SQLITE_FILE: sqliteFile, CONTENT_DIR: "test/fixtures/content/valid" },
      timeout: 30_000,
    });
    expect(run.status, run.stderr).to.equal(0);
    expect(modeOf(out)).to.equal("0600");
    expect({ laporan: modeOf(path.join(dir, "laporan")), month: modeOf(path.dirname(out)) }).to.deep.equal({ laporan: "0700", month: "0700" });
  });
});
