// Holds the last valid content and swaps in the new version when an edit to the folder is valid;
// an invalid edit is logged with every problem and the bot keeps answering with what it had.

import { formatProblem, loadContent } from "./load-content.js";
import type { Content, ContentProblem } from "./types.js";
import { watchContent, type ContentWatcher } from "./watch-content.js";

export interface ContentLog {
  info(msg: string, meta?: object): void;
  warn(msg: string, meta?: object): void;
}

export interface ContentStoreOptions {
  /** Quiet time after the last change before reloading; editors write a file in several steps. */
  debounceMs?: number;
  /** Polling interval, used only where the folder cannot be watched. */
  pollMs?: number;
}

/** Thrown when the folder cannot be used at all, e.g. when the bot starts with broken content. */
export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(`Konten tidak valid:\n${problems.map(formatProblem).join("\n")}`);
    this.name = "ContentError";
  }
}

export class ContentStore {
  private readonly listeners = new Set<(content: Content) => void>();
  private watcher: ContentWatcher | undefined;
  private reloading = false;
  private reloadAgain = false;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly log: ContentLog,
    private content: Content,
  ) {}

  /** Throws ContentError, with every problem, when the folder is not valid to begin with. */
  static async open(dir: string, log: ContentLog, options: ContentStoreOptions = {}): Promise<ContentStore> {
    const result = await loadContent(dir);
    if (!result.ok) throw new ContentError(result.problems);
    const store = new ContentStore(dir, log, result.content);
    store.accepted(result.content, result.warnings, "konten dimuat");
    store.watcher = watchContent(dir, () => store.requestReload(), {
      debounceMs: options.debounceMs ?? 300,
      pollMs: options.pollMs,
      onFallback: (reason) => log.warn("folder konten tidak bisa dipantau; diperiksa berkala sebagai gantinya", { dir, reason }),
    });
    return store;
  }

  current(): Content {
    return this.content;
  }

  /** Called after each successful reload, with the new content. */
  on(_event: "reload", listener: (content: Content) => void): this {
    this.listeners.add(listener);
    return this;
  }

  close(): void {
    this.closed = true;
    this.watcher?.close();
  }

  // One reload at a time; changes arriving meanwhile trigger exactly one more.
  private requestReload(): void {
    if (this.reloading) {
      this.reloadAgain = true;
      return;
    }
    this.reloading = true;
    this.reload()
      .catch((error: unknown) => this.log.warn("gagal memuat ulang konten; versi sebelumnya tetap dipakai", { error: String(error) }))
      .finally(() => {
        this.reloading = false;
        if (this.reloadAgain && !this.closed) {
          this.reloadAgain = false;
          this.requestReload();
        }
      });
  }

  private async reload(): Promise<void> {
    const result = await loadContent(this.dir);
    if (this.closed) return;
    if (!result.ok) {
      this.log.warn("perubahan konten ditolak karena tidak valid; versi sebelumnya tetap dipakai", { dir: this.dir, problems: result.problems.map(formatProblem) });
      return;
    }
    if (result.content.version === this.content.version) return;
    this.content = result.content;
    this.accepted(result.content, result.warnings, "konten diperbarui");
    for (const listener of this.listeners) listener(result.content);
  }

  private accepted(content: Content, warnings: ContentProblem[], message: string): void {
    this.log.info(message, {
      dir: this.dir,
      version: content.version.slice(0, 12),
      topics: content.categories.reduce((sum, category) => sum + category.topics.length, 0),
      news: content.news.length,
      documents: content.documents.length,
    });
    if (warnings.length > 0) this.log.warn("konten memiliki peringatan", { dir: this.dir, warnings: warnings.map(formatProblem) });
  }
}
