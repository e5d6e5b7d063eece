// The only module with SQL on `blokir`: which employees' messages are no longer relayed to the staff, by whom and
// since when, and when it was lifted; each block stays as a row, lifted or not.
import type { Db } from "./database.js";
import type { StaffMember } from "./tiket-repo.js";

export interface ActiveBlock {
  id: number;
  /** When the employee was told; null until then. */
  diberitahu: number | null;
}

export async function activeBlock(db: Db, pengguna: number): Promise<ActiveBlock | undefined> {
  const row = await db("blokir").where({ id_pengguna: pengguna }).whereNull("dibuka").first<ActiveBlock | undefined>("id", "diberitahu");
  return row && { id: Number(row.id), diberitahu: row.diberitahu === null ? null : Number(row.diberitahu) };
}

/** False when the employee was blocked already. */
export async function block(db: Db, pengguna: number, by: StaffMember, now: number): Promise<boolean> {
  return db.transaction(async (trx) => {
    if (await activeBlock(trx, pengguna)) return false;
    await trx("blokir").insert({ id_pengguna: pengguna, diblokir: now, diblokir_oleh: by.id, nama_pemblokir: by.name });
    return true;
  });
}

/** False when the employee was not blocked. */
export async function unblock(db: Db, pengguna: number, by: StaffMember, now: number): Promise<boolean> {
  const changed = await db("blokir").where({ id_pengguna: pengguna }).whereNull("dibuka").update({ dibuka: now, dibuka_oleh: by.id, nama_pembuka: by.name });
  return changed > 0;
}

/** Records that the employee was told; false when someone (a concurrent message) already did. */
export async function markTold(db: Db, id: number, now: number): Promise<boolean> {
  return (await db("blokir").where({ id }).whereNull("diberitahu").update({ diberitahu: now })) === 1;
}

/** A person's blocks as stored, every column, oldest first: part of what the bot keeps about them. */
export async function blocksOf(db: Db, pengguna: number): Promise<Record<string, unknown>[]> {
  return db("blokir").where({ id_pengguna: pengguna }).orderBy("id").select<Record<string, unknown>[]>("*");
}
