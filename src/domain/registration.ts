// Binding a Telegram account to an employee record (`/daftar NIP PASSWORD`), with a limit on failed tries.
import type { Db } from "../db/database.js";
import { bindTelegram, findByNip, findByTelegramId, type PenggunaRow } from "../db/pengguna-repo.js";
import { releaseTries, reserveTries } from "../db/percobaan-daftar-repo.js";
import type { Clock } from "./clock.js";
import { verifyPassword } from "./passwords.js";

export const MAX_FAILED_TRIES = 5;
export const LOCK_WINDOW_MS = 15 * 60 * 1000;

export type RegistrationResult =
  | { kind: "invalid-nip" }
  | { kind: "registered"; pengguna: PenggunaRow }
  | { kind: "already-registered"; pengguna: PenggunaRow }
  | { kind: "wrong-credentials"; triesLeft: number }
  | { kind: "locked"; retryAt: number }
  | { kind: "inactive" }
  | { kind: "bound-elsewhere" }
  | { kind: "account-has-other-nip"; nip: string };

export interface RegistrationRequest {
  telegramId: number;
  nip: string;
  password: string;
}

/** Failed tries are counted per Telegram account and per NIP, each under its own key. */
export const accountTryKey = (telegramId: number): string => `tg:${telegramId}`;
export const nipTryKey = (nip: string): string => `nip:${nip}`;

export function isActive(p: PenggunaRow): boolean {
  return p.status.toLowerCase() === "aktif";
}

/** Whitespace and format characters: zero-width (U+200B–U+200D, U+2060, U+FEFF), bidi controls, soft hyphens. */
const INVISIBLE = /[\p{White_Space}\p{Cf}]/gu;

/**
 * The NIP as 18 ASCII digits, or undefined. Unicode NFKC first (full-width and other compatibility digits become
 * ASCII ones), then every invisible character goes. Anything else is refused, Arabic-Indic digits included: MySQL's
 * unicode collations would match those to ASCII digits, and a NIP the lock and the database read differently is how
 * the lock was once dodged.
 */
export function normalizeNip(typed: string): string | undefined {
  const nip = typed.normalize("NFKC").replace(INVISIBLE, "");
  return /^[0-9]{18}$/.test(nip) ? nip : undefined;
}

export async function register(db: Db, clock: Clock, req: RegistrationRequest): Promise<RegistrationResult> {
  const nip = normalizeNip(req.nip);
  if (nip === undefined) return { kind: "invalid-nip" };
  const now = clock();
  const current = await findByTelegramId(db, req.telegramId);
  if (current && current.nip === nip) return { kind: "already-registered", pengguna: current };
  if (current) return { kind: "account-has-other-nip", nip: current.nip };

  // The try is written before the password is checked, so a try that cannot be written stops here (the error goes
  // up) and no password is checked unrecorded, and accounts racing for one NIP share its MAX_FAILED_TRIES.
  const keys = [nipTryKey(nip), accountTryKey(req.telegramId)];
  const reservation = await reserveTries(db, keys, now, now - LOCK_WINDOW_MS, MAX_FAILED_TRIES);
  if (reservation.kind === "refused") return { kind: "locked", retryAt: reservation.oldest + LOCK_WINDOW_MS };

  const pengguna = await findByNip(db, nip);
  // Verified even for an unknown NIP, so the answer's timing does not tell which NIPs exist.
  if (!(await verifyPassword(req.password, pengguna?.password)) || !pengguna) {
    return { kind: "wrong-credentials", triesLeft: Math.max(0, MAX_FAILED_TRIES - reservation.used) };
  }
  // The right password is no failed try; given back before binding, so a failure to give it back binds nothing.
  await releaseTries(db, reservation.tries);
  if (!isActive(pengguna)) return { kind: "inactive" };
  if (pengguna.id_telegram !== null && pengguna.id_telegram !== req.telegramId) return { kind: "bound-elsewhere" };
  if (!(await bindTelegram(db, nip, req.telegramId, now))) return { kind: "bound-elsewhere" };
  return { kind: "registered", pengguna: { ...pengguna, id_telegram: req.telegramId, terdaftar_pada: now } };
}
