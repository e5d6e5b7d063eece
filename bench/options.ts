// Reads the bench's command line (and DATABASE_URL) into its options: latency and jitter, the MySQL server, full or quick counts.

export interface Counts {
  /** Menu commands measured one at a time, after `warmup` that are sent the same way but not counted. */
  idleCommands: number;
  warmup: number;
  burstUsers: number;
  questions: number;
  /** Measured answers to each of /datapribadi and /tunkin, on the empty and on the big database. */
  dataSamples: number;
  bigEmployees: number;
  bigPesan: number;
  /** Employees who send /daftar with their right password at the same moment. */
  registrations: number;
  /** Messages one busy employee sends, one every BUSY_INTERVAL_MS, before the others ask. */
  busyMessages: number;
  /** Questions asked behind a busy employee, and behind a question that cannot be delivered. */
  laterQuestions: number;
}

/** The Bot API's network: the round trip of every call except getUpdates, and the jitter of its inbound half. */
export interface Network {
  latencyMs: number;
  jitterMs: number;
}

export interface BenchOptions extends Network {
  help: boolean;
  /** A MySQL/MariaDB server; the database named in the URL is not used, each scenario group creates its own. */
  mysqlUrl: string | undefined;
  quick: boolean;
  /** Measure only the guide suggestions on the labelled questions, then exit. */
  suggest: boolean;
  counts: Counts;
}

export const DEFAULT_MYSQL_URL = "mysql://root@127.0.0.1:3306";
const DEFAULT_LATENCY_MS = 80;
const DEFAULT_JITTER_MS = 60;

const FULL: Counts = {
  idleCommands: 200, warmup: 10, burstUsers: 300, questions: 40, dataSamples: 150, bigEmployees: 5_000, bigPesan: 1_000_000,
  registrations: 40, busyMessages: 200, laterQuestions: 10,
};
// Every scenario still runs, at small sizes; the waits that group windows set (up to a minute) stay.
const QUICK: Counts = {
  idleCommands: 20, warmup: 3, burstUsers: 40, questions: 10, dataSamples: 15, bigEmployees: 500, bigPesan: 20_000,
  registrations: 10, busyMessages: 30, laterQuestions: 10,
};

export const USAGE = `usage: npm run bench -- [--latency MS] [--jitter MS] [--mysql [URL]] [--quick] [--suggest]
  --latency MS   round trip of every Bot API call except getUpdates (default ${DEFAULT_LATENCY_MS})
  --jitter MS    how far each call's arrival at Telegram may stray from latency/2, either way (default ${DEFAULT_JITTER_MS})
  --mysql [URL]  also run on MySQL/MariaDB (default ${DEFAULT_MYSQL_URL}); DATABASE_URL does the same
  --quick        small counts and no million rows, to try the bench out (a few minutes: group windows still take a minute)
  --suggest      only the guide suggestions: hit rates on the labelled questions and the time to match one (seconds)`;

export class UsageError extends Error {}

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  let latencyMs = DEFAULT_LATENCY_MS;
  let jitterMs = DEFAULT_JITTER_MS;
  let mysqlUrl = env.DATABASE_URL?.trim() || undefined;
  let quick = false;
  let suggest = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf("=");
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    // An option's value is either `--flag=value` or the next argument, unless that is an option itself.
    const value = (): string | undefined => {
      if (eq !== -1) return arg.slice(eq + 1);
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) return undefined;
      i++;
      return next;
    };
    const milliseconds = (example: number): number => {
      const raw = value();
      const ms = Number(raw);
      if (raw === undefined || raw.trim() === "" || !Number.isFinite(ms) || ms < 0) throw new UsageError(`${flag} needs a number of milliseconds, e.g. ${flag} ${example}`);
      return ms;
    };
    switch (flag) {
      case "--latency":
        latencyMs = milliseconds(DEFAULT_LATENCY_MS);
        break;
      case "--jitter":
        jitterMs = milliseconds(DEFAULT_JITTER_MS);
        break;
      case "--mysql":
        mysqlUrl = value() ?? DEFAULT_MYSQL_URL;
        break;
      case "--quick":
        quick = true;
        break;
      case "--suggest":
        suggest = true;
        break;
      case "--help":
      case "-h":
        help = true;
        break;
      default:
        throw new UsageError(`unknown option ${arg}`);
    }
  }
  if (mysqlUrl !== undefined && !mysqlUrl.startsWith("mysql://")) throw new UsageError(`the MySQL server must be a mysql:// URL, got ${mysqlUrl}`);
  return { help, latencyMs, jitterMs, mysqlUrl, quick, suggest, counts: quick ? QUICK : FULL };
}
