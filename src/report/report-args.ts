// Reads the report command's arguments (--from, --to, --out, --help) into a period and an output file, with the
// problem in Indonesian when they do not make one.
import { periodOf, type Period } from "./period.js";

export type ReportRequest =
  | { kind: "report"; period: Period; out: string }
  | { kind: "help" }
  | { kind: "invalid"; problem: string };

const OPTIONS = ["from", "to", "out"] as const;
type Option = (typeof OPTIONS)[number];

/** `laporan-2026-11-01_2026-11-30.html` when no --out is given. */
export function defaultOutFile(period: Pick<Period, "from" | "to">): string {
  return `laporan-${period.from}_${period.to}.html`;
}

export function parseReportArgs(args: readonly string[]): ReportRequest {
  const values: Partial<Record<Option, string>> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--help" || arg === "-h") return { kind: "help" };
    const m = /^--([a-z]+)(?:=(.*))?$/s.exec(arg);
    const name = OPTIONS.find((o) => o === m?.[1]);
    if (!m || !name) return { kind: "invalid", problem: `argumen tidak dikenal: ${arg}` };
    if (values[name] !== undefined) return { kind: "invalid", problem: `--${name} diberikan lebih dari sekali` };
    const value = m[2] ?? args[++i];
    if (value === undefined || value === "" || (m[2] === undefined && value.startsWith("--"))) {
      return { kind: "invalid", problem: `--${name} perlu nilai` };
    }
    values[name] = value;
  }
  if (values.from === undefined || values.to === undefined) return { kind: "invalid", problem: "--from dan --to wajib diisi" };
  const period = periodOf(values.from, values.to);
  if (!period.ok) return { kind: "invalid", problem: period.problem };
  return { kind: "report", period: period.period, out: values.out ?? defaultOutFile(period.period) };
}
