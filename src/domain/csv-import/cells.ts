// Reads one cell of an HR export into a typed value, or says in Indonesian why it cannot, including Excel's quirks.
import type { TableCell } from "./table.js";

export type Cell<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Gets the cell already trimmed; an empty cell is a problem unless the reader is wrapped in `blankAs`. A number or
 * date Excel stored reads as its plain text (`7500000`, `2024-01-31`) unless the column gives it a meaning of its own.
 */
export type CellReader<T> = (cell: TableCell) => Cell<T>;

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const bad = <T = never>(reason: string): Cell<T> => ({ ok: false, reason });
const REQUIRED = "wajib diisi";

/** Lets an empty cell stand for `whenBlank` (null = clear the field, undefined = keep what is stored). */
export function blankAs<T, B extends null | undefined>(whenBlank: B, read: CellReader<T>): CellReader<T | B> {
  return (cell) => (cell === "" ? ok(whenBlank) : read(cell));
}

/** The NIP of a civil servant (PNS): exactly 18 digits, typed as text. */
export const nip: CellReader<string> = (typed) => {
  // Excel holds a number to 15 significant digits, so an 18-digit NIP stored as a number has already lost its last
  // digits, whatever the cell shows; the file that was imported into Excel may still have them.
  if (typeof typed === "number") {
    return bad(
      `"${plainText(typed)}" disimpan Excel sebagai angka, yang hanya memuat 15 digit, sehingga digit terakhir NIP tidak ` +
        "dapat dipercaya; format kolom nip sebagai Teks lalu ketik ulang NIP-nya, atau impor berkas CSV dari sistem asalnya",
    );
  }
  const cell = plainText(typed);
  if (cell === "") return bad(REQUIRED);
  if (/^\d+([.,]\d+)?e\+?\d+$/i.test(cell)) {
    return bad(
      `"${cell}" adalah NIP yang diubah Excel menjadi notasi ilmiah dan digit aslinya sudah hilang; ` +
        "format kolom nip sebagai Teks, ketik ulang NIP-nya, lalu simpan lagi",
    );
  }
  if (!/^\d{18}$/.test(cell)) {
    return bad(`"${cell}" bukan NIP yang sah: NIP harus 18 digit angka, tanpa spasi atau tanda baca`);
  }
  // Excel keeps 15 significant digits, so an 18-digit NIP typed as a number ends in 000; a real NIP's last
  // three digits are a serial number starting at 001.
  if (cell.endsWith("000")) {
    return bad(
      `"${cell}" berakhiran 000: kemungkinan Excel membulatkan NIP yang disimpan sebagai angka; ` +
        "format kolom nip sebagai Teks dan ketik ulang NIP-nya",
    );
  }
  return ok(cell);
};

/** Free text on one line, at most `maxChars` characters (the width of its database column). */
export function text(maxChars: number): CellReader<string> {
  return (cell) => {
    // A line break typed with Alt+Enter in Excel is layout, not data.
    const value = plainText(cell).replace(/\s+/g, " ");
    if (value === "") return bad(REQUIRED);
    // Code points, as MySQL counts VARCHAR length in utf8mb4; an emoji is one character there.
    const length = [...value].length;
    if (length > maxChars) return bad(`terlalu panjang (${length} karakter, paling banyak ${maxChars})`);
    return ok(value);
  };
}

/** A password as HR typed it; only the surrounding spaces are dropped, which nobody can type in Telegram anyway. */
export const password: CellReader<string> = (cell) => (cell === "" ? bad(REQUIRED) : ok(plainText(cell)));

/** One of a few words, case-insensitive, stored in lower case. */
export function oneOf<const T extends string>(choices: readonly T[]): CellReader<T> {
  return (typed) => {
    const cell = plainText(typed);
    if (cell === "") return bad(REQUIRED);
    const value = choices.find((c) => c === cell.toLowerCase());
    return value ? ok(value) : bad(`"${cell}" tidak dikenal; isi salah satu dari: ${choices.join(", ")}`);
  };
}

/** Whole rupiah: `7500000`, `7.500.000` (dots group thousands) or `Rp 7.500.000`; Excel's accounting `Rp -` is 0. */
export const rupiah: CellReader<number> = (typed) => {
  // A number Excel stored is read as it is: as text, 1.234 would look like one thousand two hundred and thirty-four.
  if (typeof typed === "number") {
    const shown = plainText(typed);
    if (typed < 0) return bad(`"${shown}" tidak boleh negatif`);
    if (!Number.isInteger(typed)) return bad(`"${shown}" memakai desimal; tulis rupiah bulat tanpa sen, contoh 7500000`);
    return safeInteger(shown, shown);
  }
  const cell = plainText(typed);
  if (cell === "") return bad(`${REQUIRED} (tulis 0 bila nihil)`);
  const amount = cell.replace(/^rp\.?\s*/i, "").trim();
  if (amount === "-") return ok(0);
  if (amount.startsWith("-")) return bad(`"${cell}" tidak boleh negatif`);
  if (/^\d{1,3}(\.\d{3})+$/.test(amount) || /^\d+$/.test(amount)) return safeInteger(cell, amount.replaceAll(".", ""));
  if (/[.,]\d{1,2}$/.test(amount)) {
    return bad(`"${cell}" memakai desimal; tulis rupiah bulat tanpa sen, contoh 7.500.000`);
  }
  return bad(`"${cell}" bukan jumlah rupiah; tulis angka bulat, contoh 7500000, 7.500.000 atau Rp 7.500.000`);
};

/** A whole number of at least `min`: days of leave, a job class. */
export function wholeNumber(min: number): CellReader<number> {
  return (typed) => {
    const cell = plainText(typed);
    if (cell === "") return bad(REQUIRED);
    if (/^-\d+$/.test(cell)) return bad(`"${cell}" tidak boleh negatif`);
    if (!/^\d+$/.test(cell)) return bad(`"${cell}" harus bilangan bulat, contoh 12`);
    const value = safeInteger(cell, cell);
    if (value.ok && value.value < min) return bad(`"${cell}" harus paling sedikit ${min}`);
    return value;
  };
}

/** The month an allowance is for, `YYYY-MM`; a date Excel made of it (`Jan-24`) stands for its month. */
export const periode: CellReader<string> = (typed) => {
  if (typed instanceof Date) {
    const month = plainText(typed).slice(0, 7);
    return isYear(typed.getUTCFullYear()) ? ok(month) : bad(`tanggal ${plainText(typed)} bukan periode yang masuk akal`);
  }
  const cell = plainText(typed);
  if (cell === "") return bad(REQUIRED);
  const m = /^(\d{4})-(\d{2})$/.exec(cell);
  if (!m || !isYear(Number(m[1])) || Number(m[2]) < 1 || Number(m[2]) > 12) {
    return bad(
      `"${cell}" bukan periode YYYY-MM, contoh 2024-01; bila Excel mengubahnya menjadi tanggal, ` +
        "format kolom periode sebagai Teks",
    );
  }
  return ok(cell);
};

export const tahun: CellReader<number> = (typed) => {
  const cell = plainText(typed);
  if (cell === "") return bad(REQUIRED);
  return /^\d{4}$/.test(cell) && isYear(Number(cell)) ? ok(Number(cell)) : bad(`"${cell}" bukan tahun, contoh 2024`);
};

/** A number as digits (`7500000`, `0.5`), a date as `YYYY-MM-DD`: Excel keeps dates as days, without a time zone. */
export function plainText(cell: TableCell): string {
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return String(cell);
  return cell.toISOString().slice(0, 10);
}

function isYear(year: number): boolean {
  return year >= 1900 && year <= 2100;
}

function safeInteger(cell: string, digits: string): Cell<number> {
  const value = Number(digits);
  return Number.isSafeInteger(value) ? ok(value) : bad(`"${cell}" terlalu besar`);
}
