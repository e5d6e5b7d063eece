// The rows both file readers (CSV, Excel) hand to the row checks, and where a problem sits in the file they read.

/** One complaint about the file: its line (CSV) or row (Excel sheet), the header being 1 unless rows precede it. */
export interface Problem {
  line: number;
  message: string;
}

/**
 * A cell, trimmed, "" when blank: text as typed (every CSV cell, an Excel text cell), or a number or a date as
 * Excel stored it. The cell readers decide what a number or date means in their column.
 */
export type TableCell = string | number | Date;

/** A row of text only: every CSV row, and the header of either file. */
export interface TextRow {
  line: number;
  cells: string[];
}

export interface TableRow {
  line: number;
  cells: TableCell[];
}

export interface Table {
  header: TextRow;
  rows: TableRow[];
}

/** `sheet` names the worksheet read from an Excel file, for the places of its problems. */
export type ReadResult = { ok: true; table: Table; sheet?: string } | { ok: false; problems: Problem[]; sheet?: string };

/**
 * `FILE:LINE` for a CSV file, `FILE:SHEET!ROW` for a sheet, as editors link it and Excel writes a reference: a sheet
 * name other than letters, digits and _ is quoted, its own quotes doubled (`'Data Pegawai'!12`).
 */
export function placeOf(file: string, sheet: string | undefined, line: number): string {
  if (sheet === undefined) return `${file}:${line}`;
  const name = /^[\p{L}_][\p{L}\p{N}_]*$/u.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`;
  return `${file}:${name}!${line}`;
}
