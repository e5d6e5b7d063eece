// Turns the text of each kind of content file (category, terkini, document index, page) into data,
// collecting every problem with its line instead of stopping at the first.

import { escapeHtml } from "../domain/html.js";
import { shortId, slugify } from "./ids.js";
import { parseIndonesianDate } from "./indonesian-date.js";
import { BUTTON_TITLE_LIMIT, CAPTION_LIMIT, HEADER_ROOM, MESSAGE_LIMIT } from "./limits.js";
import { renderMarkdown, type LineProblem } from "./markdown.js";
import { phraseKey } from "./search/terms.js";
import { splitSections, takeField, type Block, type Heading, type Section } from "./sections.js";
import { splitHtml } from "./split-html.js";
import type { Category, CategoryKey, NewsItem } from "./types.js";

export interface Parsed<T> {
  value: T;
  problems: LineProblem[];
  /** Reported to the admin, but the file is used all the same. */
  warnings?: LineProblem[];
}

const TEXT_LIMIT = MESSAGE_LIMIT - HEADER_ROOM;
/** A keyword is a word or a short phrase; anything longer is several keywords missing their commas. */
export const KEYWORD_LIMIT = 60;
const KEYWORDS_FIELD = "Kata kunci";
const KEYWORDS_LINE = /^\s*kata\s+kunci\s*:/i;
/** A headline, not a paragraph. */
const NEWS_TITLE_LIMIT = 200;

export function parseCategory(key: CategoryKey, source: string): Parsed<Category> {
  const problems: LineProblem[] = [];
  const file = splitSections(source);
  const [title, ...extraTitles] = file.titles;
  if (!title) {
    problems.push({ line: 1, message: 'judul kategori tidak ada: baris pertama harus berupa "# " lalu judulnya, contoh "# Mutasi Pegawai"' });
  } else {
    checkTitle(title, { kind: "kategori", limit: BUTTON_TITLE_LIMIT }, problems);
    if (file.sections[0] && file.sections[0].heading.line < title.line) {
      problems.push({ line: title.line, message: 'judul kategori ("# ...") harus ditulis sebelum topik pertama ("## ...")' });
    }
  }
  for (const extra of extraTitles) {
    problems.push({ line: extra.line, message: 'judul kategori ("# ...") hanya boleh satu; untuk topik gunakan "## "' });
  }
  const intro = renderText(file.preamble, "pengantar kategori", problems);
  if (file.sections.length === 0) {
    problems.push({ line: title?.line ?? 1, message: 'kategori belum punya topik: tambahkan bagian yang diawali "## " lalu judul topiknya' });
  }
  const seen = new Map<string, number>();
  const topics = file.sections.map((section) => {
    checkTitle(section.heading, { kind: "topik", limit: BUTTON_TITLE_LIMIT, seen }, problems);
    const { keywords, rest } = takeKeywords(section, problems);
    const answer = renderMarkdown(rest.source, rest.firstLine);
    problems.push(...answer.problems);
    // An answer emptied by unsupported Markdown is already reported as such.
    if (answer.html === "" && answer.problems.length === 0) problems.push({ line: section.heading.line, message: "jawaban topik ini kosong" });
    return {
      id: shortId(section.heading.text),
      title: section.heading.text,
      chunks: splitHtml(`<b>${escapeHtml(section.heading.text)}</b>\n\n${answer.html}`),
      keywords,
    };
  });
  return { value: { key, command: key, title: title?.text ?? "", intro, topics }, problems };
}

/**
 * The optional "Kata kunci: tunkin, potongan tunkin, presensi" line right under a topic's title: words the search finds
 * the topic by, never shown. Anywhere else in the topic it would be shown as part of the answer, so it is refused there.
 */
function takeKeywords(section: Section, problems: LineProblem[]): { keywords: string[]; rest: Block } {
  const { field, rest } = takeField(section, KEYWORDS_FIELD);
  const misplaced = rest.source.split("\n").findIndex((text) => KEYWORDS_LINE.test(text));
  if (misplaced !== -1) {
    problems.push({ line: rest.firstLine + misplaced, message: 'baris "Kata kunci:" harus tepat di bawah judul topik ("## ..."); di tempat lain baris itu ikut tampil di jawaban' });
  }
  if (!field) return { keywords: [], rest };
  const keywords = [...new Set(field.value.split(/[,;]/).map((keyword) => keyword.trim().replace(/\s+/g, " ")).filter((keyword) => keyword !== ""))];
  if (keywords.length === 0) {
    problems.push({ line: field.line, message: 'baris "Kata kunci:" kosong; tulis kata-katanya dipisah koma, misalnya "Kata kunci: tunkin, potongan, presensi", atau hapus barisnya' });
  }
  for (const keyword of keywords) {
    if (keyword.length > KEYWORD_LIMIT) {
      problems.push({ line: field.line, message: `kata kunci "${keyword.slice(0, 30)}…" terlalu panjang (${keyword.length} karakter, paling banyak ${KEYWORD_LIMIT}); pisahkan kata kunci dengan koma` });
    } else if (phraseKey(keyword).length === 0) {
      problems.push({ line: field.line, message: `kata kunci "${keyword}" hanya berisi kata umum (seperti "yang", "cara", "bagaimana") yang tidak dipakai pencarian` });
    }
  }
  return { keywords, rest };
}

/** Newest first; items of the same day keep their order in the file. */
export function parseNews(source: string): Parsed<NewsItem[]> {
  const problems: LineProblem[] = [];
  const items = splitSections(source).sections.map((section) => {
    checkTitle(section.heading, { kind: "berita", limit: NEWS_TITLE_LIMIT }, problems);
    const { field, rest } = takeField(section, "Tanggal");
    const date = field ? parseIndonesianDate(field.value) : null;
    if (!field) {
      problems.push({ line: section.heading.line, message: 'berita ini belum punya tanggal: tulis "Tanggal: 20 November 2026" tepat di bawah judulnya' });
    } else if (!date) {
      problems.push({ line: field.line, message: `tanggal "${field.value}" tidak dikenali; tulis seperti "20 November 2026"` });
    }
    const body = renderMarkdown(rest.source, rest.firstLine);
    problems.push(...body.problems);
    if (body.html === "" && body.problems.length === 0) problems.push({ line: section.heading.line, message: "isi berita ini kosong" });
    return { date: date ?? "", title: section.heading.text, chunks: splitHtml(body.html) };
  });
  items.sort((a, b) => b.date.localeCompare(a.date));
  return { value: items, problems };
}

export interface IndexedDocument {
  id: string;
  title: string;
  description?: string;
  fileName: string;
  /** The "Berkas:" line, where a missing file is reported. */
  line: number;
}

export function parseDocumentIndex(source: string): Parsed<IndexedDocument[]> {
  const problems: LineProblem[] = [];
  const seenTitles = new Map<string, number>();
  const seenFiles = new Map<string, number>();
  const entries = splitSections(source).sections.flatMap((section) => {
    checkTitle(section.heading, { kind: "dokumen", limit: BUTTON_TITLE_LIMIT, seen: seenTitles }, problems);
    const { field, rest } = takeField(section, "Berkas");
    const description = renderMarkdown(rest.source, rest.firstLine);
    problems.push(...description.problems);
    if (description.html.length > CAPTION_LIMIT - HEADER_ROOM) {
      problems.push({ line: rest.firstLine, message: `keterangan dokumen terlalu panjang (${description.html.length} karakter setelah diformat, paling banyak ${CAPTION_LIMIT - HEADER_ROOM})` });
    }
    if (!field || field.value === "") {
      problems.push({ line: field?.line ?? section.heading.line, message: 'nama berkas belum ditulis: tulis "Berkas: nama-berkas.pdf" tepat di bawah judul dokumen' });
      return [];
    }
    if (/[/\\]/.test(field.value) || field.value.startsWith(".")) {
      problems.push({ line: field.line, message: `tulis nama berkasnya saja tanpa folder, misalnya "Berkas: formulir-cuti.pdf" (bukan "${field.value}")` });
      return [];
    }
    const earlier = seenFiles.get(field.value);
    if (earlier !== undefined) {
      problems.push({ line: field.line, message: `berkas "${field.value}" sudah dipakai dokumen di baris ${earlier}` });
      return [];
    }
    seenFiles.set(field.value, field.line);
    return [{
      id: shortId(field.value),
      title: section.heading.text,
      description: description.html || undefined,
      fileName: field.value,
      line: field.line,
    }];
  });
  return { value: entries, problems };
}

export function parsePage(source: string): Parsed<string> {
  const problems: LineProblem[] = [];
  const html = renderText({ source, firstLine: 1 }, "halaman", problems);
  if (html === "" && problems.length === 0) problems.push({ line: 1, message: "halaman ini kosong" });
  return { value: html, problems };
}

/** Renders text that must fit one message with a title above it. */
function renderText(block: Block, what: string, problems: LineProblem[]): string {
  const rendered = renderMarkdown(block.source, block.firstLine);
  problems.push(...rendered.problems);
  if (rendered.html.length > TEXT_LIMIT) {
    problems.push({ line: block.firstLine, message: `${what} terlalu panjang (${rendered.html.length} karakter setelah diformat, paling banyak ${TEXT_LIMIT})` });
  }
  return rendered.html;
}

interface TitleRules {
  kind: string;
  limit: number;
  /** Titles seen so far in this file, when two alike would confuse the reader. */
  seen?: Map<string, number>;
}

function checkTitle(heading: Heading, rules: TitleRules, problems: LineProblem[]): void {
  if (heading.text === "") {
    problems.push({ line: heading.line, message: `judul ${rules.kind} kosong` });
    return;
  }
  if (heading.text.length > rules.limit) {
    problems.push({ line: heading.line, message: `judul ${rules.kind} terlalu panjang (${heading.text.length} karakter, paling banyak ${rules.limit}${rules.limit === BUTTON_TITLE_LIMIT ? " agar muat di tombol" : ""})` });
  }
  if (!rules.seen) return;
  const slug = slugify(heading.text);
  const earlier = rules.seen.get(slug);
  if (earlier !== undefined) {
    problems.push({ line: heading.line, message: `judul ${rules.kind} sama dengan ${rules.kind} di baris ${earlier}` });
  } else {
    rules.seen.set(slug, heading.line);
  }
}
