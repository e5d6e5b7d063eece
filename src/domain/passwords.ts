// Salted password hashes with scrypt (Node's built-in KDF), in a self-describing string.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";

const KEY_LENGTH = 32;
const PARAMS = { N: 16384, r: 8, p: 1 };

/**
 * Each scrypt run holds 128·N·r = 16 MiB for as long as it lasts, on a libuv thread. When forty employees send
 * /daftar together, libuv alone would run four at once (64 MiB on top of the bot's ~120 MB, past its 150 MB peak-RSS
 * target) and file and DNS work would wait behind them. Two at a time caps scrypt at 32 MiB and keeps two threads
 * free; a run takes about 60 ms, so this still checks some thirty passwords a second. Hashing and verifying share it.
 * The process's RSS follows only if freed buffers go back to the system: glibc keeps them in the arena of the thread
 * that ran them unless MALLOC_MMAP_THRESHOLD_ is set below 16 MiB.
 */
const MAX_CONCURRENT_RUNS = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  if (running >= MAX_CONCURRENT_RUNS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await new Promise<Buffer>((resolve, reject) =>
      scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
    );
  } finally {
    // The slot passes straight to the next waiter, so `running` never dips and lets a newcomer jump the queue.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** `scrypt$N$r$p$saltBase64$hashBase64` */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), key.toString("base64")].join("$");
}

const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

/**
 * Verifies in constant time. A missing hash (unknown NIP, no password set) still costs one scrypt run, so the
 * answer time does not tell whether a NIP exists.
 */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parts = (stored ?? DUMMY_HASH).split("$");
  const valid = parts.length === 6 && parts[0] === "scrypt";
  const [, n, r, p, salt, hash] = valid ? parts : DUMMY_HASH.split("$");
  const expected = Buffer.from(hash!, "base64");
  const key = await scrypt(password, Buffer.from(salt!, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return stored != null && valid && timingSafeEqual(key, expected);
}
