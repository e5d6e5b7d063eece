// Turns a raw Bot API request body (urlencoded, multipart or JSON) into typed parameters and uploaded files.
import type { RecordedFile } from "./types.js";

export interface DecodedRequest {
  params: Record<string, unknown>;
  files: RecordedFile[];
}

// Fields whose value is text or an opaque id even when it looks like a number, a boolean or JSON:
// a message "[1,2]" or "true" must stay the string the user typed.
const VERBATIM_FIELDS = new Set([
  "text",
  "caption",
  "quote",
  "parse_mode",
  "callback_query_id",
  "inline_message_id",
  "business_connection_id",
  "custom_emoji_id",
  "effect_id",
  "url",
  "title",
  "description",
  "short_description",
  "name",
  "question",
  "explanation",
  "first_name",
  "last_name",
  "phone_number",
  "address",
  "performer",
  "photo",
  "document",
  "voice",
  "video",
  "audio",
  "animation",
  "sticker",
  "video_note",
  "thumbnail",
  "action",
]);

const INTEGER = /^-?\d{1,15}$/;

/** The client stringifies every scalar and JSON-encodes every object; this undoes that where the field allows. */
export function decodeField(name: string, raw: string): unknown {
  if (VERBATIM_FIELDS.has(name)) return raw;
  if (INTEGER.test(raw)) return Number(raw);
  if (raw === "true") return true;
  if (raw === "false") return false;
  const first = raw.trimStart()[0];
  if (first === "{" || first === "[") {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      // Left as the string: the method then refuses it the way Telegram refuses malformed JSON.
      return raw;
    }
  }
  return raw;
}

function decodePairs(pairs: Iterable<[string, string]>, into: Record<string, unknown>): void {
  for (const [name, raw] of pairs) into[name] = decodeField(name, raw);
}

export async function decodeRequest(contentType: string, body: Buffer, query: URLSearchParams): Promise<DecodedRequest> {
  const params: Record<string, unknown> = {};
  const files: RecordedFile[] = [];
  decodePairs(query, params);
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (body.length === 0) return { params, files };

  if (type === "application/x-www-form-urlencoded") {
    decodePairs(new URLSearchParams(body.toString("utf8")), params);
  } else if (type === "multipart/form-data") {
    // undici's multipart parser, reached through a Response, saves a hand-written one and a dependency.
    const form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    for (const [name, value] of form) {
      if (typeof value === "string") {
        params[name] = decodeField(name, value);
      } else {
        const data = Buffer.from(await value.arrayBuffer());
        files.push({ field: name, filename: value.name, contentType: value.type, size: data.length, data });
      }
    }
  } else if (type === "application/json") {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) Object.assign(params, parsed);
  }
  return { params, files };
}
