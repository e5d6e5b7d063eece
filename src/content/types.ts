// The shape of the bureau's content once loaded: what the bot reads, whatever the files look like.

export const CATEGORY_KEYS = ["renbangkompeg", "mutasi", "jahdis", "pengkinpeg"] as const;
export type CategoryKey = (typeof CATEGORY_KEYS)[number];

export interface Topic {
  /** Short stable id derived from the title, used in callback_data. */
  id: string;
  /** Plain text, fits a button. */
  title: string;
  /** Telegram HTML messages, the title in bold first; each ≤ 4096 characters. */
  chunks: string[];
  /** The "Kata kunci:" line's words and phrases: found by search, never shown. */
  keywords: string[];
}

export interface Category {
  key: CategoryKey;
  /** The bot command without the slash, e.g. "renbangkompeg". */
  command: string;
  /** Plain text, fits a button. */
  title: string;
  /** Telegram HTML, may be empty. */
  intro: string;
  topics: Topic[];
}

export interface NewsItem {
  /** YYYY-MM-DD */
  date: string;
  /** Plain text. */
  title: string;
  /** Telegram HTML of the body; each ≤ 4096 characters. */
  chunks: string[];
}

export interface DocumentEntry {
  /** Short stable id derived from the file name, used in callback_data. */
  id: string;
  /** Plain text, fits a button. */
  title: string;
  /** Telegram HTML, short enough for a caption next to the title. */
  description?: string;
  fileName: string;
  /** Absolute path of the file to send. */
  path: string;
  sha256: string;
  size: number;
}

export interface Pages {
  /** Telegram HTML, each fits one message. */
  start: string;
  bantuan: string;
  tentang: string;
}
export type PageName = keyof Pages;
export const PAGE_NAMES: readonly PageName[] = ["start", "bantuan", "tentang"];

/** Words and phrases that mean the same to the search (sinonim.md), e.g. "tunkin" and "tunjangan kinerja". */
export interface SynonymGroup {
  /** As written, at least two. */
  phrases: string[];
  /** The line of sinonim.md it was written on. */
  line: number;
}

export interface Content {
  /** In the order of CATEGORY_KEYS. */
  categories: Category[];
  /** Newest first. */
  news: NewsItem[];
  documents: DocumentEntry[];
  pages: Pages;
  /** Empty when the folder has no sinonim.md. */
  synonyms: SynonymGroup[];
  /** Hash of every file read; changes on any edit. */
  version: string;
}

export interface ContentProblem {
  /** Relative to the content folder, with forward slashes. */
  file: string;
  /** 1-based; 1 when the problem concerns the whole file. */
  line: number;
  /** In Indonesian, for the HR admin who edits the files. */
  message: string;
  /** A warning is reported but does not stop the content from being used. */
  severity: "error" | "warning";
}
