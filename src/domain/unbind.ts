// Releasing an employee's Telegram binding (they changed phones, or lost the account): the account is forgotten, and
// nothing still queued for it reaches it, since whoever holds it now may not be the employee.
import type { Db } from "../db/database.js";
import { findByNip, unbindTelegram, type PenggunaRow } from "../db/pengguna-repo.js";
import { cancelPendingTo } from "./outbox.js";

export type UnbindResult =
  | { kind: "unknown-nip" }
  | { kind: "not-bound"; employee: PenggunaRow }
  | { kind: "released"; employee: PenggunaRow; previousAccount: number; droppedMessages: number };

export async function releaseTelegram(db: Db, nip: string, now: number): Promise<UnbindResult> {
  return db.transaction(async (trx) => {
    const employee = await findByNip(trx, nip);
    const previous = employee && (await unbindTelegram(trx, nip, now));
    if (!employee || previous === undefined) return { kind: "unknown-nip" };
    if (previous === null) return { kind: "not-bound", employee };
    const droppedMessages = await cancelPendingTo(trx, previous, "ikatan Telegram dilepas (npm run unbind)", now);
    return { kind: "released", employee, previousAccount: previous, droppedMessages };
  });
}
