// Faults a test scheduled with failNext or failAlways: which upcoming calls they hit and what is answered instead.
import { BotApiError, tooManyRequests } from "./api-error.js";
import type { Fault, FaultMatch } from "./types.js";

/** An answer that is not Telegram's envelope: whatever a proxy or a broken gateway in between might send. */
export interface RawAnswer {
  status: number;
  body: string;
  contentType: string;
}

interface PlannedFault {
  match: FaultMatch;
  fault: Fault;
  remaining: number;
}

const SERVER_ERROR_TEXT: Record<500 | 502, string> = { 500: "Internal Server Error", 502: "Bad Gateway" };

/** What an answering fault sends; undefined for drop and hang, which send nothing. */
export function faultAnswer(fault: Fault): BotApiError | RawAnswer | undefined {
  if (!("status" in fault)) return undefined;
  if ("body" in fault) return { status: fault.status, body: fault.body, contentType: fault.contentType ?? "application/json" };
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

  /** `times` may be Infinity: the fault then hits every matching call until the returned function clears it. */
  add(match: FaultMatch, fault: Fault, times: number): () => void {
    const planned: PlannedFault = { match, fault, remaining: times };
    this.planned.push(planned);
    return () => {
      this.planned = this.planned.filter((p) => p !== planned);
    };
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
