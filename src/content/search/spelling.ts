// Reads a mistyped word as the word the content uses that is nearest to it ("satyalencna" → "satyalencana"), so the
// corrected word is stemmed and finds its synonyms like any other. Only words the content never uses are corrected.
import SearchableMap from "minisearch/SearchableMap";

export interface SpellingRules {
  /** Shorter words are left alone: too many short words are one letter apart. */
  minLength: number;
  /** From this length on, two edits are allowed; below it, one. */
  twoEditsFrom: number;
}

export interface Vocabulary {
  /** The nearest known word, the most used one among equally near; undefined when none is near enough or `word` is known. */
  correct(word: string): string | undefined;
}

/** `counts`: each word the content uses, and in how many items. */
export function vocabularyOf(counts: ReadonlyMap<string, number>, rules: SpellingRules): Vocabulary {
  const words = new SearchableMap<number>();
  for (const [word, count] of counts) words.set(word, count);
  return {
    correct(word) {
      if (word.length < rules.minLength || words.has(word)) return undefined;
      let best: { word: string; distance: number; count: number } | undefined;
      for (const [candidate, [count, distance]] of words.fuzzyGet(word, word.length >= rules.twoEditsFrom ? 2 : 1)) {
        if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word: candidate, distance, count };
      }
      return best?.word;
    },
  };
}
