// How long the bot keeps personal data (UU 27/2022: no longer than its purpose needs), applied to every table.
import type { Db } from "../db/database.js";
import { pruneFailedTries } from "../db/percobaan-daftar-repo.js";
import { stripPesanBefore } from "../db/pesan-repo.js";
import { stripWordsBefore } from "../db/saran-panduan-repo.js";
import { DAY_MS } from "../db/report-queries.js";
import { stripCommentsBefore } from "../db/tiket-repo.js";
import { deleteUpdatesReceivedBefore } from "../db/update-masuk-repo.js";
import { deleteSettledBefore } from "./outbox.js";
import { LOCK_WINDOW_MS } from "./registration.js";

/** The inbox only bridges a crash or a restart; a week covers any outage worth resuming. */
export const INBOX_DAYS = 7;
/** Failed /daftar tries matter for the lock-out window only; a day is well past it. */
const FAILED_TRY_MS = Math.max(DAY_MS, LOCK_WINDOW_MS);

/** What one pass changed, per table: rows emptied (`pesan`) or deleted (the others). Counts only, never content. */
export type RetentionCounts = {
  pesan: number;
  saran_panduan: number;
  antrian_kirim: number;
  update_masuk: number;
  percobaan_daftar: number;
  /** Comments on tickets closed before the cutoff, emptied (their ratings stay). */
  komentar: number;
};

/**
 * Past `days`: message texts and payloads are emptied, keeping the rows and the columns the service report counts,
 * so a report over an old period gives the same figures (all but the words of questions no guide matched and the
 * comments on closed tickets, which are emptied too); delivered or failed queue items (their copies of messages)
 * are deleted. Inbox updates go after INBOX_DAYS whatever their state, failed /daftar tries after a day.
 */
export async function applyRetention(db: Db, now: number, days: number): Promise<RetentionCounts> {
  const cutoff = now - days * DAY_MS;
  return {
    pesan: await stripPesanBefore(db, cutoff),
    saran_panduan: await stripWordsBefore(db, cutoff),
    antrian_kirim: await deleteSettledBefore(db, cutoff),
    update_masuk: await deleteUpdatesReceivedBefore(db, now - INBOX_DAYS * DAY_MS),
    percobaan_daftar: await pruneFailedTries(db, now - FAILED_TRY_MS),
    komentar: await stripCommentsBefore(db, cutoff),
  };
}
