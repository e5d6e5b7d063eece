// Finds the NIP and password in a `/daftar NIP PASSWORD` text, however the command is spelled, so the bot can use the
// password once and store or log the text without it.
import { normalizeNip } from "./registration.js";

export const REDACTED = "[disembunyikan]";

/** What may stand around the command and the NIP unseen: whitespace, zero-width and bidi (format) characters. */
const INVISIBLE_RUN = /^[\s\p{Cf}]+/u;
/**
 * `/daftar` in any letter case, addressed to any bot, then a break or the end: what Telegram clients send for
 * /Daftar and /daftar@bot. Whoever typed it meant to register, so the text is treated as holding a password.
 */
const DAFTAR = /^[\s\p{Cf}]*(\/daftar(?:@\w+)?)(?=[\s\p{Cf}]|$)/iu;
/** Any other command, its arguments after it. */
const OTHER_COMMAND = /^[\s\p{Cf}]*(\/[^\s\p{Cf}]*)([\s\S]*)$/u;
const DIGIT = /\p{Nd}/gu;
const NIP_DIGITS = 18;

export interface DaftarText {
  /** The command as typed, e.g. `/Daftar@sinawai_bot`. */
  command: string;
  /** The first word after the command, as typed (see normalizeNip). */
  nip: string;
  /** Everything after the NIP, its whitespace runs made single spaces. */
  password: string;
}

/** Reads a /daftar text or caption; undefined when the text is not one. */
export function parseDaftar(text: string | undefined): DaftarText | undefined {
  const match = text === undefined ? null : DAFTAR.exec(text);
  if (!match || text === undefined) return undefined;
  const args = text.slice(match[0].length).replace(INVISIBLE_RUN, "").trimEnd();
  // Not \s, which takes U+FEFF for a space: a BOM inside the NIP would cut it in two.
  const [nip = "", ...rest] = args.split(/\p{White_Space}+/u);
  return { command: match[1]!, nip, password: rest.join(" ") };
}

/**
 * Keeps the command and a valid NIP (in its 18 ASCII digits), hides the rest. A first word that is no NIP is hidden
 * too: it may be the password of someone who left the NIP out. A mistyped command (/dafter, a Cyrillic а) followed
 * by a NIP's worth of digits is taken for a /daftar and its arguments hidden whole.
 */
export function redactDaftar(text: string): string {
  const daftar = parseDaftar(text);
  if (daftar) {
    const nip = normalizeNip(daftar.nip);
    const hidden = daftar.password !== "" || (nip === undefined && daftar.nip !== "");
    return `${daftar.command}${nip === undefined ? "" : ` ${nip}`}${hidden ? ` ${REDACTED}` : ""}`;
  }
  const other = OTHER_COMMAND.exec(text);
  if (other && (other[2]!.match(DIGIT)?.length ?? 0) >= NIP_DIGITS) return `${other[1]!} ${REDACTED}`;
  return text;
}
