// Which reader a file's name asks for: the import takes CSV files and Excel workbooks, told apart by extension.
import path from "node:path";
import { readCsv } from "./read-csv.js";
import { readXlsx } from "./read-xlsx.js";
import type { ReadResult } from "./table.js";

export type FileFormat = "csv" | "xlsx";

/** For the admin who gave another kind of file (an old .xls, an .ods): what to save it as instead. */
export const ACCEPTED_FILES = '.csv (Excel: "CSV UTF-8 (dipisahkan koma)") atau .xlsx (Excel: "Buku Kerja Excel")';

/** Upper case too: Windows shows and keeps `PEGAWAI.XLSX` as typed. */
export function formatOf(fileName: string): FileFormat | undefined {
  const extension = path.extname(fileName).toLowerCase();
  return extension === ".csv" ? "csv" : extension === ".xlsx" ? "xlsx" : undefined;
}

export async function readTable(format: FileFormat, bytes: Uint8Array): Promise<ReadResult> {
  return format === "csv" ? readCsv(bytes) : readXlsx(bytes);
}
