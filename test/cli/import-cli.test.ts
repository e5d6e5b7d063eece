// `npm run import` as the HR admin runs it: the file type chosen by extension, and every problem at FILE:LINE or
// FILE:SHEET!ROW.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const TSX = import.meta.resolve("tsx");
const FIXTURES = path.resolve("test/fixtures/xlsx");

/** Runs `npm run import -- …` as npm would (tsx), from `cwd`, on an SQLite file there. */
function runImport(args: string[], cwd: string) {
  return spawnSync(process.execPath, ["--import", TSX, path.resolve("src/cli/import.ts"), ...args], {
    cwd,
    encoding: "utf8",
    // Set (even empty), these win over a developer's .env: dotenv never overrides the environment.
    env: { ...process.env, DATABASE_URL: "", SQLITE_FILE: path.join(cwd, "db.sqlite") },
    timeout: 60_000,
  });
}

describe("npm run import", function () {
  this.timeout(120_000);
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "sinawai-import-"));
    for (const name of ["pegawai.xlsx", "pegawai-nip-angka.xlsx", "tunkin-baris-rusak.xlsx"]) copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a file that is neither .csv nor .xlsx, listing what it takes, with exit code 2", () => {
    for (const name of ["pegawai.xls", "pegawai.ods"]) {
      writeFileSync(path.join(dir, name), "");
      const result = runImport(["pegawai", name], dir);
      expect(result.status, result.stderr).to.equal(2);
      expect(result.stderr).to.contain(`Jenis berkas tidak diterima: ${name}`).and.contain(".csv").and.contain(".xlsx");
    }
  });

  it("imports a workbook, and places a workbook's problems at FILE:SHEET!ROW, quoting a sheet name with spaces", () => {
    const pegawai = runImport(["pegawai", "pegawai.xlsx"], dir);
    expect(pegawai.status, pegawai.stderr).to.equal(0);
    expect(pegawai.stdout).to.contain("Selesai: 3 ditambahkan, 0 diperbarui.");

    const nip = runImport(["pegawai", "pegawai-nip-angka.xlsx"], dir);
    expect(nip.status, nip.stderr).to.equal(1);
    expect(nip.stderr).to.contain('pegawai-nip-angka.xlsx:Pegawai!2: nip: "198501012010011000" disimpan Excel sebagai angka');

    const tunkin = runImport(["tunkin", "tunkin-baris-rusak.xlsx"], dir);
    expect(tunkin.status, tunkin.stderr).to.equal(1);
    expect(tunkin.stderr).to.contain("tunkin-baris-rusak.xlsx:'Data Tunkin'!4: nominal:").and.contain("tidak ada data yang disimpan");
  });

  it("still places a CSV file's problems at FILE:LINE, whatever the case of its extension", () => {
    writeFileSync(path.join(dir, "PEGAWAI.CSV"), "nip,nama,password\n1.98501E+17,Budi,rahasia\n");
    const result = runImport(["pegawai", "PEGAWAI.CSV"], dir);
    expect(result.status, result.stderr).to.equal(1);
    expect(result.stderr).to.contain("PEGAWAI.CSV:2: nip:");
  });
});
