// What a `pegawai` file holds: its columns and what a blank or missing cell means for an employee.
import { blankAs, nip, oneOf, password, text } from "./cells.js";
import { checkRows, optional, required, type CheckedRows, type RecordOf } from "./columns.js";
import type { Table } from "./table.js";

/**
 * Widths follow the `pengguna` table. A blank password keeps the stored hash, and a blank hak_pengguna or status
 * keeps the stored value, so a re-import cannot demote an admin or reactivate someone by leaving a cell empty;
 * a blank jabatan, unit_kerja or pangkat_golongan clears it. A column absent from the header keeps what is stored.
 */
const columns = {
  nip: required(nip),
  nama: required(text(150)),
  password: required(blankAs(undefined, password)),
  jabatan: optional(blankAs(null, text(200))),
  unit_kerja: optional(blankAs(null, text(200))),
  pangkat_golongan: optional(blankAs(null, text(100))),
  hak_pengguna: optional(blankAs(undefined, oneOf(["pegawai", "admin"]))),
  status: optional(blankAs(undefined, oneOf(["aktif", "nonaktif"]))),
};

/** A field is undefined to keep what is stored (a new employee gets the table's default); null clears it. */
export type PegawaiRow = RecordOf<typeof columns>;

export function pegawaiRows(table: Table): CheckedRows<PegawaiRow> {
  return checkRows(table, {
    columns,
    toRow: (record) => record,
    key: pegawaiKey,
    describeKey: (row) => `NIP ${row.nip}`,
  });
}

/** The shape `existingNips` returns. */
export function pegawaiKey(row: { nip: string }): string {
  return row.nip;
}
