// The fake's network between the bot and "Telegram": how long a call travels there (jittered) and how long its answer
// travels back. Calls the bot sends evenly therefore arrive unevenly, as they do over a real network.
import { randomFrom, type Random } from "../../faults/seeded-random.js";

export class NetworkDelay {
  private readonly random: Random;

  constructor(
    /** The whole round trip; half goes each way. */
    public latencyMs: number,
    /** How far the inbound half may stray either side of latencyMs/2. */
    public jitterMs: number,
    seed: number,
  ) {
    this.random = randomFrom(seed);
  }

  /** Uniform in [max(0, latencyMs/2 − jitterMs), latencyMs/2 + jitterMs]; exactly latencyMs/2 without jitter. */
  inboundMs(): number {
    const half = this.latencyMs / 2;
    const low = Math.max(0, half - this.jitterMs);
    return low + this.random.next() * (half + this.jitterMs - low);
  }

  outboundMs(): number {
    return this.latencyMs / 2;
  }
}
