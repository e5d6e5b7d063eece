// Tells when anything under the content folder changes: fs.watch where the platform allows it,
// slow stat polling where it does not, debounced so an editor's burst of writes counts as one change.

import { readdirSync, watch as fsWatch, type FSWatcher } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export interface WatchOptions {
  debounceMs: number;
  /** How often polling looks at the files when fs.watch cannot be used. */
  pollMs?: number;
  /** fs.watch, replaceable so the fallback can be exercised. */
  watch?: typeof fsWatch;
  /** Told why watching fell back to polling. */
  onFallback?: (reason: string) => void;
}

export interface ContentWatcher {
  close(): void;
}

const DEFAULT_POLL_MS = 5000;

export function watchContent(dir: string, onChange: () => void, options: WatchOptions): ContentWatcher {
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const changed = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, options.debounceMs);
    // The content store must never be what keeps the process alive.
    timer.unref();
  };

  let watchers: FSWatcher[] = [];
  let poller: ContentWatcher | undefined;
  const fallBack = (reason: string): void => {
    for (const watcher of watchers) watcher.close();
    watchers = [];
    if (closed || poller) return;
    options.onFallback?.(reason);
    poller = pollFolder(dir, changed, options.pollMs ?? DEFAULT_POLL_MS);
    // Whatever changed while the watcher was failing is picked up by one reload.
    changed();
  };
  try {
    watchers = openWatchers(dir, changed, options.watch ?? fsWatch);
    for (const watcher of watchers) watcher.on("error", (error) => fallBack(String(error)));
  } catch (error) {
    fallBack(String(error));
  }

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      poller?.close();
    },
  };
}

/** One recursive watcher, or one per folder where recursive watching is not supported. */
function openWatchers(dir: string, changed: () => void, watch: typeof fsWatch): FSWatcher[] {
  try {
    return [watch(dir, { recursive: true, persistent: false }, changed)];
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM")) throw error;
  }
  const opened: FSWatcher[] = [];
  try {
    for (const folder of [dir, ...subfolders(dir)]) opened.push(watch(folder, { persistent: false }, changed));
    return opened;
  } catch (error) {
    for (const watcher of opened) watcher.close();
    throw error;
  }
}

function subfolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function pollFolder(dir: string, changed: () => void, intervalMs: number): ContentWatcher {
  let last: string | undefined;
  let busy = false;
  const tick = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    const now = await snapshot(dir);
    if (last !== undefined && now !== last) changed();
    last = now;
    busy = false;
  };
  void tick();
  const interval = setInterval(() => void tick(), intervalMs);
  interval.unref();
  return { close: () => clearInterval(interval) };
}

/** Names, sizes and modification times of every file: any edit changes it. */
async function snapshot(dir: string): Promise<string> {
  try {
    const names = await readdir(dir, { recursive: true });
    const lines = await Promise.all(
      names.sort().map(async (name) => {
        const info = await stat(path.join(dir, name)).catch(() => undefined);
        return `${name}:${info?.size}:${info?.mtimeMs}`;
      }),
    );
    return lines.join("\n");
  } catch (error) {
    return `unreadable: ${String(error)}`;
  }
}
