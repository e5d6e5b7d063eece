// The import use case: check a whole HR file against its kind's rules and the database, then write all of it in
// one transaction, or nothing.
import { existingCutiKeys, upsertCuti, type CutiRow } from "../../db/cuti-repo.js";
import type { Db } from "../../db/database.js";
import { existingNips, upsertPengguna, type PenggunaData } from "../../db/pengguna-repo.js";
import { existingTunkinKeys, upsertTunkin, type TunkinRow } from "../../db/tunkin-repo.js";
import type { CheckedRows } from "./columns.js";
import { cutiKey, cutiRows } from "./cuti-rows.js";
import { readTable, type FileFormat } from "./file-format.js";
import { hashPasswords } from "./hash-passwords.js";
import { pegawaiKey, pegawaiRows, type PegawaiRow } from "./pegawai-rows.js";
import type { Problem, Table } from "./table.js";
import { tunkinKey, tunkinRows } from "./tunkin-rows.js";

const IMPORT_KINDS = ["pegawai", "tunkin", "cuti"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: string | undefined): value is ImportKind {
  return IMPORT_KINDS.some((k) => k === value);
}

export interface ImportProgress {
  stage: "hash" | "write";
  done: number;
  total: number;
}

export interface ImportOptions {
  /** How the bytes are read; default csv. */
  format?: FileFormat;
  onProgress?: (progress: ImportProgress) => void;
  /** Epoch milliseconds stamped on every employee row written. */
  now?: number;
}

export type ImportResult = (
  | { ok: true; inserted: number; updated: number; warnings: Problem[] }
  | { ok: false; problems: Problem[]; warnings: Problem[] }
) & {
  /** The worksheet an Excel file was read from: its problems' lines are that sheet's rows. */
  sheet?: string;
};

const WRITE_CHUNK = 500;
const HASH_PROGRESS_EVERY = 100;

/** How one kind of file is checked and written; `run` tells the story they share. */
interface Plan<R extends { nip: string }, W extends { nip: string }> {
  checked: CheckedRows<R>;
  /** Why the row cannot be written given whether its NIP is already in `pengguna`, or undefined if it can. */
  nipProblem(row: R, known: boolean): string | undefined;
  prepare(rows: R[]): Promise<W[]>;
  existingKeys(db: Db, nips: string[]): Promise<Set<string>>;
  key(row: W): string;
  write(db: Db, rows: W[], existing: Set<string>): Promise<void>;
}

export async function importFile(
  db: Db,
  kind: ImportKind,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const read = await readTable(options.format ?? "csv", bytes);
  if (!read.ok) return { ok: false, problems: read.problems, warnings: [], sheet: read.sheet };
  const report = options.onProgress ?? (() => undefined);
  const now = options.now ?? Date.now();
  return { ...(await runKind(db, kind, read.table, now, report)), sheet: read.sheet };
}

function runKind(
  db: Db,
  kind: ImportKind,
  table: Table,
  now: number,
  report: (progress: ImportProgress) => void,
): Promise<ImportResult> {
  switch (kind) {
    case "pegawai":
      return run(db, pegawaiPlan(table, now, report), report);
    case "tunkin":
      return run(db, tunkinPlan(table), report);
    case "cuti":
      return run(db, cutiPlan(table), report);
  }
}

async function run<R extends { nip: string }, W extends { nip: string }>(
  db: Db,
  plan: Plan<R, W>,
  report: (progress: ImportProgress) => void,
): Promise<ImportResult> {
  const { rows, warnings } = plan.checked;
  const known = await existingNips(db, unique(rows.map((r) => r.row.nip)));
  const problems = [...plan.checked.problems];
  for (const { line, row } of rows) {
    const message = plan.nipProblem(row, known.has(row.nip));
    if (message !== undefined) problems.push({ line, message });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line), warnings };

  // Hashing happens before the transaction opens: holding SQLite's write lock for seconds would stall the bot.
  const prepared = await plan.prepare(rows.map((r) => r.row));
  return db.transaction(async (trx): Promise<ImportResult> => {
    // Counted in the same transaction as the writes, so the numbers describe this write.
    const existing = await plan.existingKeys(trx, unique(prepared.map((r) => r.nip)));
    const updated = prepared.filter((r) => existing.has(plan.key(r))).length;
    for (let i = 0; i < prepared.length; i += WRITE_CHUNK) {
      await plan.write(trx, prepared.slice(i, i + WRITE_CHUNK), existing);
      report({ stage: "write", done: Math.min(i + WRITE_CHUNK, prepared.length), total: prepared.length });
    }
    return { ok: true, inserted: prepared.length - updated, updated, warnings };
  });
}

/** tunkin and cuti: rows of an employee who must already be in the database, written as they were read. */
function ofKnownEmployees<R extends { nip: string }>(
  plan: Pick<Plan<R, R>, "checked" | "existingKeys" | "key" | "write">,
): Plan<R, R> {
  return {
    ...plan,
    nipProblem: (_row, known) =>
      known ? undefined : "NIP ini tidak terdaftar di data pegawai; impor data pegawai-nya lebih dulu",
    prepare: async (rows) => rows,
  };
}

function tunkinPlan(table: Table): Plan<TunkinRow, TunkinRow> {
  return ofKnownEmployees<TunkinRow>({
    checked: tunkinRows(table),
    existingKeys: existingTunkinKeys,
    key: tunkinKey,
    write: upsertTunkin,
  });
}

function cutiPlan(table: Table): Plan<CutiRow, CutiRow> {
  /** Lower-cased key → jenis_cuti as stored, filled inside the transaction before any write. */
  const storedSpelling = new Map<string, string>();
  return ofKnownEmployees<CutiRow>({
    checked: cutiRows(table),
    existingKeys: async (trx, nips) => {
      for (const stored of await existingCutiKeys(trx, nips)) {
        const [, , ...jenis] = stored.split("|");
        storedSpelling.set(stored.toLowerCase(), jenis.join("|"));
      }
      return new Set(storedSpelling.keys());
    },
    key: cutiKey,
    // MySQL's unique index matches jenis_cuti case-insensitively and SQLite's does not: writing the stored spelling
    // makes `tahunan` update `Tahunan` on both, as the counts already said it would.
    write: (trx, rows) =>
      upsertCuti(
        trx,
        rows.map((r) => ({ ...r, jenis_cuti: storedSpelling.get(cutiKey(r)) ?? r.jenis_cuti })),
      ),
  });
}

function pegawaiPlan(
  table: Table,
  now: number,
  report: (progress: ImportProgress) => void,
): Plan<PegawaiRow, PenggunaData> {
  return {
    checked: pegawaiRows(table),
    nipProblem: (row, known) =>
      known || row.password !== undefined
        ? undefined
        : "password wajib diisi untuk pegawai baru (NIP ini belum ada di database)",
    prepare: async (rows) => {
      const hashes = await hashPasswords(
        rows.map((r) => r.password),
        (done, total) => {
          if (done % HASH_PROGRESS_EVERY === 0 || done === total) report({ stage: "hash", done, total });
        },
      );
      return rows.map((row, i) => ({ ...row, password: hashes[i] }));
    },
    existingKeys: existingNips,
    key: pegawaiKey,
    write: (trx, rows) => upsertPengguna(trx, rows, now),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
