// Turns the first sheet of an Excel workbook (.xlsx) into the rows the CSV reader gives, each numbered as Excel
// numbers it, with numbers and dates kept as Excel stored them and formulas read as the result Excel saved.
import ExcelJS, { type CellValue } from "exceljs";
import { plainText } from "./cells.js";
import type { Problem, ReadResult, TableCell, TableRow } from "./table.js";

/** Excel computes and shows 15 significant digits; past them a stored double holds only noise (0.1 + 0.2). */
const EXCEL_DIGITS = 15;

const NOT_A_WORKBOOK =
  "berkas ini tidak dapat dibaca sebagai buku kerja Excel .xlsx (rusak, dikunci kata sandi, atau berformat lain " +
  'yang diberi nama .xlsx); di Excel pilih Simpan Sebagai → "Buku Kerja Excel (*.xlsx)", atau simpan sebagai CSV UTF-8';

/** What one cell holds for the import, or why it cannot be read. */
type Read = { cell: TableCell } | { problem: string };

export async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS declares its input as an ArrayBuffer; the copy's own ArrayBuffer holds exactly the file's bytes.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    return { ok: false, problems: [{ line: 1, message: NOT_A_WORKBOOK }] };
  }
  // In the order of the tabs, as Excel shows them.
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problems: [{ line: 1, message: NOT_A_WORKBOOK }] };

  const problems: Problem[] = [];
  const rows: TableRow[] = [];
  // Only rows and cells that hold something; rows Excel keeps for their formatting alone are skipped here.
  sheet.eachRow((row, line) => {
    const cells: TableCell[] = [];
    row.eachCell((cell, column) => {
      const read = readCell(cell.value);
      if ("problem" in read) problems.push({ line, message: `sel ${cell.address} ${read.problem}` });
      cells[column - 1] = "cell" in read ? read.cell : "";
    });
    // Cells left of the first filled one are holes in the array: blank.
    const filled = Array.from(cells, (cell) => cell ?? "");
    if (filled.some((cell) => cell !== "")) rows.push({ line, cells: filled });
  });
  if (problems.length > 0) return { ok: false, problems, sheet: sheet.name };

  const [header, ...data] = rows;
  if (!header) {
    return { ok: false, problems: [{ line: 1, message: "lembar pertama kosong: baris pertama harus berisi nama kolom (header)" }], sheet: sheet.name };
  }
  // A value right of the last named column widens the header with a nameless column, which the checks warn about and
  // skip, rather than counting it as the stray separator it would be in a CSV line.
  const width = rows.reduce((widest, row) => Math.max(widest, lastFilled(row.cells) + 1), 0);
  const headerCells = Array.from({ length: width }, (_, i) => plainText(header.cells[i] ?? ""));
  return { ok: true, table: { header: { line: header.line, cells: headerCells }, rows: data }, sheet: sheet.name };
}

function readCell(value: CellValue): Read {
  if (value === null || value === undefined) return { cell: "" };
  if (typeof value === "string") return { cell: value.trim() };
  if (typeof value === "number") return { cell: Number(value.toPrecision(EXCEL_DIGITS)) };
  // The words a CSV export writes for them; no column of the import takes a truth value.
  if (typeof value === "boolean") return { cell: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { problem: "berisi tanggal yang tidak sah; ketik ulang tanggalnya" } : { cell: value };
  }
  if ("error" in value) return { problem: `berisi galat ${value.error}; perbaiki rumus atau isi selnya` };
  if ("richText" in value) return { cell: value.richText.map((run) => run.text).join("").trim() };
  if ("hyperlink" in value) return { cell: value.text.trim() };
  // A formula, plain or shared: what Excel computed when it last saved the file.
  if (value.result === undefined) {
    return { problem: "berisi rumus yang belum pernah dihitung; buka berkas di Excel, lalu simpan lagi" };
  }
  return readCell(value.result);
}

function lastFilled(cells: TableCell[]): number {
  let last = cells.length - 1;
  while (last >= 0 && cells[last] === "") last--;
  return last;
}
