// Reads the content folder into a Content, or into the list of every problem the HR admin must
// fix. Files are read here; what their text means is decided in parse.ts.

import { createHash } from "node:crypto";
import { constants, type Dirent } from "node:fs";
import { lstat, open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { DOCUMENT_SIZE_LIMIT } from "./limits.js";
import { parseCategory, parseDocumentIndex, parseNews, parsePage, type IndexedDocument, type Parsed } from "./parse.js";
import { parseSavedAnswers } from "./parse-saved-answers.js";
import { DEFAULT_SERVICE_HOURS, parseServiceHours } from "./parse-service-hours.js";
import { parseSynonyms } from "./parse-synonyms.js";
import { CATEGORY_KEYS, PAGE_NAMES, type Content, type ContentProblem, type DocumentEntry } from "./types.js";

export type LoadResult =
  | { ok: true; content: Content; warnings: ContentProblem[] }
  /** Errors and warnings alike, sorted by file and line. */
  | { ok: false; problems: ContentProblem[] };

const NEWS_FILE = "terkini.md";
/** Optional: without it the search knows no synonyms. */
const SYNONYMS_FILE = "sinonim.md";
/** Optional: without it the team works the bureau's usual hours and knows no holidays. */
const SERVICE_HOURS_FILE = "jam-layanan.md";
/** Optional: without it the staff have no saved answers to send with /jawab. */
const SAVED_ANSWERS_FILE = "jawaban-siap.md";
/** The documents folder inside the content folder: its files and its index, daftar.md. */
export const DOCUMENTS_DIR = "dokumen";
const DOCUMENT_INDEX = "daftar.md";

/** Editor backups, lock files and the litter operating systems leave behind. */
const IGNORED_NAME = /^[.~]|~$|^(thumbs\.db|desktop\.ini)$/i;

/**
 * A symbolic link could point the bot at /etc/passwd or its own .env and have it sent to an employee as a
 * "document", so none is followed: not a listed document, not the documents folder, not a content file.
 */
const SYMLINK_REFUSED =
  "tautan simbolik (symlink) tidak diterima, karena dapat membuat bot mengirim berkas dari luar folder konten; " +
  "ganti dengan salinan berkas atau folder aslinya";

/** "file:line: message", the way editors and the HR admin read it. */
export function formatProblem(problem: ContentProblem): string {
  const prefix = problem.severity === "warning" ? "peringatan: " : "";
  return `${problem.file}:${problem.line}: ${prefix}${problem.message}`;
}

export async function loadContent(dir: string): Promise<LoadResult> {
  const root = path.resolve(dir);
  if (!(await isDirectory(root))) {
    return { ok: false, problems: [{ file: ".", line: 1, message: `folder konten "${root}" tidak ditemukan`, severity: "error" }] };
  }
  const reader = new ContentReader(root);
  const categories = await Promise.all(CATEGORY_KEYS.map((key) => reader.parse(`${key}.md`, (text) => parseCategory(key, text))));
  const news = await reader.parse(NEWS_FILE, parseNews);
  const pages = await Promise.all(PAGE_NAMES.map((name) => reader.parse(`${name}.md`, parsePage)));
  const documents = await reader.documents();
  const synonyms = await reader.parseOptional(SYNONYMS_FILE, parseSynonyms, []);
  const serviceHours = await reader.parseOptional(SERVICE_HOURS_FILE, parseServiceHours, DEFAULT_SERVICE_HOURS);
  const savedAnswers = await reader.parseOptional(SAVED_ANSWERS_FILE, parseSavedAnswers, []);
  await reader.reportUnknownFiles();

  // Plain code-unit order: the same on every machine, whatever its locale.
  const problems = reader.problems.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  if (problems.some((problem) => problem.severity === "error")) return { ok: false, problems };
  const [start = "", bantuan = "", tentang = ""] = pages;
  return {
    ok: true,
    content: {
      categories: categories.filter((category) => category !== undefined),
      news: news ?? [],
      documents,
      pages: { start, bantuan, tentang },
      synonyms,
      serviceHours,
      savedAnswers,
      version: reader.version(),
    },
    warnings: problems,
  };
}

class ContentReader {
  readonly problems: ContentProblem[] = [];
  private readonly fingerprints: string[] = [];

  constructor(private readonly root: string) {}

  /** Undefined when the file could not be read; the problem is recorded either way. */
  async parse<T>(file: string, parser: (text: string) => Parsed<T>): Promise<T | undefined> {
    const bytes = await this.read(file);
    if (!bytes) return undefined;
    const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
    const invalid = text.indexOf("\uFFFD");
    if (invalid !== -1) {
      this.error(file, lineAt(text, invalid), "berkas tidak tersimpan sebagai UTF-8; simpan ulang dengan pengodean (encoding) UTF-8");
    }
    const parsed = parser(text);
    for (const problem of parsed.problems) this.error(file, problem.line, problem.message);
    for (const warning of parsed.warnings ?? []) this.problems.push({ file, line: warning.line, message: warning.message, severity: "warning" });
    return parsed.value;
  }

  /** `fallback` when the folder has no such file, or when it could not be read (the problem is recorded then). */
  async parseOptional<T>(file: string, parser: (text: string) => Parsed<T>, fallback: T): Promise<T> {
    if (!(await this.exists(file))) return fallback;
    return (await this.parse(file, parser)) ?? fallback;
  }

  async documents(): Promise<DocumentEntry[]> {
    if (await this.isSymlink(DOCUMENTS_DIR)) {
      this.error(DOCUMENTS_DIR, 1, SYMLINK_REFUSED);
      return [];
    }
    const indexFile = `${DOCUMENTS_DIR}/${DOCUMENT_INDEX}`;
    const indexed = (await this.parse(indexFile, parseDocumentIndex)) ?? [];
    const { names, symlinks } = await this.listDocuments();
    // Refused whether listed or not: an unlisted link is one line of daftar.md away from being sent.
    for (const name of symlinks) this.error(`${DOCUMENTS_DIR}/${name}`, 1, SYMLINK_REFUSED);
    const onDisk = names.filter((name) => name !== DOCUMENT_INDEX);
    for (const name of onDisk.filter((name) => !indexed.some((entry) => entry.fileName === name))) {
      this.problems.push({
        file: `${DOCUMENTS_DIR}/${name}`,
        line: 1,
        message: `berkas ini tidak tercantum di ${indexFile}, jadi tidak ditawarkan di bot`,
        severity: "warning",
      });
    }
    const listed = indexed.filter((entry) => !symlinks.includes(entry.fileName));
    const entries = await Promise.all(listed.map((entry) => this.document(entry, onDisk, indexFile)));
    return entries.filter((entry) => entry !== undefined);
  }

  async reportUnknownFiles(): Promise<void> {
    const known = [...CATEGORY_KEYS, ...PAGE_NAMES].map((name) => `${name}.md`).concat(NEWS_FILE, SYNONYMS_FILE, SERVICE_HOURS_FILE, SAVED_ANSWERS_FILE, DOCUMENTS_DIR);
    for (const name of (await this.list(".")).map((entry) => entry.name).filter((name) => !known.includes(name))) {
      const meant = known.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
      this.problems.push({
        file: name,
        line: 1,
        message: meant
          ? `berkas ini tidak dipakai; maksudnya "${meant}"? Huruf besar/kecil pada nama berkas harus sama persis`
          : "berkas ini tidak dipakai Sinawai",
        severity: "warning",
      });
    }
  }

  /** Hash of every file read, in a fixed order: equal folders give equal versions. */
  version(): string {
    return sha256(this.fingerprints.sort().join("\n"));
  }

  private async document(entry: IndexedDocument, onDisk: string[], indexFile: string): Promise<DocumentEntry | undefined> {
    if (!onDisk.includes(entry.fileName)) {
      const similar = onDisk.find((name) => name.toLowerCase() === entry.fileName.toLowerCase());
      const hint = similar ? ` (yang ada "${similar}"; huruf besar/kecil harus sama persis)` : "";
      this.error(indexFile, entry.line, `berkas "${entry.fileName}" tidak ada di folder ${DOCUMENTS_DIR}/${hint}`);
      return undefined;
    }
    const file = `${DOCUMENTS_DIR}/${entry.fileName}`;
    const bytes = await this.read(file);
    if (!bytes) return undefined;
    if (bytes.length === 0) this.error(indexFile, entry.line, `berkas "${entry.fileName}" kosong`);
    if (bytes.length > DOCUMENT_SIZE_LIMIT) {
      this.error(indexFile, entry.line, `berkas "${entry.fileName}" lebih dari ${DOCUMENT_SIZE_LIMIT / 1024 / 1024} MB, terlalu besar untuk dikirim bot`);
    }
    return {
      id: entry.id,
      title: entry.title,
      description: entry.description,
      fileName: entry.fileName,
      path: path.join(this.root, file),
      sha256: sha256(bytes),
      size: bytes.length,
    };
  }

  private async read(file: string): Promise<Buffer | undefined> {
    try {
      // O_NOFOLLOW: a file swapped for a link after the folder was listed is refused too (ELOOP).
      const handle = await open(path.join(this.root, file), constants.O_RDONLY | constants.O_NOFOLLOW);
      const bytes = await handle.readFile().finally(() => handle.close());
      this.fingerprints.push(`${file}\0${sha256(bytes)}`);
      return bytes;
    } catch (error) {
      const code = errorCode(error);
      this.error(file, 1, code === "ENOENT" ? "berkas wajib ini tidak ditemukan" : code === "ELOOP" ? SYMLINK_REFUSED : `berkas tidak bisa dibaca (${code ?? String(error)})`);
      return undefined;
    }
  }

  /** The documents folder's files, litter left out, with its symbolic links apart. */
  private async listDocuments(): Promise<{ names: string[]; symlinks: string[] }> {
    const entries = await this.list(DOCUMENTS_DIR);
    return {
      names: entries.filter((entry) => !entry.isSymbolicLink()).map((entry) => entry.name),
      symlinks: entries.filter((entry) => entry.isSymbolicLink()).map((entry) => entry.name),
    };
  }

  /** The files and folders in a folder of the content, litter left out. */
  private async list(folder: string): Promise<Dirent[]> {
    try {
      const entries = await readdir(path.join(this.root, folder), { withFileTypes: true });
      return entries.filter((entry) => !IGNORED_NAME.test(entry.name));
    } catch (error) {
      // A missing documents folder is already reported as its missing index.
      if (errorCode(error) !== "ENOENT") this.error(`${folder}/`, 1, `folder tidak bisa dibaca (${errorCode(error) ?? String(error)})`);
      return [];
    }
  }

  /** Whether an optional file is there at all (a link counts, and is refused when read). */
  private async exists(name: string): Promise<boolean> {
    try {
      await lstat(path.join(this.root, name));
      return true;
    } catch {
      return false;
    }
  }

  private async isSymlink(name: string): Promise<boolean> {
    try {
      return (await lstat(path.join(this.root, name))).isSymbolicLink();
    } catch {
      // Missing or unreadable: reported where it is read.
      return false;
    }
  }

  private error(file: string, line: number, message: string): void {
    this.problems.push({ file, line, message, severity: "error" });
  }
}

async function isDirectory(target: string): Promise<boolean> {
  try {
    return (await stat(target)).isDirectory();
  } catch {
    return false;
  }
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split("\n").length;
}

function sha256(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}
