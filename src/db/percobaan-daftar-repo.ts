// The only module with SQL on `percobaan_daftar`: the /daftar tries counted against each Telegram account and NIP.
import type { Db } from "./database.js";

const TABLE = "percobaan_daftar";
/** More rounds than tries in a window: each lost round means another request took a try, so the limit ends it sooner. */
const MAX_ROUNDS = 20;

/** One try held under one key; its row counts until the window passes or the try is given back. */
export interface HeldTry {
  kunci: string;
  urutan: number;
}

export type Reservation =
  /** `used`: the most tries any of the keys now holds in the window, this one included. */
  | { kind: "held"; tries: HeldTry[]; used: number }
  /** `oldest`: when the oldest try in the window of the full key was made. */
  | { kind: "refused"; oldest: number };

/**
 * Takes one try under every key, or none if a key already holds `limit` tries made at or after `since`. Tries older
 * than that are deleted first.
 *
 * A key's tries are numbered (`urutan`, unique per key) and a new try takes the number after the highest. Requests
 * racing for a key's last try read the same highest number, the database refuses all inserts of it but one, and the
 * others count again: a key never holds more than `limit` tries in the window. This needs neither a transaction nor
 * a lock, which on MariaDB would deadlock readers of the same gap.
 */
export async function reserveTries(db: Db, keys: string[], now: number, since: number, limit: number): Promise<Reservation> {
  // Checked first so that the common case, nothing to prune, takes no delete lock.
  if (await db(TABLE).where("waktu", "<", since).first("id")) await pruneFailedTries(db, since);
  const held: HeldTry[] = [];
  let used = 0;
  for (const kunci of keys) {
    const taken = await reserveOne(db, kunci, now, since, limit);
    if (taken.kind === "refused") {
      await releaseTries(db, held);
      return taken;
    }
    held.push(taken.held);
    used = Math.max(used, taken.used);
  }
  return { kind: "held", tries: held, used };
}

/** Gives tries back, as if they had not been made. */
export async function releaseTries(db: Db, tries: HeldTry[]): Promise<void> {
  if (tries.length === 0) return;
  await db(TABLE)
    .where((q) => {
      for (const t of tries) q.orWhere({ kunci: t.kunci, urutan: t.urutan });
    })
    .delete();
}

/** Writes tries without checking the limit, to set up a state; the bot takes its tries with reserveTries. */
export async function recordFailedTry(db: Db, keys: string[], now: number): Promise<void> {
  await db(TABLE).insert(keys.map((kunci) => ({ kunci, waktu: now })));
}

export async function pruneFailedTries(db: Db, before: number): Promise<number> {
  return db(TABLE).where("waktu", "<", before).delete();
}

/** The tries stored under these keys (a person's accounts and NIP), oldest first: for a copy of their data. */
export async function failedTriesOf(db: Db, keys: string[]): Promise<{ kunci: string; waktu: number }[]> {
  const rows = await db(TABLE).whereIn("kunci", keys).orderBy("waktu").select<{ kunci: string; waktu: number | string }[]>("kunci", "waktu");
  return rows.map((r) => ({ kunci: r.kunci, waktu: Number(r.waktu) }));
}

/** Deletes the tries stored under these keys: for erasing a person's data. */
export async function deleteFailedTriesOf(db: Db, keys: string[]): Promise<number> {
  return db(TABLE).whereIn("kunci", keys).delete();
}

async function reserveOne(
  db: Db,
  kunci: string,
  now: number,
  since: number,
  limit: number,
): Promise<{ kind: "held"; held: HeldTry; used: number } | { kind: "refused"; oldest: number }> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const row = await db(TABLE)
      .where({ kunci })
      .select(
        db.raw("sum(case when waktu >= ? then 1 else 0 end) as n", [since]),
        db.raw("min(case when waktu >= ? then waktu end) as oldest", [since]),
        db.raw("max(urutan) as top"),
      )
      .first<{ n: number | string | null; oldest: number | string | null; top: number | string | null } | undefined>();
    const count = Number(row?.n ?? 0);
    if (count >= limit) return { kind: "refused", oldest: Number(row?.oldest ?? now) };
    const urutan = Number(row?.top ?? 0) + 1;
    try {
      await db(TABLE).insert({ kunci, waktu: now, urutan });
      return { kind: "held", held: { kunci, urutan }, used: count + 1 };
    } catch (err) {
      if (!lostRace(err)) throw err;
    }
  }
  throw new Error(`percobaan_daftar: ${kunci} lost ${MAX_ROUNDS} races for a try in a row`);
}

/**
 * Another request took the number first (a duplicate key), or MariaDB chose this insert as a deadlock's victim (with
 * a prune): either way the statement changed nothing and may run again.
 */
function lostRace(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "ER_DUP_ENTRY" || code === "ER_LOCK_DEADLOCK" || code === "SQLITE_CONSTRAINT_UNIQUE";
}
