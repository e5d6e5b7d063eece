// The only module with SQL on `pengumuman`: announcements from draft to done.
import type { Db } from "./database.js";

export interface PengumumanRow {
  id: number;
  id_chat_sumber: number;
  id_pesan_sumber: number;
  dibuat_oleh: number;
  status: "draf" | "berjalan" | "selesai" | "batal";
  jumlah_penerima: number;
}

export async function createDraft(db: Db, chatId: number, messageId: number, by: number, now: number): Promise<number> {
  const [id] = await db("pengumuman").insert({ id_chat_sumber: chatId, id_pesan_sumber: messageId, dibuat_oleh: by, status: "draf", dibuat: now });
  return Number(id);
}

export async function findPengumuman(db: Db, id: number): Promise<PengumumanRow | undefined> {
  const row = await db("pengumuman").where({ id }).first<PengumumanRow | undefined>();
  return row && { ...row, id_chat_sumber: Number(row.id_chat_sumber), id_pesan_sumber: Number(row.id_pesan_sumber), dibuat_oleh: Number(row.dibuat_oleh) };
}

/** Moves a draft on exactly once: a double tap on the button cannot start it twice. */
export async function leaveDraft(db: Db, id: number, status: "berjalan" | "batal", recipients: number, now: number): Promise<boolean> {
  const changed = await db("pengumuman").where({ id, status: "draf" }).update({ status, jumlah_penerima: recipients, dimulai: now });
  return changed === 1;
}

/** Returns true only for the call that finished it. */
export async function finishPengumuman(db: Db, id: number, now: number): Promise<boolean> {
  const changed = await db("pengumuman").where({ id, status: "berjalan" }).update({ status: "selesai", selesai: now });
  return changed === 1;
}
