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

/** A weekday the team answers questions, and from when to when. */
export interface WorkingDay {
  /** 1 = Senin … 7 = Minggu. */
  weekday: number;
  /** Minutes after 00.00 WIB. */
  startMinute: number;
  /** Minutes after 00.00 WIB, excluded; after startMinute, at most 1440 (24.00). */
  endMinute: number;
}

/** A libur nasional or cuti bersama: no service that day, whatever its weekday. */
export interface Holiday {
  /** YYYY-MM-DD */
  date: string;
  /** Plain text, e.g. "Cuti bersama Idulfitri 1447 Hijriah". */
  name: string;
}

/** When the team answers (jam-layanan.md). */
export interface ServiceHours {
  /** In weekday order, one per weekday at most; a weekday not listed is closed. */
  days: WorkingDay[];
  /** Sorted by date, one per date. */
  holidays: Holiday[];
}

/** An answer the staff send with "/jawab kode" (jawaban-siap.md). */
export interface SavedAnswer {
  /** 2–30 characters: a–z, digits and hyphens, a letter first, e.g. "tunkin-cair". */
  code: string;
  /** Telegram HTML, fits one message under a header. */
  html: string;
  /** 1-based line of its heading */
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
  /** Senin–Kamis 07.30–16.00 and Jumat 07.30–16.30 without holidays when the folder has no jam-layanan.md. */
  serviceHours: ServiceHours;
  /** Sorted by code; empty when the folder has no jawaban-siap.md. */
  savedAnswers: SavedAnswer[];
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
