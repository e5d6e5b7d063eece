// Hashes an import's passwords a few at a time, because each scrypt run takes about 40 ms.
import { hashPassword } from "../passwords.js";

/** scrypt runs on libuv's thread pool, 4 threads by default: more hashes in flight would only queue there. */
const IN_FLIGHT = 4;

/** Keeps the order; an undefined password (keep the stored hash) stays undefined and is not counted. */
export async function hashPasswords(
  passwords: readonly (string | undefined)[],
  onHashed: (done: number, total: number) => void,
): Promise<(string | undefined)[]> {
  const hashes: (string | undefined)[] = passwords.map(() => undefined);
  const todo = passwords.flatMap((p, i) => (p === undefined ? [] : [i]));
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const i = todo[next++]!;
      hashes[i] = await hashPassword(passwords[i]!);
      onHashed(++done, todo.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, todo.length) }, worker));
  return hashes;
}
