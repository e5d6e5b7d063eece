// The fetch the Bot API client uses: an answer that is not in Telegram's format (an HTML error page from a proxy,
// JSON of some other shape) becomes a Telegram-shaped error naming the HTTP status, the method and what the
// server said, so a log shows what happened and every path classifies it alike (as an outage: 502 Bad Gateway).
import { excerpt } from "./describe-error.js";

type Fetch = typeof globalThis.fetch;

interface Envelope {
  ok: boolean;
  error_code?: unknown;
  description?: unknown;
}

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== "object" || value === null || typeof (value as Envelope).ok !== "boolean") return false;
  const v = value as Envelope;
  return v.ok || (typeof v.error_code === "number" && typeof v.description === "string");
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function telegramFetch(inner: Fetch = globalThis.fetch): Fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    const text = await response.text();
    if (isEnvelope(parse(text))) return new Response(text, { status: response.status, headers: response.headers });
    const method = new URL(String(input instanceof Request ? input.url : input)).pathname.split("/").pop() ?? "?";
    // Not Telegram saying no but something in between answering instead (a proxy, an emulator): a bad gateway,
    // which the classifier treats as an outage, with the real status kept in the text.
    const status = 502;
    const description = `${method}: HTTP ${response.status}, jawaban bukan format Telegram: ${excerpt(text) || "(kosong)"}`;
    return new Response(JSON.stringify({ ok: false, error_code: status, description }), {
      status,
      headers: { "content-type": "application/json" },
    });
  };
}
