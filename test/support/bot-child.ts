// The bot as a child process, for the tests that kill it or signal it: configured by environment like production,
// with everything it prints kept for the failure message.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { DatabaseConfig } from "../../src/config.js";
import { STAFF_GROUP } from "./app-harness.js";
import { REPO_ROOT } from "./start-command.js";

/** A token of the real shape: the bot refuses to start with one that is not. */
export const TOKEN = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

export type BotChild = ChildProcess & { output: string[] };

/** Runs `node nodeArgs` against the Bot API at apiRoot and the given database; extraEnv overrides any variable. */
export function spawnBot(nodeArgs: readonly string[], apiRoot: string, database: DatabaseConfig, extraEnv: Record<string, string> = {}): BotChild {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    BOT_TOKEN: TOKEN,
    STAFF_GROUP_ID: String(STAFF_GROUP.id),
    TELEGRAM_API_ROOT: apiRoot,
    CONTENT_DIR: path.join(REPO_ROOT, "content"),
    LOG_LEVEL: "info",
    // Off unless a test asks: bots of parallel test runs would all want the default port.
    HTTP_ADDR: "",
    ...(database.client === "mysql2" ? { DATABASE_URL: database.connection } : { SQLITE_FILE: database.connection }),
    ...extraEnv,
  };
  const child = spawn(process.execPath, nodeArgs, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] }) as BotChild;
  child.output = [];
  child.stdout!.on("data", (d: Buffer) => child.output.push(d.toString()));
  child.stderr!.on("data", (d: Buffer) => child.output.push(d.toString()));
  return child;
}

/** Resolves with the exit code once the process is gone (null when a signal ended it). */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}
