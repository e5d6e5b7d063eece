// The import service against real databases: counts, what a re-import keeps, all-or-nothing writes, Unicode.
import { expect } from "chai";
import type { Db } from "../../src/db/database.js";
import {
  importFile,
  type ImportKind,
  type ImportProgress,
  type ImportResult,
} from "../../src/domain/csv-import/import-service.js";
import { verifyPassword } from "../../src/domain/passwords.js";
import { upsertPengguna } from "../../src/db/pengguna-repo.js";
import { close, testDatabases } from "../support/test-db.js";

const NIP_A = "198501012010011001";
const NIP_B = "199002022015032002";
const NIP_C = "197712312005011003";
const NOW = Date.UTC(2026, 0, 5);

function csv(...lines: string[]): Buffer {
  return Buffer.from(lines.join("\r\n") + "\r\n", "utf8");
}

async function imported(db: Db, kind: ImportKind, bytes: Buffer, onProgress?: (p: ImportProgress) => void) {
  const result = await importFile(db, kind, bytes, { now: NOW, onProgress });
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.problems)}`);
  return { inserted: result.inserted, updated: result.updated };
}

function rejected(result: ImportResult) {
  if (result.ok) throw new Error("expected the file to be rejected");
  return result.problems;
}

async function count(db: Db, table: string): Promise<number> {
  const row = await db(table).count<{ n: number | string }[]>({ n: "*" }).first();
  return Number(row?.n);
}

for (const t of testDatabases()) {
  describe(`import on ${t.name}`, () => {
    let db: Db;
    beforeEach(async () => {
      db = await t.open();
    });
    afterEach(async () => {
      await close(db);
    });

    describe("pegawai", () => {
      it("inserts new employees, and a re-import updates them, counting each", async () => {
        const first = csv("nip,nama,password,jabatan", `${NIP_A},Budi,rahasia1,Analis`, `${NIP_B},Ani,rahasia2,Pranata`);
        expect(await imported(db, "pegawai", first)).to.deep.equal({ inserted: 2, updated: 0 });

        const second = csv("nip,nama,password,jabatan", `${NIP_B},Ani Lestari,,Pranata Ahli`, `${NIP_C},Citra,rahasia3,`);
        expect(await imported(db, "pegawai", second)).to.deep.equal({ inserted: 1, updated: 1 });

        const rows = await db("pengguna").orderBy("nip").select("nip", "nama", "jabatan", "hak_pengguna", "status");
        expect(rows).to.deep.equal([
          { nip: NIP_C, nama: "Citra", jabatan: null, hak_pengguna: "pegawai", status: "aktif" },
          { nip: NIP_A, nama: "Budi", jabatan: "Analis", hak_pengguna: "pegawai", status: "aktif" },
          { nip: NIP_B, nama: "Ani Lestari", jabatan: "Pranata Ahli", hak_pengguna: "pegawai", status: "aktif" },
        ]);
      });

      it("keeps the Telegram binding on a re-import, and the password hash when the cell is blank", async () => {
        await imported(db, "pegawai", csv("nip;nama;password", `${NIP_A};Budi;rahasia1`));
        const telegramId = 7_123_456_789;
        await db("pengguna").where({ nip: NIP_A }).update({ id_telegram: telegramId, terdaftar_pada: NOW });
        const before = await db("pengguna").where({ nip: NIP_A }).first();

        await imported(db, "pegawai", csv("nip;nama;password", `${NIP_A};Budi Santoso;`));
        const after = await db("pengguna").where({ nip: NIP_A }).first();
        expect(Number(after.id_telegram)).to.equal(telegramId);
        expect(after.password).to.equal(before.password);
        expect(after.nama).to.equal("Budi Santoso");
        expect(await verifyPassword("rahasia1", after.password)).to.equal(true);

        await imported(db, "pegawai", csv("nip;nama;password", `${NIP_A};Budi Santoso;baru123`));
        const changed = await db("pengguna").where({ nip: NIP_A }).first();
        expect(await verifyPassword("baru123", changed.password)).to.equal(true);
        expect(Number(changed.id_telegram)).to.equal(telegramId);
      });

      it("keeps stored columns the file leaves out, and a blank hak_pengguna or status", async () => {
        const full = csv(
          "nip,nama,password,jabatan,unit_kerja,pangkat_golongan,hak_pengguna,status",
          `${NIP_A},Budi,x,Kabag,Biro OSDM,III/d,ADMIN,nonaktif`,
        );
        await imported(db, "pegawai", full);
        await imported(db, "pegawai", csv("nip,nama,password", `${NIP_A},Budi S,`));
        await imported(db, "pegawai", csv("nip,nama,password,hak_pengguna,status,jabatan", `${NIP_A},Budi S,,,,`));
        const row = await db("pengguna").where({ nip: NIP_A }).first();
        expect(row).to.include({ nama: "Budi S", jabatan: null, unit_kerja: "Biro OSDM", pangkat_golongan: "III/d" });
        expect(row).to.include({ hak_pengguna: "admin", status: "nonaktif" });
      });

      it("rejects a blank password for a new employee", async () => {
        await imported(db, "pegawai", csv("nip,nama,password", `${NIP_A},Budi,x`));
        const file = csv("nip,nama,password", `${NIP_A},Budi,`, `${NIP_B},Ani,`);
        const problems = rejected(await importFile(db, "pegawai", file));
        expect(problems).to.deep.equal([
          { line: 3, message: "password wajib diisi untuk pegawai baru (NIP ini belum ada di database)" },
        ]);
        expect(await count(db, "pengguna")).to.equal(1);
      });

      it("writes nothing when one row is bad, and lists every problem in line order", async () => {
        const file = csv(
          "nip,nama,password",
          `${NIP_A},Budi,x`,
          `1.98501E+17,Ani,y`,
          `${NIP_C},Citra,`,
          `${NIP_A},Budi lagi,z`,
        );
        const problems = rejected(await importFile(db, "pegawai", file));
        expect(problems.map((p) => p.line)).to.deep.equal([3, 4, 5]);
        expect(problems[0]!.message).to.contain("notasi ilmiah");
        expect(problems[2]!.message).to.contain("baris 2");
        expect(await count(db, "pengguna")).to.equal(0);
      });

      it("reports hashing progress for the passwords given, then writing progress", async () => {
        await upsertPengguna(db, [{ nip: NIP_C, nama: "C" }], NOW);
        const events: ImportProgress[] = [];
        const file = csv("nip,nama,password", `${NIP_A},A,x`, `${NIP_B},B,y`, `${NIP_C},C,`);
        await imported(db, "pegawai", file, (p) => events.push(p));
        expect(events).to.deep.equal([
          { stage: "hash", done: 2, total: 2 },
          { stage: "write", done: 3, total: 3 },
        ]);
      });

      it("keeps emoji and non-Latin names intact", async () => {
        const nama = "Siti Nurhaliza 🌸 Ñúñez 日本";
        const jabatan = "Analis SDM Aparatur — Ahli Muda 👩‍💼";
        await imported(db, "pegawai", csv("nip,nama,password,jabatan", `${NIP_A},${nama},x,"${jabatan}"`));
        const row = await db("pengguna").where({ nip: NIP_A }).first();
        expect(row).to.include({ nama, jabatan });
      });
    });

    describe("tunkin", () => {
      beforeEach(async () => {
        await upsertPengguna(db, [{ nip: NIP_A, nama: "Budi" }, { nip: NIP_B, nama: "Ani" }], NOW);
      });

      it("inserts months, and a re-import updates a month by NIP and periode", async () => {
        const header = "nip;periode;nominal;potongan;kelas_jabatan;keterangan";
        const first = csv(
          header,
          `${NIP_A};2024-01;Rp 7.500.000;0;9;`,
          `${NIP_A};2024-02;7.500.000;Rp 150.000;9;Terlambat 🙏`,
        );
        expect(await imported(db, "tunkin", first)).to.deep.equal({ inserted: 2, updated: 0 });
        const second = csv(header, `${NIP_A};2024-02;7500000;0;9;`, `${NIP_B};2024-02;5.000.000;0;;`);
        expect(await imported(db, "tunkin", second)).to.deep.equal({ inserted: 1, updated: 1 });

        const rows = await db("tunkin")
          .orderBy(["nip", "periode"])
          .select("nip", "periode", "nominal", "potongan", "kelas_jabatan", "keterangan");
        expect(rows.map((r) => ({ ...r, nominal: Number(r.nominal), potongan: Number(r.potongan) }))).to.deep.equal([
          { nip: NIP_A, periode: "2024-01", nominal: 7_500_000, potongan: 0, kelas_jabatan: 9, keterangan: null },
          { nip: NIP_A, periode: "2024-02", nominal: 7_500_000, potongan: 0, kelas_jabatan: 9, keterangan: null },
          { nip: NIP_B, periode: "2024-02", nominal: 5_000_000, potongan: 0, kelas_jabatan: null, keterangan: null },
        ]);
      });

      it("rejects a row whose NIP is not an employee, and writes none of the file", async () => {
        const file = csv("nip,periode,nominal,potongan", `${NIP_A},2024-01,100,0`, `${NIP_C},2024-01,100,0`);
        expect(rejected(await importFile(db, "tunkin", file))).to.deep.equal([
          { line: 3, message: "NIP ini tidak terdaftar di data pegawai; impor data pegawai-nya lebih dulu" },
        ]);
        expect(await count(db, "tunkin")).to.equal(0);
      });

      it("writes a large file in chunks, reporting each", async () => {
        const nips = Array.from({ length: 100 }, (_, i) => `19850101201001${String(1001 + i).padStart(4, "0")}`);
        await upsertPengguna(db, nips.map((nip) => ({ nip, nama: `Pegawai ${nip}` })), NOW);
        const lines = nips.flatMap((nip) =>
          Array.from({ length: 12 }, (_, m) => `${nip},2024-${String(m + 1).padStart(2, "0")},7.500.000,0`),
        );
        const events: ImportProgress[] = [];
        const counts = await imported(db, "tunkin", csv("nip,periode,nominal,potongan", ...lines), (p) => events.push(p));
        expect(counts).to.deep.equal({ inserted: 1200, updated: 0 });
        expect(events.map((e) => e.done)).to.deep.equal([500, 1000, 1200]);
        expect(await count(db, "tunkin")).to.equal(1200);
      });
    });

    describe("cuti", () => {
      beforeEach(async () => {
        await upsertPengguna(db, [{ nip: NIP_A, nama: "Budi" }], NOW);
      });

      it("upserts by NIP, year and leave type, the type matched case-insensitively", async () => {
        const header = "nip,tahun,jenis_cuti,hak_hari,terpakai_hari";
        const first = csv(header, `${NIP_A},2024,Tahunan,12,3`, `${NIP_A},2024,Sakit,14,0`);
        expect(await imported(db, "cuti", first)).to.deep.equal({ inserted: 2, updated: 0 });
        const second = csv(header, `${NIP_A},2024,tahunan,12,15`, `${NIP_A},2025,Tahunan,12,0`);
        expect(await imported(db, "cuti", second)).to.deep.equal({ inserted: 1, updated: 1 });

        const rows = await db("cuti")
          .orderBy(["tahun", "jenis_cuti"])
          .select("tahun", "jenis_cuti", "hak_hari", "terpakai_hari");
        expect(rows).to.deep.equal([
          { tahun: 2024, jenis_cuti: "Sakit", hak_hari: 14, terpakai_hari: 0 },
          { tahun: 2024, jenis_cuti: "Tahunan", hak_hari: 12, terpakai_hari: 15 },
          { tahun: 2025, jenis_cuti: "Tahunan", hak_hari: 12, terpakai_hari: 0 },
        ]);
      });

      it("rejects a negative day count and writes nothing", async () => {
        const file = csv(
          "nip,tahun,jenis_cuti,hak_hari,terpakai_hari",
          `${NIP_A},2024,Tahunan,12,3`,
          `${NIP_A},2024,Besar,-1,0`,
        );
        expect(rejected(await importFile(db, "cuti", file))).to.deep.equal([
          { line: 3, message: 'hak_hari: "-1" tidak boleh negatif' },
        ]);
        expect(await count(db, "cuti")).to.equal(0);
      });
    });
  });
}
