// The `npm run bench` entry: Sinawai (started as `npm start` starts it) and a README-style baseline bot against the
// fake Bot API with latency, jitter and strict flood limits, on SQLite and, when asked, on MySQL. Prints every figure as
// `name: value`, with its target and PASS/FAIL, and saves them all as JSON under bench/results/.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { TELEGRAM_FLOOD_LIMITS } from "../test/support/fake-telegram/flood-control.js";
import type { RollingLimit } from "../test/support/fake-telegram/types.js";
import { REPO_ROOT } from "../test/support/start-command.js";
import { runBaseline } from "./baseline-suite.js";
import type { DatabaseKind } from "./bench-database.js";
import { formatFigure, passes, type Figure } from "./figures.js";
import { parseOptions, USAGE, UsageError, type BenchOptions } from "./options.js";
import { runSinawai } from "./sinawai-suite.js";
import { runSuggestionBench } from "./suggest.js";

const RESULTS_DIR = path.join(REPO_ROOT, "bench", "results");

function optionsOrExit(): BenchOptions {
  try {
    const options = parseOptions(process.argv.slice(2), process.env);
    if (!options.help) return options;
    console.log(USAGE);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`${err.message}\n${USAGE}`);
    process.exit(2);
  }
  process.exit(0);
}

const options = optionsOrExit();
if (options.suggest) {
  // No bot, no fake Telegram, no database: the search alone, on the shipped content.
  process.exit((await runSuggestionBench()) ? 0 : 1);
}
const startedAt = new Date();
const progress = (what: string) => console.error(`[${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4)} s] ${what}`);
const kinds: DatabaseKind[] = [{ label: "sqlite" }, ...(options.mysqlUrl ? [{ label: "mysql" as const, serverUrl: options.mysqlUrl }] : [])];

console.log(`Sinawai bench, ${startedAt.toISOString()}${options.quick ? " (--quick: small counts, not the targets' conditions)" : ""}`);
const windows = (limits: readonly RollingLimit[]) => limits.map((l) => `${l.count} in any ${l.windowMs / 1000} s`).join(" and ");
console.log(
  `latency ${options.latencyMs} ms per Bot API call except getUpdates, half of it ± ${options.jitterMs} ms before the call reaches Telegram; ` +
    `flood limits enforced by the fake as strict rolling windows (${windows(TELEGRAM_FLOOD_LIMITS.global)} overall, ` +
    `${windows(TELEGRAM_FLOOD_LIMITS.privateChat)} per private chat, ${windows(TELEGRAM_FLOOD_LIMITS.group)} per group; ` +
    `over a limit → 429 with retry_after, and asking again during that wait doubles it)`,
);
console.log(`databases: ${kinds.map((k) => (k.label === "mysql" ? `mysql (${k.serverUrl})` : k.label)).join(", ")}; ${os.cpus().length} CPUs, Node ${process.version}`);

const suites: Record<string, { figures: Figure[]; output?: Record<string, string> }> = {};
const print = (label: string, figures: Figure[]) => {
  console.log(`\n== ${label} ==`);
  for (const f of figures) console.log(formatFigure({ ...f, name: `${label}.${f.name}` }));
};

const baseline = await runBaseline(options, progress);
suites.baseline = { figures: baseline.figures };
print("baseline", baseline.figures);

for (const kind of kinds) {
  const report = await runSinawai(kind, options, baseline.burstS, progress);
  suites[kind.label] = report;
  print(kind.label, report.figures);
  for (const [group, output] of Object.entries(report.output)) {
    console.log(`  (the bot printed, ${group} group; last lines:)\n${output.trim().split("\n").slice(-10).map((l) => `    ${l}`).join("\n")}`);
  }
}

const failed = Object.entries(suites).flatMap(([label, s]) => s.figures.filter((f) => passes(f) === false).map((f) => `${label}.${f.name}`));
const checked = Object.values(suites).flatMap((s) => s.figures.filter((f) => passes(f) !== undefined)).length;
console.log(`\ntargets: ${checked - failed.length} of ${checked} pass${failed.length > 0 ? `; FAIL: ${failed.join(", ")}` : ""}`);
if (options.quick) console.log("(--quick: the counts are too small for the targets; these verdicts only show that every scenario runs)");

mkdirSync(RESULTS_DIR, { recursive: true });
const file = path.join(RESULTS_DIR, `${startedAt.toISOString().replaceAll(":", "-").replace(/\.\d+Z$/, "Z")}${options.quick ? "-quick" : ""}.json`);
writeFileSync(
  file,
  `${JSON.stringify(
    {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      options: { latencyMs: options.latencyMs, jitterMs: options.jitterMs, quick: options.quick, counts: options.counts, databases: kinds.map((k) => k.label) },
      host: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadavg: os.loadavg() },
      failed,
      suites,
    },
    null,
    2,
  )}\n`,
);
console.log(`results: ${path.relative(REPO_ROOT, file)}`);
// A missed target fails the command, so a script can tell; the figures and the JSON are complete either way.
process.exitCode = failed.length > 0 && !options.quick ? 1 : 0;
