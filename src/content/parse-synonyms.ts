// Reads sinonim.md: one line per group of words that mean the same to the search ("- tunkin = tunjangan kinerja"),
// every problem with its line. Headings and notes around the list are the admin's own and are not read.
import type { LineProblem } from "./markdown.js";
import type { Parsed } from "./parse.js";
import { KEYWORD_LIMIT } from "./parse.js";
import { phraseKey } from "./search/terms.js";
import type { SynonymGroup } from "./types.js";

const ENTRY = /^\s*[-*]\s+(.*)$/;
const EXAMPLE = '"- tunkin = tunjangan kinerja"';
/** A synonym written without its "- " (a word or two, "=", more words), as opposed to a note that mentions "=". */
const LOOKS_LIKE_ENTRY = /^\s*[^\s=][^=]{0,59}=[^=]{1,200}$/;

export function parseSynonyms(source: string): Parsed<SynonymGroup[]> {
  const problems: LineProblem[] = [];
  const groups: SynonymGroup[] = [];
  /** Each phrase's search key, and the line that first gave it. */
  const seen = new Map<string, number>();
  source.split(/\r\n?|\n/).forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === "" || text.trimStart().startsWith("#")) return;
    const entry = ENTRY.exec(text);
    if (!entry) {
      if (LOOKS_LIKE_ENTRY.test(text)) problems.push({ line, message: `baris sinonim harus diawali "- ", misalnya ${EXAMPLE}` });
      return;
    }
    const sides = entry[1]!.split("=");
    if (sides.length < 2) {
      problems.push({ line, message: `tanda "=" tidak ada; tulis kata lalu artinya, misalnya ${EXAMPLE} atau "- KP = kenaikan pangkat, naik pangkat"` });
      return;
    }
    if (sides.some((side) => side.trim() === "")) {
      problems.push({ line, message: `salah satu sisi tanda "=" kosong; tulis kata di kiri dan artinya di kanan, misalnya ${EXAMPLE}` });
      return;
    }
    const phrases = sides.flatMap((side) => side.split(",")).map((phrase) => phrase.trim().replace(/\s+/g, " "));
    const keys = new Map<string, string>();
    for (const phrase of phrases) {
      if (phrase === "") {
        problems.push({ line, message: "ada koma tanpa kata di antaranya; hapus koma yang berlebih" });
        return;
      }
      if (phrase.length > KEYWORD_LIMIT) {
        problems.push({ line, message: `"${phrase.slice(0, 30)}…" terlalu panjang (${phrase.length} karakter, paling banyak ${KEYWORD_LIMIT}); pisahkan dengan koma` });
        return;
      }
      const key = phraseKey(phrase).join(" ");
      if (key === "") {
        problems.push({ line, message: `"${phrase}" hanya berisi kata umum (seperti "yang", "cara", "bagaimana") yang tidak dipakai pencarian` });
        return;
      }
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problems.push({ line, message: `"${phrase}" sudah ada di baris ${earlier}; gabungkan kedua baris menjadi satu` });
        return;
      }
      if (!keys.has(key)) keys.set(key, phrase);
    }
    if (keys.size < 2) {
      problems.push({ line, message: `kedua sisi tanda "=" sama bagi pencarian; tulis kata yang berbeda, misalnya ${EXAMPLE}` });
      return;
    }
    for (const key of keys.keys()) seen.set(key, line);
    groups.push({ phrases: [...keys.values()], line });
  });
  return { value: groups, problems };
}
