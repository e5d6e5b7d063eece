// Who holds the leader lock (HOT_STANDBY) on MySQL/MariaDB, for npm run doctor: a look that never takes the lock.
import type { Db } from "./database.js";
import { leaderLockName } from "./leader-lock-name.js";

export interface LeaderLockHolder {
  lock: string;
  /** The server's connection id of the active instance; undefined while no instance holds the lock. */
  connectionId: number | undefined;
  /** Where that connection comes from (`10.0.0.5:51234`), when this user may see it in the process list. */
  host: string | undefined;
}

export async function leaderLockHolder(db: Db): Promise<LeaderLockHolder> {
  // The lock is named after the database it guards: the one this connection uses.
  const [[current]] = (await db.raw("SELECT DATABASE() AS name")) as [{ name: string }[]];
  const lock = leaderLockName(current?.name ?? "");
  const [[used]] = (await db.raw("SELECT IS_USED_LOCK(?) AS holder", [lock])) as [{ holder: number | string | null }[]];
  if (used?.holder === null || used?.holder === undefined) return { lock, connectionId: undefined, host: undefined };
  const connectionId = Number(used.holder);
  // Empty when this user may not see other users' connections (no PROCESS privilege): the id alone is still told.
  const [[connection]] = (await db.raw("SELECT HOST AS host FROM information_schema.PROCESSLIST WHERE ID = ?", [connectionId])) as [
    { host: string }[],
  ];
  return { lock, connectionId, host: connection?.host };
}
