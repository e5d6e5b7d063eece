// How `npm start` runs the bot, read from package.json, so that the process tests and the bench start it exactly as
// production does: compiled JavaScript under dist/, with the same Node options.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

const ENTRY = path.join(REPO_ROOT, "dist", "main.js");

/** Node's arguments for the bot: package.json's "start" script after its leading `node`. */
export function startArgs(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { scripts: { start: string } };
  const [node, ...args] = pkg.scripts.start.trim().split(/\s+/);
  if (node !== "node") throw new Error(`package.json's start script should run node, it runs: ${pkg.scripts.start}`);
  assertBuilt();
  return args;
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
