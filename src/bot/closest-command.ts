// Which known command a mistyped one was meant to be ("/datapribad" → "datapribadi"): the nearest by edit distance
// (a swap of two neighbouring letters counting as one edit), when it is near enough to be a typo.

/** Edits allowed: one in a short command, two from five letters on. */
function allowedEdits(typed: string): number {
  return typed.length >= 5 ? 2 : 1;
}

export function closestCommand(typed: string, known: readonly string[]): string | undefined {
  const word = typed.toLowerCase();
  let best: { command: string; distance: number } | undefined;
  for (const command of known) {
    if (Math.abs(command.length - word.length) > allowedEdits(word)) continue;
    const distance = editDistance(word, command);
    if (distance <= allowedEdits(word) && (!best || distance < best.distance)) best = { command, distance };
  }
  return best?.command;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
