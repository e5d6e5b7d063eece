// The name of the MySQL/MariaDB named lock that makes one of two Sinawai instances the active one (HOT_STANDBY).
import { createHash } from "node:crypto";

/** The lock's name, before the database it guards. */
export const LEADER_LOCK = "sinawai-pemimpin";

/** MySQL refuses lock names longer than this. */
const MAX_LOCK_NAME = 64;

/**
 * A named lock belongs to the whole server, not to a database: the name carries the database's, so two bots on one
 * server (production and a trial, say) each have their own active instance. `SELECT IS_USED_LOCK(name)` with this
 * name tells which connection holds it.
 */
export function leaderLockName(database: string): string {
  const name = `${LEADER_LOCK}:${database}`;
  return name.length <= MAX_LOCK_NAME ? name : `${LEADER_LOCK}:${createHash("sha256").update(database).digest("hex").slice(0, 40)}`;
}
