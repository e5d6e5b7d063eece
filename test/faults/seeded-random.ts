// A small seeded PRNG (mulberry32), so a randomised fault test can be replayed exactly from the seed it prints.
export interface Random {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** Seeded from `envVar` when set (to replay a failure), otherwise at random. */
export function seededRandom(envVar: string): Random {
  const given = process.env[envVar];
  return randomFrom(given ? Number(given) : Math.floor(Math.random() * 2 ** 32));
}

/** A generator from a known seed, e.g. a second stream derived from a test's seed. */
export function randomFrom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    seed: seed >>> 0,
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)]!,
    chance: (p) => next() < p,
  };
}
