// The only module with SQL on `pesan`, the log of every message in and out.
import type { Db } from "./database.js";

export interface PesanData {
  waktu: number;
  arah: "masuk" | "keluar";
  id_chat: number | null;
  id_pengirim: number | null;
  pengirim: string | null;
  isi_pesan: string | null;
  jenis: string;
  perintah: string | null;
  data: string;
  id_pesan: number | null;
  update_id: number | null;
}

/** Idempotent on update_id: a redelivered update is logged once. */
export async function insertPesan(db: Db, rows: PesanData[]): Promise<void> {
  if (rows.length === 0) return;
  await db("pesan").insert(rows).onConflict("update_id").ignore();
}

export async function pesanForChat(db: Db, chatId: number): Promise<PesanData[]> {
  return db<PesanData>("pesan").where({ id_chat: chatId }).orderBy("id");
}
