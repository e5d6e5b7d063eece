// Reads jawaban-siap.md: one "## kode" section per answer the staff send with "/jawab kode", each rendered to Telegram
// HTML that fits one message under a header, every problem with its line.
import { visibleLength } from "../domain/html.js";
import { slugify } from "./ids.js";
import { HEADER_ROOM, MESSAGE_LIMIT } from "./limits.js";
import { renderMarkdown, type LineProblem } from "./markdown.js";
import type { Parsed } from "./parse.js";
import { splitSections, strayTitles, type Section } from "./sections.js";
import type { SavedAnswer } from "./types.js";

/** Typed after /jawab by the staff: short, and nothing a phone keyboard capitalises or splits. */
const CODE = /^[a-z][a-z0-9-]*$/;
const CODE_MIN = 2;
const CODE_MAX = 30;
const CODE_EXAMPLE = "tunkin-cair";
/** The bot puts a header above the answer, so the answer alone must leave room for it. */
const TEXT_LIMIT = MESSAGE_LIMIT - HEADER_ROOM;

/** Sorted by code. */
export function parseSavedAnswers(source: string): Parsed<SavedAnswer[]> {
  const problems: LineProblem[] = [];
  const file = splitSections(source);
  for (const title of strayTitles(file)) {
    problems.push({ line: title.line, message: `kode jawaban ditulis dengan "## ", misalnya "## ${CODE_EXAMPLE}"; "# " hanya untuk judul berkas di baris pertama` });
  }
  /** Each code, and the line of the heading that first gave it. */
  const seen = new Map<string, number>();
  const answers = file.sections.flatMap((section) => {
    const code = section.heading.text;
    const html = renderAnswer(section, problems);
    const invalid = codeProblem(code);
    if (invalid) {
      problems.push({ line: section.heading.line, message: invalid });
      return [];
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      problems.push({ line: section.heading.line, message: `kode "${code}" sudah dipakai jawaban di baris ${earlier}; setiap kode hanya boleh dipakai satu jawaban` });
      return [];
    }
    seen.set(code, section.heading.line);
    return [{ code, html, line: section.heading.line }];
  });
  // Plain code-unit order: codes are ASCII, and the list reads the same on every machine.
  answers.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const warnings: LineProblem[] = file.sections.length > 0 ? [] : [{
    line: 1,
    message: `belum ada jawaban siap; tambahkan bagian yang diawali "## " lalu kodenya, misalnya "## ${CODE_EXAMPLE}", dan tulis jawabannya di bawahnya`,
  }];
  return { value: answers, problems: problems.sort((a, b) => a.line - b.line), warnings };
}

/** The answer under a heading as Telegram HTML, its Markdown problems, emptiness and length reported. */
function renderAnswer(section: Section, problems: LineProblem[]): string {
  const { html, problems: markdownProblems } = renderMarkdown(section.source, section.firstLine);
  problems.push(...markdownProblems);
  const name = section.heading.text === "" ? "ini" : `"${section.heading.text}"`;
  // An answer emptied by unsupported Markdown is already reported as such.
  if (html === "" && markdownProblems.length === 0) {
    problems.push({ line: section.heading.line, message: `jawaban ${name} kosong; tulis jawabannya di bawah judul "## ..."` });
  }
  const length = visibleLength(html);
  if (length > TEXT_LIMIT) {
    problems.push({
      line: section.heading.line,
      message: `jawaban ${name} terlalu panjang (${length} karakter setelah diformat, paling banyak ${TEXT_LIMIT}); jawaban siap harus muat dalam satu pesan`,
    });
  }
  return html;
}

/** Why a heading cannot be a code, with a code to write instead; undefined when it can. */
function codeProblem(code: string): string | undefined {
  if (code === "") return `kode jawaban kosong; tulis kodenya sesudah "## ", misalnya "## ${CODE_EXAMPLE}"`;
  const suggestion = slugify(code).slice(0, CODE_MAX).replace(/-+$/, "");
  const example = `misalnya "${suggestion !== code && CODE.test(suggestion) && suggestion.length >= CODE_MIN ? suggestion : CODE_EXAMPLE}"`;
  if (!CODE.test(code)) {
    return /^[a-z0-9-]+$/.test(code)
      ? `kode "${code}" tidak sah: awali dengan huruf, ${example}`
      : `kode "${code}" tidak sah: pakai huruf kecil, angka, dan tanda hubung, ${example}`;
  }
  if (code.length < CODE_MIN || code.length > CODE_MAX) {
    return `kode "${code}" tidak sah: panjangnya ${CODE_MIN}–${CODE_MAX} karakter (sekarang ${code.length}), ${example}`;
  }
  return undefined;
}
