// Importing Excel workbooks saved by a spreadsheet program (LibreOffice Calc, see test/fixtures/xlsx/README.md) on
// real databases: the CSV import's rules, with Excel's numbers, dates, formulas and empty rows.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import ExcelJS, { type Worksheet } from "exceljs";
import type { Db } from "../../src/db/database.js";
import { upsertPengguna } from "../../src/db/pengguna-repo.js";
import { importFile, type ImportKind, type ImportResult } from "../../src/domain/csv-import/import-service.js";
import { pegawaiRows } from "../../src/domain/csv-import/pegawai-rows.js";
import { readXlsx } from "../../src/domain/csv-import/read-xlsx.js";
import { verifyPassword } from "../../src/domain/passwords.js";
import { close, testDatabases } from "../support/test-db.js";

const NIP_A = "198501012010011001";
const NIP_B = "199002022015032002";
const NIP_C = "197712312005011003";
const NOW = Date.UTC(2026, 0, 5);

function fixture(name: string): Buffer {
  return readFileSync(path.resolve("test/fixtures/xlsx", name));
}

function importXlsx(db: Db, kind: ImportKind, bytes: Uint8Array): Promise<ImportResult> {
  return importFile(db, kind, bytes, { format: "xlsx", now: NOW });
}

function imported(result: ImportResult) {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.problems)}`);
  return { inserted: result.inserted, updated: result.updated, sheet: result.sheet };
}

function rejected(result: ImportResult) {
  if (result.ok) throw new Error("expected the file to be rejected");
  return result;
}

async function count(db: Db, table: string): Promise<number> {
  const row = await db(table).count<{ n: number | string }[]>({ n: "*" }).first();
  return Number(row?.n);
}

for (const t of testDatabases()) {
  describe(`Excel import on ${t.name}`, () => {
    let db: Db;
    beforeEach(async () => {
      db = await t.open();
    });
    afterEach(async () => {
      await close(db);
    });

    it("pegawai: reads the first sheet, a password typed as a number and choices in any case", async () => {
      expect(imported(await importXlsx(db, "pegawai", fixture("pegawai.xlsx")))).to.deep.equal({ inserted: 3, updated: 0, sheet: "Pegawai" });
      const rows = await db("pengguna").orderBy("nip").select("nip", "nama", "jabatan", "hak_pengguna", "status");
      expect(rows).to.deep.equal([
        { nip: NIP_C, nama: "Citra Dewi 🌸", jabatan: null, hak_pengguna: "pegawai", status: "nonaktif" },
        { nip: NIP_A, nama: "Budi Santoso, S.Kom.", jabatan: "Analis SDM Aparatur", hak_pengguna: "pegawai", status: "aktif" },
        { nip: NIP_B, nama: 'Siti "Ani" Rahmawati', jabatan: "Pranata Komputer", hak_pengguna: "admin", status: "aktif" },
      ]);
      const siti = await db("pengguna").where({ nip: NIP_B }).first("password");
      expect(await verifyPassword("20240101", siti.password)).to.equal(true);
    });

    it("pegawai: skips empty rows, rows of spaces and formatted empty rows, between the data and below it", async () => {
      expect(imported(await importXlsx(db, "pegawai", fixture("pegawai-baris-kosong.xlsx")))).to.include({ inserted: 2 });
      expect(await count(db, "pengguna")).to.equal(2);
    });

    it("pegawai: refuses a NIP stored as a number at its sheet and row, saying how to fix it, and writes nothing", async () => {
      const result = rejected(await importXlsx(db, "pegawai", fixture("pegawai-nip-angka.xlsx")));
      expect(result.sheet).to.equal("Pegawai");
      expect(result.problems).to.have.length(1);
      expect(result.problems[0]!.line).to.equal(2);
      expect(result.problems[0]!.message).to.contain("nip:").and.contain("sebagai angka").and.contain("Teks").and.contain("CSV");
      expect(await count(db, "pengguna")).to.equal(0);
    });

    describe("of known employees", () => {
      beforeEach(async () => {
        await upsertPengguna(db, [{ nip: NIP_A, nama: "Budi" }, { nip: NIP_B, nama: "Ani" }], NOW);
      });

      it("tunkin: takes rupiah as numbers and a formula's saved result", async () => {
        expect(imported(await importXlsx(db, "tunkin", fixture("tunkin.xlsx")))).to.deep.equal({ inserted: 3, updated: 0, sheet: "Tunkin" });
        const rows = await db("tunkin").orderBy(["periode", "nip"]).select("nip", "periode", "nominal", "potongan", "kelas_jabatan", "keterangan");
        expect(rows.map((r) => ({ ...r, nominal: Number(r.nominal), potongan: Number(r.potongan) }))).to.deep.equal([
          { nip: NIP_A, periode: "2024-01", nominal: 7_500_000, potongan: 0, kelas_jabatan: 9, keterangan: null },
          { nip: NIP_A, periode: "2024-02", nominal: 7_500_000, potongan: 150_000, kelas_jabatan: 9, keterangan: "Terlambat 3 kali, potongan 2%" },
          { nip: NIP_B, periode: "2024-02", nominal: 5_102_000, potongan: 76_530, kelas_jabatan: 7, keterangan: null },
        ]);
      });

      it("tunkin: reads a period Excel turned into a date as its month", async () => {
        expect(imported(await importXlsx(db, "tunkin", fixture("tunkin-periode-tanggal.xlsx")))).to.include({ inserted: 3 });
        const periods = await db("tunkin").orderBy("periode").pluck("periode");
        expect(periods).to.deep.equal(["2024-01", "2024-02", "2024-03"]);
      });

      it("tunkin: lists a broken row's problems at SHEET!ROW, past a blank row, and writes nothing", async () => {
        const result = rejected(await importXlsx(db, "tunkin", fixture("tunkin-baris-rusak.xlsx")));
        expect(result.sheet).to.equal("Data Tunkin");
        expect(result.problems.map((p) => p.line)).to.deep.equal([4, 4]);
        expect(result.problems[0]!.message).to.contain('nominal: "tujuh juta" bukan jumlah rupiah');
        expect(result.problems[1]!.message).to.contain('potongan: "-5000" tidak boleh negatif');
        expect(await count(db, "tunkin")).to.equal(0);
      });

      it("tunkin: refuses a formula that ended in an error, naming its cell", async () => {
        const result = rejected(await importXlsx(db, "tunkin", fixture("tunkin-galat-rumus.xlsx")));
        expect(result.problems).to.deep.equal([{ line: 3, message: "sel D3 berisi galat #DIV/0!; perbaiki rumus atau isi selnya" }]);
        expect(await count(db, "tunkin")).to.equal(0);
      });

      it("cuti: imports years, days and a formula's result, ignoring formatted empty rows below", async () => {
        expect(imported(await importXlsx(db, "cuti", fixture("cuti.xlsx")))).to.deep.equal({ inserted: 3, updated: 0, sheet: "Cuti" });
        const rows = await db("cuti").orderBy(["nip", "jenis_cuti"]).select("nip", "tahun", "jenis_cuti", "hak_hari", "terpakai_hari");
        expect(rows).to.deep.equal([
          { nip: NIP_A, tahun: 2024, jenis_cuti: "Cuti Sakit", hak_hari: 14, terpakai_hari: 0 },
          { nip: NIP_A, tahun: 2024, jenis_cuti: "Cuti Tahunan", hak_hari: 12, terpakai_hari: 4 },
          { nip: NIP_B, tahun: 2024, jenis_cuti: "Cuti Tahunan", hak_hari: 18, terpakai_hari: 20 },
        ]);
      });
    });
  });
}

/** A workbook built in memory, for what a spreadsheet program seldom writes on purpose. */
async function workbook(fill: (sheet: Worksheet) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet("Lembar1"));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("reading an Excel workbook", () => {
  it("refuses a file that is no workbook, saying what to save it as", async () => {
    const result = await readXlsx(Buffer.from(`nip,nama\n${NIP_A},Budi\n`));
    expect(result.ok).to.equal(false);
    expect(!result.ok && result.problems[0]!.message).to.contain("Buku Kerja Excel").and.contain("CSV UTF-8");
  });

  it("reads rich text and a link's text, and refuses a formula Excel never computed", async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(["nip", "nama", "jabatan"]);
      sheet.addRow([NIP_A, { richText: [{ text: "Budi " }, { text: "Santoso", font: { bold: true } }] }, { text: "Analis", hyperlink: "https://example.org" }]);
      sheet.addRow([NIP_B, { formula: "CONCATENATE(\"A\",\"ni\")" }, "Pranata"]);
    });
    const result = await readXlsx(bytes);
    expect(result).to.deep.include({ ok: false, sheet: "Lembar1" });
    expect(!result.ok && result.problems).to.deep.equal([{ line: 3, message: "sel B3 berisi rumus yang belum pernah dihitung; buka berkas di Excel, lalu simpan lagi" }]);
  });

  it("gives a value right of the named columns a nameless column, which the checks warn about and skip", async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(["nip", "nama", "password"]);
      sheet.addRow([NIP_A, "Budi Santoso", "rahasia", undefined, "catatan"]);
    });
    const result = await readXlsx(bytes);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.table.header).to.deep.equal({ line: 1, cells: ["nip", "nama", "password", "", ""] });
    const checked = pegawaiRows(result.table);
    expect(checked.problems).to.deep.equal([]);
    expect(checked.warnings).to.deep.equal([
      { line: 1, message: "kolom ke-4 tanpa nama diabaikan" },
      { line: 1, message: "kolom ke-5 tanpa nama diabaikan" },
    ]);
    expect(checked.rows.map((r) => r.row.nama)).to.deep.equal(["Budi Santoso"]);
  });

  it("says a sheet without a header is empty", async () => {
    const result = await readXlsx(await workbook(() => undefined));
    expect(result).to.deep.include({ ok: false, sheet: "Lembar1" });
    expect(!result.ok && result.problems[0]!.message).to.contain("kosong");
  });
});
