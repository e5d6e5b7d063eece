// What a `tunkin` file holds: one employee's performance allowance for one month per row.
import type { TunkinRow } from "../../db/tunkin-repo.js";
import { blankAs, nip, periode, rupiah, text, wholeNumber } from "./cells.js";
import { checkRows, optional, required, type CheckedRows } from "./columns.js";
import type { Table } from "./table.js";

/** A row replaces the stored month whole, so a blank or absent optional cell clears that field. */
const columns = {
  nip: required(nip),
  periode: required(periode),
  nominal: required(rupiah),
  potongan: required(rupiah),
  kelas_jabatan: optional(blankAs(null, wholeNumber(1))),
  keterangan: optional(blankAs(null, text(255))),
};

export function tunkinRows(table: Table): CheckedRows<TunkinRow> {
  return checkRows(table, {
    columns,
    toRow: (r) => ({ ...r, kelas_jabatan: r.kelas_jabatan ?? null, keterangan: r.keterangan ?? null }),
    key: tunkinKey,
    describeKey: (row) => `NIP ${row.nip} periode ${row.periode}`,
  });
}

/** The shape `existingTunkinKeys` returns. */
export function tunkinKey(row: { nip: string; periode: string }): string {
  return `${row.nip}|${row.periode}`;
}
