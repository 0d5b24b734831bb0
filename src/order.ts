// Sorting that does not depend on the machine's locale: plans, digests and outputs must
// be the same byte for byte whatever LANG the CI runner or the node agent has
// (String.prototype.localeCompare follows the locale).
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
