// Runs a bot as a child process of Node with the given arguments (for Sinawai, those of `npm start`), and reads its
// peak memory.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { preciseNow } from "../test/support/fake-telegram/precise-clock.js";
import { REPO_ROOT } from "../test/support/start-command.js";

export interface BotProcess {
  readonly pid: number;
  /** preciseNow() just before the process was spawned. */
  readonly startedAt: number;
  readonly running: boolean;
  /** The last lines the bot printed, for telling why a scenario failed. */
  output(): string;
  /** The peak RSS (VmHWM) so far, in MB; undefined once the process is gone or where /proc cannot tell. */
  peakRssMb(): number | undefined;
  /** Sends SIGTERM, as systemd does, and waits for the exit. Returns the peak RSS (VmHWM) read just before, in MB. */
  stop(): Promise<number | undefined>;
}

const OUTPUT_KEPT = 8_000;
const STOP_TIMEOUT_MS = 15_000;

/** Bots still running when the bench itself ends (an error, Ctrl-C) are killed with it. */
const live = new Set<number>();
process.once("exit", () => {
  for (const pid of live) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone between its exit and ours.
    }
  }
});

export function startBot(nodeArgs: readonly string[], env: Record<string, string>): BotProcess {
  const startedAt = preciseNow();
  const child = spawn(process.execPath, nodeArgs, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start node ${nodeArgs.join(" ")}`);
  live.add(pid);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let running = true;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      running = false;
      live.delete(pid);
      resolve();
    }),
  );

  return {
    pid,
    startedAt,
    get running() {
      return running;
    },
    output: () => output,
    peakRssMb: () => (running ? peakRssMb(pid) : undefined),
    async stop() {
      if (!running) return undefined;
      const peak = peakRssMb(pid);
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
      return peak;
    },
  };
}

/** VmHWM, the most resident memory the process ever had; undefined where /proc is not there to tell. */
function peakRssMb(pid: number): number | undefined {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}
