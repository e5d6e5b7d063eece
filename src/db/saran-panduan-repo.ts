// The only module with SQL on `saran_panduan` (besides the report's counts): one row per question the guides were
// searched for, with the topics offered, or the question's words when nothing matched well.
import type { Db } from "./database.js";

export interface SaranPanduanData {
  /** Rounded down to the hour: enough for the report's days, too coarse to find the question in `pesan`. */
  waktu: number;
  jumlah_saran: number;
  /** "mutasi:0123456789,jahdis:…": the topics offered, best first; null when none. */
  topik: string | null;
  /** The question's informative words, space-separated, when no topic was offered; null otherwise. */
  kata: string | null;
}

/** A column of 255 characters, counted as MySQL counts them (code points). */
const KATA_LENGTH = 255;

export async function recordSuggestions(db: Db, row: SaranPanduanData): Promise<void> {
  const kata = row.kata === null ? null : Array.from(row.kata).slice(0, KATA_LENGTH).join("").trim();
  await db("saran_panduan").insert({ ...row, kata });
}

/** Empties the words of rows older than `before` (retention); the counts stay. Returns how many rows were emptied. */
export async function stripWordsBefore(db: Db, before: number): Promise<number> {
  return db("saran_panduan").where("waktu", "<", before).whereNotNull("kata").update({ kata: null });
}
