// Says whether this instance is healthy, for /healthz: the database answers, and either the last getUpdates
// succeeded recently (active), or the instance is still in touch with the database about the leader lock (standby).
import type { Role } from "./metrics.js";

export interface HealthProbe {
  role(): Role;
  /** Resolves when the database answers a trivial query; rejects with the reason. */
  databaseAnswers(): Promise<void>;
  /** The last successful getUpdates, or when this instance began (trying) to poll, as Date.now() time. */
  lastPollAt(): number;
  /** A standby's last successful try for the leader lock, as Date.now() time. */
  lastLockContactAt(): number;
}

export interface HealthLimits {
  /** Unhealthy once getUpdates has not succeeded for this long (long polls end every 30 s). */
  pollStaleMs: number;
  /** A database that has not answered in this long counts as gone. */
  databaseTimeoutMs: number;
  /** A standby that has not reached the database about the lock for this long cannot take over. */
  lockContactStaleMs: number;
}

export interface Health {
  healthy: boolean;
  role: Role;
  /** Why it is not healthy, for the operator reading the body; empty when healthy. */
  reasons: string[];
}

export const HEALTH_LIMITS: HealthLimits = { pollStaleMs: 90_000, databaseTimeoutMs: 2_000, lockContactStaleMs: 5_000 };

export async function checkHealth(probe: HealthProbe, limits: HealthLimits, now: () => number = Date.now): Promise<Health> {
  const role = probe.role();
  const reasons: string[] = [];
  const database = await answersWithin(probe.databaseAnswers(), limits.databaseTimeoutMs);
  if (database !== undefined) reasons.push(`database tidak menjawab: ${database}`);
  if (role === "standby") {
    const silentMs = now() - probe.lastLockContactAt();
    if (silentMs > limits.lockContactStaleMs) reasons.push(`instance siaga tidak dapat mencoba kunci pemimpin selama ${Math.round(silentMs / 1000)} detik`);
  } else {
    const staleMs = now() - probe.lastPollAt();
    if (staleMs > limits.pollStaleMs) reasons.push(`getUpdates tidak berhasil selama ${Math.round(staleMs / 1000)} detik (batas ${Math.round(limits.pollStaleMs / 1000)} detik)`);
  }
  return { healthy: reasons.length === 0, role, reasons };
}

/** undefined when `answer` resolves in time, else why not. */
async function answersWithin(answer: Promise<void>, ms: number): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  // Settles either way, so a failure that comes after the timeout is not left unhandled.
  const outcome = answer.then(
    () => undefined,
    (err: unknown) => (err instanceof Error ? err.message : String(err)),
  );
  const late = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`tidak ada jawaban dalam ${ms} ms`), ms)));
  try {
    return await Promise.race([outcome, late]);
  } finally {
    clearTimeout(timer);
  }
}
