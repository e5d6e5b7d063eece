// A refusal the fake answers instead of a result: the HTTP status and the description Telegram would send.
export interface ErrorEnvelope {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

export class BotApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: { retry_after: number },
  ) {
    super(description);
  }

  envelope(): ErrorEnvelope {
    return {
      ok: false,
      error_code: this.status,
      description: this.description,
      ...(this.parameters === undefined ? {} : { parameters: this.parameters }),
    };
  }
}

export function badRequest(detail: string): BotApiError {
  return new BotApiError(400, `Bad Request: ${detail}`);
}

export function forbidden(detail: string): BotApiError {
  return new BotApiError(403, `Forbidden: ${detail}`);
}

export function tooManyRequests(retryAfterSec: number): BotApiError {
  return new BotApiError(429, `Too Many Requests: retry after ${retryAfterSec}`, { retry_after: retryAfterSec });
}
