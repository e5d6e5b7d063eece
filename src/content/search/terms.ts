// Text to search terms, the one way for topics, questions and the synonyms file alike: folded words, stop words out,
// each word with its stems (the likeliest first).
import { stem } from "./stemmer.js";
import { foldedWords, isStopWord } from "./words.js";

export interface Term {
  /** The folded word as written ("pengajuan"): what the report shows. */
  word: string;
  /** Its stems ("aju", "kaju"); the first is the one phrases are matched on. */
  stems: string[];
}

export function termsOf(text: string): Term[] {
  return foldedWords(text).flatMap((word) => termOf(word) ?? []);
}

/** A folded word as a term; undefined for a stop word, written as such ("caranya") or once stemmed ("cara"). */
export function termOf(word: string): Term | undefined {
  if (isStopWord(word)) return undefined;
  const stems = stem(word);
  return isStopWord(stems[0]!) ? undefined : { word, stems };
}

/** The sequence a phrase is matched on: "Kenaikan Pangkat" → ["naik", "pangkat"]. */
export function phraseKey(text: string): string[] {
  return termsOf(text).map((term) => term.stems[0]!);
}
