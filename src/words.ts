// Counted nouns for messages: "1 error", "2 errors", never "1 errors".

/** `n` and the noun in the number it needs; `many` for irregular plurals ("1 policy", "2 policies"). */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
