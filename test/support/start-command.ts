// How `npm start` runs the bot, read from package.json, so that the process tests and the bench start it exactly as
// production does: compiled JavaScript under dist/, with the same Node options.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

const ENTRY = path.join(REPO_ROOT, "dist", "main.js");

export interface StartCommand {
  /** The variables the script sets before `node` (`NAME=value node …`). */
  env: Record<string, string>;
  /** Node's arguments: what follows `node`. */
  args: string[];
}

/** package.json's "start" script, split into its variables and node's arguments. */
export function readStartCommand(): StartCommand {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { scripts: { start: string } };
  const words = pkg.scripts.start.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (words[0] !== undefined && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const [name, ...value] = words.shift()!.split("=");
    env[name!] = value.join("=");
  }
  const [node, ...args] = words;
  if (node !== "node") throw new Error(`package.json's start script should run node, it runs: ${pkg.scripts.start}`);
  return { env, args };
}

/** How to start the bot as `npm start` does, once dist/ is known to be current. */
export function startCommand(): StartCommand {
  assertBuilt();
  return readStartCommand();
}

/** A missing or stale dist/ would test yesterday's code: `npm test` and `npm run bench` build first, mocha alone does not. */
function assertBuilt(): void {
  const built = mtime(ENTRY);
  if (built === undefined) throw new Error("dist/main.js is missing: run `npm run build` first");
  const newest = newestSource(path.join(REPO_ROOT, "src"));
  if (newest > built) throw new Error("dist/ is older than src/: run `npm run build` first");
}

function newestSource(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? newestSource(full) : (mtime(full) ?? 0);
    }),
  );
}

function mtime(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}
