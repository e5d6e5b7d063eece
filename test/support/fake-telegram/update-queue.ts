// The bot's pending updates and getUpdates long polling: offset confirmation, holding, waking, and 409 conflicts.
import type { Update } from "node-telegram-bot-api";
import { BotApiError } from "./api-error.js";
import type { UpdateInput } from "./types.js";

export interface PollRequest {
  offset?: number;
  limit?: number;
  timeout?: number;
  allowed_updates?: string[];
}

/** Answers one getUpdates request: a result, or a refusal. */
export type PollAnswer = (outcome: { updates: Update[] } | { error: BotApiError }) => void;

interface HeldPoll {
  limit: number;
  answer: PollAnswer;
  timer: NodeJS.Timeout;
}

const FIRST_UPDATE_ID = 100_001;
const CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
// What Telegram delivers when allowed_updates was never set.
const UNREQUESTED_BY_DEFAULT = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

export function updateKind(update: Update): string {
  return Object.keys(update).find((k) => k !== "update_id") ?? "";
}

export class UpdateQueue {
  private updates: Update[] = [];
  private nextId = FIRST_UPDATE_ID;
  private allowed: Set<string> | undefined;
  private held: HeldPoll | undefined;
  private wakeScheduled = false;
  confirmedOffset = 0;

  push(input: UpdateInput): Update {
    const update_id = input.update_id ?? this.nextId;
    this.nextId = Math.max(this.nextId, update_id + 1);
    // Spreading one variant of UpdateInput and adding its id gives back that variant of Update.
    const update = { ...input, update_id } as Update;
    this.updates.push(update);
    this.scheduleWake();
    return update;
  }

  /** A getUpdates is being held open, waiting for an update. */
  get holding(): boolean {
    return this.held !== undefined;
  }

  pending(): Update[] {
    return [...this.updates];
  }

  /** deleteWebhook/setWebhook with drop_pending_updates. */
  dropAll(): void {
    this.updates = [];
  }

  poll(request: PollRequest, answer: PollAnswer): { cancel(): void } {
    // Telegram serves one getUpdates per bot: a newer request ends the one being held.
    this.settleHeld({ error: new BotApiError(409, CONFLICT) });
    this.confirm(request.offset);
    if (request.allowed_updates !== undefined && request.allowed_updates.length > 0) this.allowed = new Set(request.allowed_updates);
    const limit = Math.min(100, Math.max(1, request.limit ?? 100));
    const ready = this.deliverable(limit);
    const timeoutSec = Math.max(0, request.timeout ?? 0);
    if (ready.length > 0 || timeoutSec === 0) {
      answer({ updates: ready });
      return { cancel: () => undefined };
    }
    const held: HeldPoll = {
      limit,
      answer,
      timer: setTimeout(() => this.settleHeld({ updates: [] }), timeoutSec * 1000),
    };
    this.held = held;
    return {
      cancel: () => {
        if (this.held !== held) return;
        clearTimeout(held.timer);
        this.held = undefined;
      },
    };
  }

  /** stop(): a held poll is dropped with its connection, not answered. */
  close(): void {
    if (this.held) clearTimeout(this.held.timer);
    this.held = undefined;
  }

  private confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    if (offset < 0) {
      // A negative offset keeps only the last -offset updates and forgets the rest.
      this.updates = this.updates.slice(offset);
      return;
    }
    this.updates = this.updates.filter((u) => u.update_id >= offset);
    this.confirmedOffset = Math.max(this.confirmedOffset, offset);
  }

  /** Updates of kinds the bot did not ask for are never delivered, so Telegram does not keep them. */
  private deliverable(limit: number): Update[] {
    this.updates = this.updates.filter((u) => {
      const kind = updateKind(u);
      return this.allowed ? this.allowed.has(kind) : !UNREQUESTED_BY_DEFAULT.has(kind);
    });
    return this.updates.slice(0, limit);
  }

  // Waking on the next turn lets updates pushed together (an album) arrive in one answer, as they do from Telegram.
  private scheduleWake(): void {
    if (this.wakeScheduled || !this.held) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      const held = this.held;
      if (!held) return;
      const ready = this.deliverable(held.limit);
      if (ready.length > 0) this.settleHeld({ updates: ready });
    });
  }

  private settleHeld(outcome: { updates: Update[] } | { error: BotApiError }): void {
    const held = this.held;
    if (!held) return;
    clearTimeout(held.timer);
    this.held = undefined;
    held.answer(outcome);
  }
}
