// What staff do to a ticket besides answering and closing it: take it (claim it, or take it over from a colleague),
// and stop relaying its asker's messages (block) or start again (unblock). Each is recorded with who did it.
import { activeBlock, block, markTold, unblock } from "../../db/blokir-repo.js";
import type { Db } from "../../db/database.js";
import { claimTicket, type StaffMember, type TiketWithAsker } from "../../db/tiket-repo.js";
import type { Clock } from "../clock.js";

export type ClaimResult = { kind: "claimed" } | { kind: "already-yours" } | { kind: "taken-over"; from: string };

/** What the relay does with a message of a blocked employee: tell them once, then drop the rest silently. */
export type BlockedAnswer = "relay" | "tell" | "drop";

export function createStaffDesk(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  return {
    async claim(ticket: TiketWithAsker, staff: StaffMember): Promise<ClaimResult> {
      const result = await claimTicket(db, ticket.id, staff, clock());
      const previous = result?.previous ?? null;
      if (previous === null) return { kind: "claimed" };
      return previous.id === staff.id ? { kind: "already-yours" } : { kind: "taken-over", from: previous.name };
    },

    /** False when the asker was blocked already. */
    block: (ticket: TiketWithAsker, staff: StaffMember) => block(db, ticket.id_pengguna, staff, clock()),
    /** False when the asker was not blocked. */
    unblock: (ticket: TiketWithAsker, staff: StaffMember) => unblock(db, ticket.id_pengguna, staff, clock()),

    async blockedAnswer(pengguna: number): Promise<BlockedAnswer> {
      const active = await activeBlock(db, pengguna);
      if (!active) return "relay";
      return active.diberitahu === null && (await markTold(db, active.id, clock())) ? "tell" : "drop";
    },
  };
}

export type StaffDeskService = ReturnType<typeof createStaffDesk>;
