// Faults a test scheduled with failNext: which upcoming calls they hit and what Telegram answers instead.
import { BotApiError, tooManyRequests } from "./api-error.js";
import type { Fault, FaultMatch } from "./types.js";

interface PlannedFault {
  match: FaultMatch;
  fault: Fault;
  remaining: number;
}

const SERVER_ERROR_TEXT: Record<500 | 502, string> = { 500: "Internal Server Error", 502: "Bad Gateway" };

/** The refusal an answering fault sends; undefined for drop and hang, which send nothing. */
export function faultError(fault: Fault): BotApiError | undefined {
  if (!("status" in fault)) return undefined;
  switch (fault.status) {
    case 429:
      return tooManyRequests(fault.retryAfter);
    case 500:
    case 502:
      return new BotApiError(fault.status, SERVER_ERROR_TEXT[fault.status]);
    case 400:
    case 403:
      return new BotApiError(fault.status, fault.description);
  }
}

export class FaultPlan {
  private planned: PlannedFault[] = [];

  add(match: FaultMatch, fault: Fault, times: number): void {
    this.planned.push({ match, fault, remaining: times });
  }

  /** The first planned fault matching this call, used up by one. */
  take(method: string, params: Record<string, unknown>): Fault | undefined {
    const hit = this.planned.find((p) => (typeof p.match === "string" ? p.match === method : p.match({ method, params })));
    if (!hit) return undefined;
    hit.remaining -= 1;
    if (hit.remaining <= 0) this.planned = this.planned.filter((p) => p !== hit);
    return hit.fault;
  }
}
