// Checking a whole table of each kind: header, every row's cells, row widths and keys that appear twice.
import { expect } from "chai";
import { cutiRows } from "../../src/domain/csv-import/cuti-rows.js";
import { pegawaiRows } from "../../src/domain/csv-import/pegawai-rows.js";
import { readCsv } from "../../src/domain/csv-import/read-csv.js";
import type { Table } from "../../src/domain/csv-import/table.js";
import { tunkinRows } from "../../src/domain/csv-import/tunkin-rows.js";

const NIP_A = "198501012010011001";
const NIP_B = "199002022015032002";

function table(lines: string[]): Table {
  const result = readCsv(Buffer.from(lines.join("\n")));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.table;
}

describe("checking the rows of a file", () => {
  it("matches header names case-insensitively with spaces around them, in any order", () => {
    const checked = pegawaiRows(table([" Password ;NAMA; Nip ", `rahasia;Budi;${NIP_A}`]));
    expect(checked.problems).to.deep.equal([]);
    expect(checked.rows[0]!.row).to.include({ nip: NIP_A, nama: "Budi", password: "rahasia" });
  });

  it("names every missing required column at line 1 and reads no rows", () => {
    const checked = tunkinRows(table(["nip,nominal", `${NIP_A},100`]));
    expect(checked.rows).to.deep.equal([]);
    expect(checked.problems).to.have.length(1);
    expect(checked.problems[0]!.line).to.equal(1);
    expect(checked.problems[0]!.message).to.contain("periode, potongan");
  });

  it("warns about an unknown column and ignores it", () => {
    const checked = cutiRows(table(["nip,tahun,jenis_cuti,hak_hari,terpakai_hari,catatan", `${NIP_A},2024,Tahunan,12,3,x`]));
    expect(checked.problems).to.deep.equal([]);
    expect(checked.warnings).to.deep.equal([{ line: 1, message: 'kolom "catatan" tidak dikenal dan diabaikan' }]);
    expect(checked.rows[0]!.row).to.deep.equal({
      nip: NIP_A,
      tahun: 2024,
      jenis_cuti: "Tahunan",
      hak_hari: 12,
      terpakai_hari: 3,
    });
  });

  it("reports every bad cell of every row with its physical line and column", () => {
    const checked = tunkinRows(
      table([
        "nip,periode,nominal,potongan",
        `${NIP_A},2024-01,Rp 7.500.000,0`,
        "",
        `1.98501E+17,2024-01,"7.500.000,50",-5`,
        `${NIP_B},Jan-24,7500000,0`,
      ]),
    );
    expect(checked.rows.map((r) => r.line)).to.deep.equal([2]);
    expect(checked.problems.map((p) => `${p.line}: ${p.message.split(":")[0]}`)).to.deep.equal([
      "4: nip",
      "4: nominal",
      "4: potongan",
      "5: periode",
    ]);
  });

  it("names both lines of a key that appears twice", () => {
    const checked = tunkinRows(
      table(["nip,periode,nominal,potongan", `${NIP_A},2024-01,1,0`, `${NIP_B},2024-01,1,0`, `${NIP_A},2024-01,2,0`]),
    );
    expect(checked.problems).to.deep.equal([
      {
        line: 4,
        message: `NIP ${NIP_A} periode 2024-01 sudah ada di baris 2; setiap data hanya boleh muncul sekali`,
      },
    ]);
  });

  it("treats leave types differing only in case as the same key, as MySQL's unique index does", () => {
    const checked = cutiRows(
      table(["nip,tahun,jenis_cuti,hak_hari,terpakai_hari", `${NIP_A},2024,Tahunan,12,0`, `${NIP_A},2024,TAHUNAN,12,0`]),
    );
    expect(checked.problems[0]).to.include({ line: 3 });
    expect(checked.problems[0]!.message).to.contain("baris 2");
  });

  it("rejects a row with more cells than the header, the sign of an unquoted separator", () => {
    const checked = pegawaiRows(table(["nip,nama,password", `${NIP_A},Budi, S.Kom,rahasia`]));
    expect(checked.problems[0]!.line).to.equal(2);
    expect(checked.problems[0]!.message).to.contain("tanda kutip");
  });

  it("lets used leave exceed the entitlement but not go negative", () => {
    const checked = cutiRows(
      table(["nip;tahun;jenis_cuti;hak_hari;terpakai_hari", `${NIP_A};2024;Tahunan;12;15`, `${NIP_B};2024;Tahunan;12;-1`]),
    );
    expect(checked.rows.map((r) => r.row.terpakai_hari)).to.deep.equal([15]);
    expect(checked.problems).to.deep.equal([{ line: 3, message: 'terpakai_hari: "-1" tidak boleh negatif' }]);
  });

  it("reads a blank password as keep, and an absent optional column as undefined, a blank one as null", () => {
    const checked = pegawaiRows(table(["nip,nama,password,jabatan,status", `${NIP_A},Budi,,,AKTIF`]));
    expect(checked.rows[0]!.row).to.deep.equal({
      nip: NIP_A,
      nama: "Budi",
      password: undefined,
      jabatan: null,
      status: "aktif",
    });
  });

  it("checks hak_pengguna and status against their allowed words", () => {
    const checked = pegawaiRows(table(["nip,nama,password,hak_pengguna,status", `${NIP_A},Budi,x,superuser,pensiun`]));
    expect(checked.problems.map((p) => p.message)).to.deep.equal([
      'hak_pengguna: "superuser" tidak dikenal; isi salah satu dari: pegawai, admin',
      'status: "pensiun" tidak dikenal; isi salah satu dari: aktif, nonaktif',
    ]);
  });

  it("fills tunkin's absent optional columns with null", () => {
    const checked = tunkinRows(table(["nip,periode,nominal,potongan", `${NIP_A},2024-02,7.500.000,Rp -`]));
    expect(checked.rows[0]!.row).to.deep.equal({
      nip: NIP_A,
      periode: "2024-02",
      nominal: 7_500_000,
      potongan: 0,
      kelas_jabatan: null,
      keterangan: null,
    });
  });

  it("rejects a header with no rows below it", () => {
    const checked = cutiRows(table(["nip,tahun,jenis_cuti,hak_hari,terpakai_hari", ""]));
    expect(checked.problems[0]!.message).to.contain("tidak ada baris data");
  });
});
