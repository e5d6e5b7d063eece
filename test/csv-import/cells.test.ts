// Reading single cells as HR's Excel writes them: NIPs, rupiah, periods, counts and choices.
import { expect } from "chai";
import { blankAs, nip, oneOf, password, periode, rupiah, tahun, text, wholeNumber, type Cell } from "../../src/domain/csv-import/cells.js";

function value<T>(cell: Cell<T>): T {
  if (!cell.ok) throw new Error(`expected a value, got "${cell.reason}"`);
  return cell.value;
}

function reason<T>(cell: Cell<T>): string {
  if (cell.ok) throw new Error(`expected a problem, got ${JSON.stringify(cell.value)}`);
  return cell.reason;
}

describe("reading cells", () => {
  describe("nip", () => {
    it("accepts 18 digits", () => {
      expect(value(nip("198501012010011001"))).to.equal("198501012010011001");
    });

    it("rejects a NIP Excel turned into scientific notation, telling to format the column as text", () => {
      for (const cell of ["1.98501E+17", "1,98501E+17", "1.98501e17"]) {
        expect(reason(nip(cell))).to.contain("notasi ilmiah").and.to.contain("Teks");
      }
    });

    it("says a NIP must be 18 digits when it is too short, too long or has spaces or dots", () => {
      for (const cell of ["19850101201001100", "1985010120100110012", "19850101 201001 1 001", "19850101.201001.1.001"]) {
        expect(reason(nip(cell))).to.contain("18 digit");
      }
    });

    it("rejects a NIP ending in 000, the mark of Excel rounding it to 15 significant digits", () => {
      expect(reason(nip("198501012010011000"))).to.contain("Teks");
    });

    it("requires a value", () => {
      expect(reason(nip(""))).to.equal("wajib diisi");
    });
  });

  describe("rupiah", () => {
    it("accepts plain digits, dots between thousands, and an Rp prefix", () => {
      expect(value(rupiah("7500000"))).to.equal(7_500_000);
      expect(value(rupiah("7.500.000"))).to.equal(7_500_000);
      expect(value(rupiah("Rp 7.500.000"))).to.equal(7_500_000);
      expect(value(rupiah("Rp7.500.000"))).to.equal(7_500_000);
      expect(value(rupiah("rp. 750.000"))).to.equal(750_000);
      expect(value(rupiah("0"))).to.equal(0);
    });

    it("reads Excel's accounting zero `Rp -` as 0", () => {
      expect(value(rupiah("Rp -"))).to.equal(0);
      expect(value(rupiah("-"))).to.equal(0);
    });

    it("rejects decimals, negatives, misplaced dots and other text", () => {
      expect(reason(rupiah("7.500.000,00"))).to.contain("desimal");
      expect(reason(rupiah("7500000.5"))).to.contain("desimal");
      expect(reason(rupiah("-150000"))).to.contain("negatif");
      expect(reason(rupiah("75.00.000"))).to.contain("bukan jumlah rupiah");
      expect(reason(rupiah("7,500,000"))).to.contain("bukan jumlah rupiah");
      expect(reason(rupiah("tujuh juta"))).to.contain("bukan jumlah rupiah");
      expect(reason(rupiah(""))).to.contain("wajib diisi");
    });
  });

  it("reads a period as YYYY-MM and explains a date Excel made of it", () => {
    expect(value(periode("2024-01"))).to.equal("2024-01");
    for (const cell of ["2024-13", "2024-1", "Jan-24", "01/01/2024"]) expect(reason(periode(cell))).to.contain("YYYY-MM");
  });

  it("reads whole numbers and refuses negatives and fractions", () => {
    expect(value(wholeNumber(0)("12"))).to.equal(12);
    expect(value(wholeNumber(0)("0"))).to.equal(0);
    expect(reason(wholeNumber(0)("-1"))).to.contain("negatif");
    expect(reason(wholeNumber(0)("1,5"))).to.contain("bilangan bulat");
    expect(reason(wholeNumber(1)("0"))).to.contain("paling sedikit 1");
  });

  it("matches choices case-insensitively and stores them in lower case", () => {
    const status = oneOf(["aktif", "nonaktif"]);
    expect(value(status("NonAktif"))).to.equal("nonaktif");
    expect(reason(status("pensiun"))).to.contain("aktif, nonaktif");
  });

  it("puts text on one line and counts emoji as one character, as MySQL's utf8mb4 does", () => {
    expect(value(text(150)("Budi\r\nSantoso"))).to.equal("Budi Santoso");
    expect(value(text(3)("a😀b"))).to.equal("a😀b");
    expect(reason(text(3)("abcd"))).to.contain("terlalu panjang");
  });

  it("lets a blank cell stand for a chosen value only where the column allows it", () => {
    expect(value(blankAs(null, text(10))(""))).to.equal(null);
    expect(value(blankAs(undefined, text(10))(""))).to.equal(undefined);
    expect(reason(text(10)(""))).to.equal("wajib diisi");
  });
});

describe("reading cells Excel typed", () => {
  it("refuses any NIP stored as a number, however it shows, telling to retype it as text or import the CSV", () => {
    // 198501012010011001 as Excel holds it: 15 significant digits, the rest gone.
    for (const cell of [198501012010011000, 1.98501012010011e17, 198501012010011]) {
      expect(reason(nip(cell))).to.contain("sebagai angka").and.contain("Teks").and.contain("CSV");
    }
  });

  it("reads a period typed as a date as its month", () => {
    expect(value(periode(new Date(Date.UTC(2024, 0, 1))))).to.equal("2024-01");
    expect(value(periode(new Date(Date.UTC(2024, 11, 31))))).to.equal("2024-12");
    expect(reason(periode(new Date(Date.UTC(1899, 11, 30))))).to.contain("bukan periode");
  });

  it("takes whole rupiah as numbers, refusing negatives and fractions", () => {
    expect(value(rupiah(7_500_000))).to.equal(7_500_000);
    expect(value(rupiah(0))).to.equal(0);
    // As text, "1.234" would be one thousand two hundred and thirty-four: a stored number is not read as text.
    expect(reason(rupiah(1.234))).to.contain("desimal");
    expect(reason(rupiah(-150_000))).to.contain("negatif");
  });

  it("reads numbers and dates in other columns as their plain text", () => {
    expect(value(tahun(2024))).to.equal(2024);
    expect(value(wholeNumber(0)(12))).to.equal(12);
    expect(reason(wholeNumber(0)(12.5))).to.contain("bilangan bulat");
    expect(value(password(20240101))).to.equal("20240101");
    expect(value(text(20)(new Date(Date.UTC(2024, 0, 31))))).to.equal("2024-01-31");
  });
});
