// Removes the password from a `/daftar NIP PASSWORD` text before it is stored or logged.
export const REDACTED = "[disembunyikan]";

const DAFTAR = /^(\/daftar(?:@\w+)?)(\s+\S+)?(\s[\s\S]*)?$/i;

export function isDaftarCommand(text: string | undefined): boolean {
  return text !== undefined && /^\/daftar(@\w+)?(\s|$)/i.test(text);
}

/** Keeps the command and the NIP, drops everything after the NIP. */
export function redactDaftar(text: string): string {
  const m = DAFTAR.exec(text);
  if (!m || !isDaftarCommand(text)) return text;
  return `${m[1]}${m[2] ?? ""}${m[3] ? ` ${REDACTED}` : ""}`;
}
