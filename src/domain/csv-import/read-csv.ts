// Turns the bytes of a CSV file as Excel saves it into rows of cells, each with the physical line it starts on.
import { parse, CsvError, type CsvErrorCode } from "csv-parse/sync";
import type { ReadResult, TextRow } from "./table.js";

const LF = 0x0a;
const CR = 0x0d;
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const utf8 = new TextDecoder("utf-8", { fatal: true });

const EMPTY = "berkas kosong: baris pertama harus berisi nama kolom (header)";
const TEXT_AFTER_CLOSING_QUOTE = 'ada teks setelah tanda kutip penutup; kutip di dalam isi sel harus ditulis dua kali ("")';
const CSV_ERRORS: Partial<Record<CsvErrorCode, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'tanda kutip (") dibuka di baris ini tetapi tidak pernah ditutup',
  CSV_INVALID_CLOSING_QUOTE: TEXT_AFTER_CLOSING_QUOTE,
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: TEXT_AFTER_CLOSING_QUOTE,
  INVALID_OPENING_QUOTE:
    'tanda kutip (") di tengah isi sel; apit seluruh sel dengan tanda kutip dan tulis kutip di dalamnya dua kali ("")',
  CSV_MAX_RECORD_SIZE: "baris terlalu panjang; periksa tanda kutip yang tidak ditutup",
};

export function readCsv(bytes: Uint8Array): ReadResult {
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(hasBom ? UTF8_BOM.length : 0);
  const lines = new LineCounter(body);

  const badLine = firstNonUtf8Line(body);
  if (badLine !== undefined) {
    return fail(
      badLine,
      "berkas bukan UTF-8 (mulai baris ini); di Excel pilih Simpan Sebagai → \"CSV UTF-8 (dipisahkan koma)\"",
    );
  }

  let firstLine = firstContentLine(body, 0);
  if (firstLine === undefined) return fail(1, EMPTY);
  const separator = detectSeparator(body.subarray(firstLine.start, firstLine.end).toString("utf8"));
  if (separator.fromHint) {
    // Excel writes and honours a first line `sep=;`; it is not part of the data, so the header follows it.
    firstLine = firstContentLine(body, firstLine.end);
    if (firstLine === undefined) return fail(1, "berkas hanya berisi baris sep=, tanpa header");
  }

  const rows: TextRow[] = [];
  let parsedUpTo = firstLine.start;
  try {
    // Rows are collected in on_record because only there the parser tells where in the bytes a record ends.
    parse(body.subarray(firstLine.start), {
      delimiter: separator.char,
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (cells: string[], context) => {
        const end = firstLine.start + context.bytes_records;
        parsedUpTo = end;
        // A quoted cell keeps its line breaks verbatim, so they tell how many lines the record spans.
        const spanned = cells.reduce((n, cell) => n + countLf(cell), 0);
        rows.push({ line: lines.lineEndingAt(end) - spanned, cells: cells.map((c) => c.trim()) });
        return null;
      },
    });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    // The failing record starts on the first non-blank line after the last record that parsed.
    const failed = firstContentLine(body, parsedUpTo)?.start ?? parsedUpTo;
    return fail(lines.lineAt(failed), CSV_ERRORS[err.code] ?? `format CSV tidak terbaca: ${err.message}`);
  }

  const [header, ...data] = rows.filter((r) => r.cells.some((c) => c !== ""));
  if (!header) return fail(1, EMPTY);
  return { ok: true, table: { header, rows: data } };
}

function fail(line: number, message: string): ReadResult {
  return { ok: false, problems: [{ line, message }] };
}

/** Semicolon is what Excel writes where the decimal mark is a comma (Indonesian settings); otherwise comma. */
function detectSeparator(firstLine: string): { char: "," | ";"; fromHint: boolean } {
  const hint = /^sep=([,;])\s*$/i.exec(firstLine);
  if (hint) return { char: hint[1] === ";" ? ";" : ",", fromHint: true };
  const unquoted = firstLine.replace(/"[^"]*"/g, "");
  const count = (c: string) => unquoted.split(c).length - 1;
  return { char: count(";") > count(",") ? ";" : ",", fromHint: false };
}

/** The first line at or after `from` that holds more than whitespace, as byte offsets without its line break. */
function firstContentLine(body: Buffer, from: number): { start: number; end: number } | undefined {
  let start = from;
  while (start < body.length) {
    let end = body.indexOf(LF, start);
    if (end === -1) end = body.length;
    const text = body.subarray(start, end).toString("utf8");
    if (text.trim() !== "") return { start, end: text.endsWith("\r") ? end - 1 : end };
    start = end + 1;
  }
  return undefined;
}

function firstNonUtf8Line(body: Buffer): number | undefined {
  let start = 0;
  for (let line = 1; start <= body.length; line++) {
    let end = body.indexOf(LF, start);
    if (end === -1) end = body.length;
    try {
      utf8.decode(body.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
  }
  return undefined;
}

function countLf(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** Maps byte offsets to physical line numbers, scanning forward only, so a whole file costs one pass. */
class LineCounter {
  private scanned = 0;
  private breaks = 0;

  constructor(private readonly body: Buffer) {}

  /** The line holding the byte at `offset`. */
  lineAt(offset: number): number {
    if (offset < this.scanned) {
      this.scanned = 0;
      this.breaks = 0;
    }
    for (; this.scanned < offset && this.scanned < this.body.length; this.scanned++) {
      if (this.body[this.scanned] === LF) this.breaks++;
    }
    return this.breaks + 1;
  }

  /** The line a record ends on, given the offset just past it (its line break included, if it has one). */
  lineEndingAt(end: number): number {
    let last = end - 1;
    if (this.body[last] === LF) last--;
    if (this.body[last] === CR) last--;
    return this.lineAt(Math.max(last, 0));
  }
}
