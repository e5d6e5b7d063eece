// Reads a document's bytes for upload exactly as they were checked at load: no symbolic link is followed (a file
// swapped for a link to the .env or /etc/passwd after loading is refused), and the bytes must have the hash the
// check saw, so nothing but validated content ever leaves the documents folder.
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import type { DocumentEntry } from "./types.js";

export type DocumentBytes = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

export async function readDocument(document: DocumentEntry): Promise<DocumentBytes> {
  let bytes: Buffer;
  try {
    const handle = await open(document.path, constants.O_RDONLY | constants.O_NOFOLLOW);
    bytes = await handle.readFile().finally(() => handle.close());
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === "ELOOP" ? "berkas diganti tautan simbolik" : `tidak bisa dibaca (${code ?? String(err)})` };
  }
  if (createHash("sha256").update(bytes).digest("hex") !== document.sha256) return { ok: false, reason: "isi berkas berubah sejak konten terakhir diperiksa" };
  return { ok: true, bytes };
}
