// Typed readers for decoded request parameters, refusing wrong or missing values with Telegram's wording.
import type { InlineKeyboardMarkup, MessageEntity } from "node-telegram-bot-api";
import { badRequest } from "./api-error.js";

export type Params = Record<string, unknown>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : String(value);
}

export function optionalInt(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === "") return undefined;
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isInteger(n)) throw badRequest(`invalid ${name} specified`);
  return n;
}

export function requiredInt(params: Params, name: string): number {
  const n = optionalInt(params, name);
  if (n === undefined) throw badRequest(`${name} is empty`);
  return n;
}

export function optionalBool(params: Params, name: string): boolean {
  const value = params[name];
  return value === true || value === "true" || value === 1;
}

export function optionalRecord(params: Params, name: string, unparsable: string): Record<string, unknown> | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === "") return undefined;
  if (!isRecord(value)) throw badRequest(unparsable);
  return value;
}

export function requiredIntArray(params: Params, name: string): number[] {
  const value = params[name];
  if (!Array.isArray(value) || value.length === 0) throw badRequest(`${name} is empty`);
  return value.map((v) => {
    if (typeof v !== "number" || !Number.isInteger(v)) throw badRequest(`invalid ${name} specified`);
    return v;
  });
}

function isEntity(value: unknown): value is MessageEntity {
  return isRecord(value) && typeof value.type === "string" && typeof value.offset === "number" && typeof value.length === "number";
}

/** Explicit `entities`/`caption_entities`, used when no parse_mode is given. */
export function optionalEntities(params: Params, name: string): MessageEntity[] | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every(isEntity)) throw badRequest(`can't parse entities JSON object`);
  return value;
}

const MAX_CALLBACK_DATA_BYTES = 64;

function isButtonRow(row: unknown): row is Record<string, unknown>[] {
  return Array.isArray(row) && row.every((b) => isRecord(b) && typeof b.text === "string");
}

/**
 * The reply_markup a message keeps: only an inline keyboard is part of a Message; reply keyboards and
 * force_reply are accepted and act on the client. Oversized callback_data is refused as Telegram does.
 */
export function inlineKeyboardOf(params: Params): InlineKeyboardMarkup | undefined {
  const markup = optionalRecord(params, "reply_markup", "can't parse reply keyboard markup JSON object");
  if (markup === undefined || markup.inline_keyboard === undefined) return undefined;
  const rows = markup.inline_keyboard;
  if (!Array.isArray(rows) || !rows.every(isButtonRow)) throw badRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
  for (const row of rows) {
    for (const button of row) {
      const data = button.callback_data;
      if (data === undefined) continue;
      if (typeof data !== "string" || data.length === 0 || Buffer.byteLength(data, "utf8") > MAX_CALLBACK_DATA_BYTES) {
        throw badRequest("BUTTON_DATA_INVALID");
      }
    }
  }
  // Shape checked above: rows of buttons with text; the remaining button fields are passed through untouched.
  return { inline_keyboard: rows as InlineKeyboardMarkup["inline_keyboard"] };
}
