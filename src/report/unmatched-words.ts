// The words that come back in questions no guide topic matched, most frequent first: what HR should write next.

export interface WordCount {
  word: string;
  /** In how many unmatched questions the word occurs. */
  questions: number;
}

/** Each row is one question's words, space-separated; a word counts once per question. Ties in alphabetical order. */
export function frequentWords(rows: readonly string[], limit: number): WordCount[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (const word of new Set(row.split(" ").filter((w) => w !== ""))) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts]
    .map(([word, questions]) => ({ word, questions }))
    .sort((a, b) => b.questions - a.questions || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
    .slice(0, limit);
}
