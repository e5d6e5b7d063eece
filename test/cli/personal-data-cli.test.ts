import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { confirmsErasure, parsePersonalDataArgs } from "../../src/cli/personal-data-args.js";
import { migrateToLatest, openDatabase } from "../../src/db/database.js";
import { bindTelegram, upsertPengguna } from "../../src/db/pengguna-repo.js";
import { insertPesan } from "../../src/db/pesan-repo.js";
import { upsertTunkin } from "../../src/db/tunkin-repo.js";
import { wibDate } from "../../src/report/period.js";

const NIP = "198501012010011001";
const BOTH = { out: true, yes: true };
const TSX = import.meta.resolve("tsx");

/** Runs `npm run export|erase -- …` as npm would (tsx), from `cwd`, on an SQLite file, with stdin not a terminal. */
function run(command: "export" | "erase", args: string[], sqliteFile: string, cwd: string) {
  return spawnSync(process.execPath, ["--import", TSX, path.resolve(`src/cli/${command}.ts`), ...args], {
    cwd,
    encoding: "utf8",
    // Set (even empty), these win over a developer's .env: dotenv never overrides the environment.
    env: { ...process.env, DATABASE_URL: "", SQLITE_FILE: sqliteFile },
    stdio: ["pipe", "pipe", "pipe"],
    timeout: 30_000,
  });
}

describe("reading the export and erase arguments", () => {
  it("takes a NIP written in groups, --out and --yes where the command accepts them", () => {
    expect(parsePersonalDataArgs(["19850101", "201001", "1", "001", "--out", "a.json"], BOTH)).to.deep.equal({ kind: "run", nip: NIP, out: "a.json", yes: false });
    expect(parsePersonalDataArgs(["--yes", NIP], BOTH)).to.deep.equal({ kind: "run", nip: NIP, out: undefined, yes: true });
    expect(parsePersonalDataArgs([NIP, "--out=b.json"], BOTH)).to.deep.include({ out: "b.json" });
    expect(parsePersonalDataArgs([NIP, "--yes"], { out: true, yes: false })).to.deep.equal({ kind: "invalid", problem: "argumen tidak dikenal: --yes" });
    expect(parsePersonalDataArgs([NIP, "--out"], BOTH)).to.deep.equal({ kind: "invalid", problem: "--out perlu nama berkas" });
    expect(parsePersonalDataArgs([], BOTH)).to.deep.equal({ kind: "invalid", problem: "NIP wajib diisi" });
    expect(parsePersonalDataArgs(["-h"], BOTH)).to.deep.equal({ kind: "help" });
  });

  it("says why a NIP cannot be one", () => {
    const bad = parsePersonalDataArgs(["12345"], BOTH);
    expect(bad.kind).to.equal("bad-nip");
    expect(bad.kind === "bad-nip" && bad.problem).to.contain("NIP tidak sah").and.contain("18 digit");
  });

  it("takes the NIP again or 'ya' as the confirmation of an erasure, nothing else", () => {
    for (const yes of ["ya", " YA ", NIP, "19850101 201001 1 001"]) expect(confirmsErasure(yes, NIP), yes).to.equal(true);
    for (const no of ["", "y", "yes", "tidak", "198501012010011002"]) expect(confirmsErasure(no, NIP), no).to.equal(false);
  });
});

describe("npm run export and npm run erase", function () {
  this.timeout(60_000);
  let dir: string;
  let sqliteFile: string;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "sinawai-pdp-"));
    sqliteFile = path.join(dir, "db.sqlite");
    const db = openDatabase({ client: "better-sqlite3", connection: sqliteFile });
    await migrateToLatest(db);
    await upsertPengguna(db, [{ nip: NIP, nama: "Budi Santoso", password: "scrypt$rahasia-hash", unit_kerja: "Biro Umum" }], Date.now());
    await bindTelegram(db, NIP, 801, Date.now());
    await upsertTunkin(db, [{ nip: NIP, periode: "2026-10", kelas_jabatan: 9, nominal: 7_500_000, potongan: 0, keterangan: null }]);
    await insertPesan(db, [
      { waktu: Date.now(), arah: "masuk", id_chat: 801, id_pengirim: 801, pengirim: "Budi", isi_pesan: "Kapan tunkin cair?", jenis: "teks", perintah: null, data: "{}", id_pesan: 1, update_id: 1 },
    ]);
    await db.destroy();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("export: refuses a malformed or unknown NIP in Indonesian with exit code 1", () => {
    const malformed = run("export", ["1985"], sqliteFile, dir);
    expect(malformed.status, malformed.stderr).to.equal(1);
    expect(malformed.stderr).to.contain("NIP tidak sah");
    const unknown = run("export", ["199002022015032002"], sqliteFile, dir);
    expect(unknown.status, unknown.stderr).to.equal(1);
    expect(unknown.stderr).to.contain("NIP 199002022015032002 tidak ada di data pegawai");
    expect(readdirSync(dir).filter((f) => f.endsWith(".json"))).to.deep.equal([]);
  });

  it("export: writes ekspor-NIP-DATE.json readable by its owner only, and says where and how many of each", () => {
    // An earlier export left with wider permissions does not keep them.
    const file = path.join(dir, `ekspor-${NIP}-${wibDate(Date.now())}.json`);
    writeFileSync(file, "lama", { mode: 0o644 });
    const result = run("export", ["19850101", "201001", "1", "001"], sqliteFile, dir);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.contain(`ditulis ke ${file}`);
    expect(result.stdout).to.match(/pengguna\s+1\s/).and.match(/tunkin\s+1\s/).and.match(/pesan\s+1\s/).and.match(/tiket\s+0\s/);
    expect(statSync(file).mode & 0o777).to.equal(0o600);
    const text = readFileSync(file, "utf8");
    expect(text).not.to.contain("rahasia-hash");
    const data = JSON.parse(text) as { pengguna: { nama: string }; pesan: { isi_pesan: string }[]; tunkin: { nominal: number }[] };
    expect(data.pengguna.nama).to.equal("Budi Santoso");
    expect(data.pesan[0]!.isi_pesan).to.equal("Kapan tunkin cair?");
    expect(data.tunkin[0]!.nominal).to.equal(7_500_000);
  });

  it("export: --out chooses the file, and its folder is made", () => {
    const out = path.join(dir, "permintaan", "budi.json");
    const result = run("export", [NIP, "--out", out], sqliteFile, dir);
    expect(result.status, result.stderr).to.equal(0);
    expect(statSync(out).mode & 0o777).to.equal(0o600);
  });

  it("erase: without a terminal to ask on and without --yes, refuses and changes nothing", async () => {
    const result = run("erase", [NIP], sqliteFile, dir);
    expect(result.status).to.equal(1);
    expect(result.stderr).to.contain("tidak ada terminal").and.contain("--yes");
    const db = openDatabase({ client: "better-sqlite3", connection: sqliteFile });
    try {
      expect((await db("pesan").select("id")).length).to.equal(1);
      expect(Number((await db("pengguna").first()).id_telegram)).to.equal(801);
    } finally {
      await db.destroy();
    }
  });

  it("erase --yes: removes the messages and the binding, says what it removed per table and that the HR record stays", async () => {
    const result = run("erase", [NIP, "--yes"], sqliteFile, dir);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.contain("Data pribadi Budi Santoso (NIP 198501012010011001) dihapus");
    expect(result.stdout).to.match(/pesan\s+1 baris dihapus/).and.match(/antrian_kirim\s+0 baris dihapus/).and.match(/update_masuk\s+0 baris dihapus/);
    expect(result.stdout).to.contain("ikatan Telegram dilepas").and.contain("Data kepegawaian (pengguna, tunkin, cuti) TIDAK dihapus");
    const db = openDatabase({ client: "better-sqlite3", connection: sqliteFile });
    try {
      expect(await db("pesan").select("id")).to.deep.equal([]);
      const employee = await db("pengguna").first();
      expect([employee.nama, employee.id_telegram]).to.deep.equal(["Budi Santoso", null]);
      expect((await db("tunkin").select("id")).length).to.equal(1);
    } finally {
      await db.destroy();
    }
    const unknown = run("erase", ["199002022015032002", "--yes"], sqliteFile, dir);
    expect(unknown.status).to.equal(1);
    expect(unknown.stderr).to.contain("tidak ada di data pegawai; tidak ada yang dihapus");
  });
});
