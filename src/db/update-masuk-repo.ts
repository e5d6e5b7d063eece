// The only module with SQL on `update_masuk`, the durable inbox of updates taken from getUpdates.
import type { Db } from "./database.js";

export interface InboxUpdate {
  update_id: number;
  kunci_chat: string;
  data: string;
}

/**
 * Stores the batch; an update already stored (Telegram redelivered it) is ignored. Returns the ids still to handle.
 * `mayBeStored` false (every id is above the highest ever stored) spares the look-up on the hot path.
 */
export async function acceptUpdates(db: Db, updates: InboxUpdate[], now: number, mayBeStored: boolean): Promise<Set<number>> {
  if (updates.length === 0) return new Set();
  await db("update_masuk")
    .insert(updates.map((u) => ({ ...u, diterima: now, selesai: null })))
    .onConflict("update_id")
    .ignore();
  if (!mayBeStored) return new Set(updates.map((u) => u.update_id));
  const open = await db("update_masuk")
    .whereIn("update_id", updates.map((u) => u.update_id))
    .whereNull("selesai")
    .select<{ update_id: number | string }[]>("update_id");
  return new Set(open.map((r) => Number(r.update_id)));
}

export async function unfinishedUpdates(db: Db): Promise<InboxUpdate[]> {
  const rows = await db("update_masuk").whereNull("selesai").orderBy("update_id").select<InboxUpdate[]>("update_id", "kunci_chat", "data");
  return rows.map((r) => ({ ...r, update_id: Number(r.update_id) }));
}

export async function highestStoredUpdate(db: Db): Promise<number> {
  const row = await db("update_masuk").max<{ m: number | string | null }>({ m: "update_id" }).first();
  return Number(row?.m ?? 0);
}

export async function markUpdatesDone(db: Db, updateIds: number[], now: number): Promise<void> {
  await db("update_masuk").whereIn("update_id", updateIds).update({ selesai: now });
}

export async function pruneUpdates(db: Db, finishedBefore: number): Promise<number> {
  return db("update_masuk").whereNotNull("selesai").where("selesai", "<", finishedBefore).delete();
}

/** Deletes every update received before `before`, handled or not: the inbox is a buffer, not an archive. */
export async function deleteUpdatesReceivedBefore(db: Db, before: number): Promise<number> {
  return db("update_masuk").where("diterima", "<", before).delete();
}

export async function updatesOfChats(db: Db, chatKeys: string[]): Promise<Record<string, unknown>[]> {
  if (chatKeys.length === 0) return [];
  return db("update_masuk").whereIn("kunci_chat", chatKeys).orderBy("update_id").select<Record<string, unknown>[]>("*");
}

export async function deleteUpdatesOfChats(db: Db, chatKeys: string[]): Promise<number> {
  if (chatKeys.length === 0) return 0;
  return db("update_masuk").whereIn("kunci_chat", chatKeys).delete();
}
