// The only module with SQL on `dokumen_file`: Telegram file_ids of uploaded documents, keyed by content hash.
import type { Db } from "./database.js";

export async function findFileId(db: Db, sha256: string): Promise<string | undefined> {
  const row = await db("dokumen_file").where({ sha256 }).first<{ file_id: string } | undefined>();
  return row?.file_id;
}

export async function saveFileId(db: Db, sha256: string, fileId: string, now: number): Promise<void> {
  await db("dokumen_file").insert({ sha256, file_id: fileId, diunggah: now }).onConflict("sha256").merge(["file_id", "diunggah"]);
}
