// "Did you mean": the closest known word to a misspelt one (field names, enum values,
// kinds, node, interface, segment and address names), by edit distance, case-insensitive.

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** Longest word compared: a hostile value of a megabyte is not worth a quadratic search. */
const MAX_WORD = 100;

/** The candidate closest to `word`, when it is close enough to be a typo of it. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > MAX_WORD) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c === word || c.length > MAX_WORD) continue;
    const d = distance(word, c);
    if (d < bestScore) [best, bestScore] = [c, d];
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** "Did you mean 'eth0'? " (with its trailing space) or '' when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const guess = closest(word, candidates);
  return guess === undefined ? '' : `Did you mean '${guess}'? `;
}
