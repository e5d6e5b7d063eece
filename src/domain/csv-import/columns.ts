// The column machinery the three import kinds share: header matching, reading every row's cells, duplicate keys.
import type { CellReader } from "./cells.js";
import type { Problem, Table } from "./table.js";

export interface Column<T, InHeader extends boolean = boolean> {
  /** Whether the header must name this column; a cell may still be blank if its reader allows it. */
  required: InHeader;
  read: CellReader<T>;
}

export const required = <T>(read: CellReader<T>): Column<T, true> => ({ required: true, read });
export const optional = <T>(read: CellReader<T>): Column<T, false> => ({ required: false, read });

export type Columns = Record<string, Column<unknown>>;

/** One row's values; a value is undefined when its optional column is not in the file at all. */
export type RecordOf<C extends Columns> = {
  [K in keyof C]: C[K] extends Column<infer T, true> ? T : C[K] extends Column<infer T, false> ? T | undefined : never;
};

export interface TableSpec<C extends Columns, R> {
  columns: C;
  toRow(record: RecordOf<C>): R;
  /** Two rows with the same key would write the same database row. */
  key(row: NoInfer<R>): string;
  /** The key as the admin reads it, e.g. `NIP 198501012010011001 periode 2024-01`. */
  describeKey(row: NoInfer<R>): string;
}

export interface Lined<R> {
  line: number;
  row: R;
}

/** The rows that read cleanly, plus every problem; the file may be written only if `problems` is empty. */
export interface CheckedRows<R> {
  rows: Lined<R>[];
  problems: Problem[];
  warnings: Problem[];
}

export function checkRows<C extends Columns, R>(table: Table, spec: TableSpec<C, R>): CheckedRows<R> {
  const { header } = table;
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const names = Object.keys(spec.columns);
  const position = new Map<string, number>();

  header.cells.forEach((cell, i) => {
    const name = cell.toLowerCase();
    if (name === "") {
      warnings.push({ line: header.line, message: `kolom ke-${i + 1} tanpa nama diabaikan` });
    } else if (position.has(name)) {
      problems.push({ line: header.line, message: `kolom "${name}" muncul dua kali di header` });
    } else if (!names.includes(name)) {
      warnings.push({ line: header.line, message: `kolom "${cell}" tidak dikenal dan diabaikan` });
    } else {
      position.set(name, i);
    }
  });
  const missing = names.filter((n) => spec.columns[n]!.required && !position.has(n));
  if (missing.length > 0) {
    problems.push({
      line: header.line,
      message: `kolom wajib tidak ada di header: ${missing.join(", ")} (header yang diharapkan: ${names.join(",")})`,
    });
  }
  if (problems.length > 0) return { rows: [], problems, warnings };
  if (table.rows.length === 0) {
    return { rows: [], problems: [{ line: header.line, message: "tidak ada baris data di bawah header" }], warnings };
  }

  const rows: Lined<R>[] = [];
  const firstLineOfKey = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const extra = cells.slice(header.cells.length).filter((c) => c !== "");
    if (extra.length > 0) {
      problems.push({
        line,
        message:
          `baris ini berisi ${cells.length} kolom, header hanya ${header.cells.length}; ` +
          "sel yang memuat pemisah (, atau ;) harus diapit tanda kutip",
      });
      continue;
    }
    const record: Record<string, unknown> = {};
    let clean = true;
    for (const [name, index] of position) {
      // A row may stop short when its last cells are blank; those cells read as blank.
      const cell = spec.columns[name]!.read(cells[index] ?? "");
      if (cell.ok) {
        record[name] = cell.value;
      } else {
        problems.push({ line, message: `${name}: ${cell.reason}` });
        clean = false;
      }
    }
    if (!clean) continue;
    // Every column of the spec was either read by its own reader or is absent (undefined), as RecordOf says.
    const row = spec.toRow(record as RecordOf<C>);
    const key = spec.key(row);
    const first = firstLineOfKey.get(key);
    if (first !== undefined) {
      const message = `${spec.describeKey(row)} sudah ada di baris ${first}; setiap data hanya boleh muncul sekali`;
      problems.push({ line, message });
      continue;
    }
    firstLineOfKey.set(key, line);
    rows.push({ line, row });
  }
  return { rows, problems, warnings };
}
