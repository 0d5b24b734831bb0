// Long patterns written over several lines: consecutive pieces joined into one regular
// expression, exactly as if they had been written as one literal.

/** The pattern made of `parts` in order, with the flags of the first part. */
export function joinRegExp(...parts: RegExp[]): RegExp {
  return new RegExp(parts.map((p) => p.source).join(''), parts[0]?.flags);
}
