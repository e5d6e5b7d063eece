// What a `cuti` file holds: one employee's leave entitlement and use for one year and leave type per row.
import type { CutiRow } from "../../db/cuti-repo.js";
import { nip, tahun, text, wholeNumber } from "./cells.js";
import { checkRows, required, type CheckedRows } from "./columns.js";
import type { Table } from "./table.js";

/** terpakai_hari may exceed hak_hari: leave taken in advance is a real deficit HR records. */
const columns = {
  nip: required(nip),
  tahun: required(tahun),
  jenis_cuti: required(text(60)),
  hak_hari: required(wholeNumber(0)),
  terpakai_hari: required(wholeNumber(0)),
};

export function cutiRows(table: Table): CheckedRows<CutiRow> {
  return checkRows(table, {
    columns,
    toRow: (record) => record,
    key: cutiKey,
    describeKey: (row) => `NIP ${row.nip} tahun ${row.tahun} jenis cuti "${row.jenis_cuti}"`,
  });
}

/**
 * The shape `existingCutiKeys` returns, lower-cased: MySQL's case-insensitive unique index treats `Tahunan` and
 * `tahunan` as one leave type, so the file may not hold both.
 */
export function cutiKey(row: { nip: string; tahun: number; jenis_cuti: string }): string {
  return `${row.nip}|${row.tahun}|${row.jenis_cuti}`.toLowerCase();
}
