// Gathers everything stored about one employee into one readable document: the answer to an access request.
import { chatKey } from "../bot/update-info.js";
import { blocksOf } from "../db/blokir-repo.js";
import { topicsOfEmployee } from "../db/topik-repo.js";
import { allCutiOf } from "../db/cuti-repo.js";
import type { Db } from "../db/database.js";
import { outboxItemsOf } from "../db/antrian-kirim-repo.js";
import { failedTriesOf } from "../db/percobaan-daftar-repo.js";
import { pesanOf } from "../db/pesan-repo.js";
import { WIB_OFFSET_MS } from "../db/report-queries.js";
import { allTunkinOf } from "../db/tunkin-repo.js";
import { updatesOfChats } from "../db/update-masuk-repo.js";
import { failedTryKeysOf, findDataSubject } from "./data-subject.js";

type Row = Record<string, unknown>;

/** One key per table, named as the table is: the officer can match each part to the README's list. */
export interface PersonalDataExport {
  tentang: string;
  dibuat: string;
  nip: string;
  akun_telegram: number[];
  /** The employee record; the password hash is left out (it is no one's to read, not even its owner's). */
  pengguna: Row;
  tunkin: Row[];
  cuti: Row[];
  tiket: Row[];
  tiket_pesan: Row[];
  blokir: Row[];
  topik: Row[];
  pesan: Row[];
  antrian_kirim: Row[];
  update_masuk: Row[];
  percobaan_daftar: Row[];
}

export type ExportPart = Exclude<keyof PersonalDataExport, "tentang" | "dibuat" | "nip" | "akun_telegram">;

export const EXPORT_PARTS: readonly ExportPart[] = [
  "pengguna",
  "tunkin",
  "cuti",
  "tiket",
  "tiket_pesan",
  "blokir",
  "topik",
  "pesan",
  "antrian_kirim",
  "update_masuk",
  "percobaan_daftar",
];

const ABOUT =
  "Salinan seluruh data pribadi yang disimpan bot Sinawai (Biro OSDM) tentang satu pegawai, untuk memenuhi hak akses " +
  "menurut UU 27/2022 tentang Pelindungan Data Pribadi. Setiap bagian bernama sesuai tabel database-nya. Waktu ditulis " +
  "dalam WIB. Hash password tidak disertakan. Isi pesan yang lebih tua dari masa simpan (RETENTION_DAYS) sudah dikosongkan.";

/** Columns holding epoch milliseconds, written as WIB times for a human reader. */
const TIME_COLUMNS = new Set([
  "waktu", "dibuat", "diubah", "terdaftar_pada", "ditanya", "dijawab_pertama", "dijawab_terakhir", "aktivitas_pegawai", "ditutup", "dinilai",
  "komentar_diminta", "diambil", "diblokir", "diberitahu", "dibuka", "berikutnya", "dikirim", "diterima", "selesai",
]);
/** Columns holding JSON text (a Telegram update or message, a queued payload), included as structured data. */
const JSON_COLUMNS = new Set(["data", "muatan", "hasil"]);

/** Undefined when no employee has this NIP. */
export async function exportPersonalData(db: Db, nip: string, now: number): Promise<PersonalDataExport | undefined> {
  const subject = await findDataSubject(db, nip);
  if (!subject) return undefined;
  const { telegramIds, ticketIds } = subject;
  const { password: _hash, ...employee } = subject.employee;
  return {
    tentang: ABOUT,
    dibuat: wibTime(now),
    nip,
    akun_telegram: telegramIds,
    pengguna: readable(employee),
    tunkin: (await allTunkinOf(db, nip)).map(readable),
    cuti: (await allCutiOf(db, nip)).map(readable),
    tiket: subject.tickets.map(readable),
    tiket_pesan: subject.ticketLinks.map(readable),
    blokir: (await blocksOf(db, subject.employee.id)).map(readable),
    topik: (await topicsOfEmployee(db, subject.employee.id)).map(readable),
    pesan: (await pesanOf(db, { accounts: telegramIds, messages: subject.messagesElsewhere })).map(readable),
    antrian_kirim: (await outboxItemsOf(db, telegramIds, ticketIds)).map(readable),
    update_masuk: (await updatesOfChats(db, telegramIds.map(chatKey))).map(readable),
    percobaan_daftar: (await failedTriesOf(db, failedTryKeysOf(subject))).map(readable),
  };
}

/** How many items of each kind the export holds (the employee record counts as one). */
export function exportCounts(data: PersonalDataExport): Record<ExportPart, number> {
  const counts = {} as Record<ExportPart, number>;
  for (const part of EXPORT_PARTS) {
    const value = data[part];
    counts[part] = Array.isArray(value) ? value.length : 1;
  }
  return counts;
}

function readable(row: object): Row {
  return Object.fromEntries(Object.entries(row).map(([column, value]: [string, unknown]) => [column, readableValue(column, value)]));
}

function readableValue(column: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (TIME_COLUMNS.has(column) && (typeof value === "number" || typeof value === "string")) return wibTime(Number(value));
  if (JSON_COLUMNS.has(column) && typeof value === "string") {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

/** 2026-11-02T08:05:00.000+07:00 */
function wibTime(epochMs: number): string {
  return new Date(epochMs + WIB_OFFSET_MS).toISOString().replace("Z", "+07:00");
}
