// Binding a Telegram account to an employee record (`/daftar NIP PASSWORD`), with a limit on failed tries.
import type { Db } from "../db/database.js";
import { bindTelegram, findByNip, findByTelegramId, type PenggunaRow } from "../db/pengguna-repo.js";
import { countFailedTries, recordFailedTry } from "../db/percobaan-daftar-repo.js";
import type { Clock } from "./clock.js";
import { verifyPassword } from "./passwords.js";

export const MAX_FAILED_TRIES = 5;
export const LOCK_WINDOW_MS = 15 * 60 * 1000;

export type RegistrationResult =
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

export function isActive(p: PenggunaRow): boolean {
  return p.status.toLowerCase() === "aktif";
}

export async function register(db: Db, clock: Clock, req: RegistrationRequest): Promise<RegistrationResult> {
  const now = clock();
  const current = await findByTelegramId(db, req.telegramId);
  if (current && current.nip === req.nip) return { kind: "already-registered", pengguna: current };
  if (current) return { kind: "account-has-other-nip", nip: current.nip };

  const keys = [`tg:${req.telegramId}`, `nip:${req.nip}`];
  const since = now - LOCK_WINDOW_MS;
  const tries = await Promise.all(keys.map((k) => countFailedTries(db, k, since)));
  const locked = tries.filter((t) => t.count >= MAX_FAILED_TRIES);
  if (locked.length > 0) {
    return { kind: "locked", retryAt: Math.max(...locked.map((t) => (t.oldest ?? now) + LOCK_WINDOW_MS)) };
  }

  const pengguna = await findByNip(db, req.nip);
  if (!(await verifyPassword(req.password, pengguna?.password)) || !pengguna) {
    await recordFailedTry(db, keys, now);
    const used = Math.max(...tries.map((t) => t.count)) + 1;
    return { kind: "wrong-credentials", triesLeft: Math.max(0, MAX_FAILED_TRIES - used) };
  }
  if (!isActive(pengguna)) return { kind: "inactive" };
  if (pengguna.id_telegram !== null && pengguna.id_telegram !== req.telegramId) return { kind: "bound-elsewhere" };
  if (!(await bindTelegram(db, req.nip, req.telegramId, now))) return { kind: "bound-elsewhere" };
  return { kind: "registered", pengguna: { ...pengguna, id_telegram: req.telegramId, terdaftar_pada: now } };
}
