// The bureau's promise of a first answer within a number of service hours: where an open ticket stands against it,
// and the two reminders to the staff (at 75% of it, and once it has passed), each sent once and only while the
// team is on duty.
import { firstMessageOfTicket } from "../../db/tiket-pesan-repo.js";
import { raiseReminder, ticketWithAsker, unansweredTickets } from "../../db/tiket-repo.js";
import type { ServiceHours } from "../../content/types.js";
import { isOnDuty, workingMsBetween } from "../service-hours.js";
import { noticeWriter, type NoticeDeps } from "./notices.js";

export type PromiseState = "on-time" | "near" | "overdue";

/** The share of the target after which the staff are reminded. */
export const NEAR_SHARE = 0.75;
const STEP: Record<PromiseState, number> = { "on-time": 0, near: 1, overdue: 2 };

/** Where a ticket asked at `askedAt` and still unanswered stands at `now`, and the service time it has used. */
export function promiseStanding(hours: ServiceHours, askedAt: number, now: number, targetMs: number): { state: PromiseState; usedMs: number } {
  const usedMs = workingMsBetween(hours, askedAt, now);
  const state = usedMs >= targetMs ? "overdue" : usedMs >= NEAR_SHARE * targetMs ? "near" : "on-time";
  return { state, usedMs };
}

export interface PromiseTexts {
  /** `leftMs`: service time left before the target passes. */
  nearTarget(ticketId: number, askerName: string, leftMs: number): string;
  overdue(ticketId: number, askerName: string, targetMs: number): string;
}

export interface AnswerPromiseDeps extends NoticeDeps {
  staffGroupId: number;
  texts: PromiseTexts;
  /** The service hours in force now (the content file is hot reloaded). */
  hours: () => ServiceHours;
  targetMs: number;
}

export function createAnswerPromise(deps: AnswerPromiseDeps) {
  const { db, texts, targetMs } = deps;
  const notices = noticeWriter(deps);

  async function remind(ticketId: number, state: Exclude<PromiseState, "on-time">, usedMs: number): Promise<boolean> {
    return notices.committed(async (trx) => {
      if (!(await raiseReminder(trx, ticketId, STEP[state]))) return false;
      const ticket = await ticketWithAsker(trx, ticketId);
      const name = ticket?.nama ?? "-";
      await notices.queue(trx, {
        about: state === "near" ? "pengingat-75" : "pengingat-lewat",
        id: ticketId,
        ticketId,
        to: deps.staffGroupId,
        text: state === "near" ? texts.nearTarget(ticketId, name, targetMs - usedMs) : texts.overdue(ticketId, name, targetMs),
        replyTo: await firstMessageOfTicket(trx, ticketId, deps.staffGroupId),
      });
      return true;
    });
  }

  return {
    /** The service hours and the target in force now, for the figures that count against them. */
    target: () => ({ hours: deps.hours(), targetMs }),
    state: (askedAt: number, now: number) => promiseStanding(deps.hours(), askedAt, now, targetMs).state,

    /** Sends the reminders now due; none outside service hours (they wait for the team to be back). */
    async remindDue(now: number): Promise<{ near: number; overdue: number }> {
      const sent = { near: 0, overdue: 0 };
      const hours = deps.hours();
      if (!isOnDuty(hours, now)) return sent;
      for (const ticket of await unansweredTickets(db)) {
        const { state, usedMs } = promiseStanding(hours, ticket.ditanya, now, targetMs);
        // A ticket past both steps at once (the bot was down) gets the overdue reminder alone.
        if (state === "on-time" || STEP[state] <= ticket.pengingat) continue;
        if (await remind(ticket.id, state, usedMs)) sent[state]++;
      }
      return sent;
    },
  };
}

export type AnswerPromise = ReturnType<typeof createAnswerPromise>;
