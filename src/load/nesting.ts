// Deeply nested YAML (ten thousand `[`, or `{a: {a: ...}}`) makes both parsers recurse
// until the stack overflows, seconds later. This one pass over the text estimates how
// deeply collections nest, without parsing, so such a file is refused before a parser
// sees it. The estimate follows block indentation (one level per deeper indentation and
// per `- ` or `? ` on a line) and flow brackets that open a value, and skips comments,
// quoted scalars and block scalars. It never counts more levels than a line opens, and
// the limit is far above any real tandem document (about eight levels) and far below
// what overflows a parser (thousands), so an approximate count is enough.

/** Deepest nesting of collections accepted; tandem's documents use about eight levels. */
export const MAX_NESTING = 64;

const SPACE = 32;
const TAB = 9;
const CR = 13;

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === CR || Number.isNaN(code);
}

/** Offset of the first collection that nests deeper than `limit`, or undefined when none does. */
export function excessiveNesting(text: string, limit: number = MAX_NESTING): number | undefined {
  /** Indentation of each open block collection, outermost first. */
  const indents: number[] = [];
  let flow = 0;
  let quote: string | undefined;
  /** Inside a block scalar (`|`, `>`): its parent's indentation; deeper lines are text. */
  let scalarParent: number | undefined;
  for (let pos = 0; pos <= text.length;) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    let i = pos;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    const indent = i - pos;
    const empty = i === end || text[i] === '#' || text.charCodeAt(i) === CR;
    const marker =
      indent === 0 && (text.startsWith('---', i) || text.startsWith('...', i)) && isBlank(text.charCodeAt(i + 3));
    if (scalarParent !== undefined) {
      if (!marker && (empty || indent > scalarParent)) {
        pos = end + 1;
        continue;
      }
      scalarParent = undefined;
    }
    if (quote === undefined && flow === 0 && !empty) {
      if (marker) {
        indents.length = 0;
        i += 3;
      } else {
        while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
        // "- - - a" and "? a" open one more level each on the same line.
        while ((text[i] === '-' || text[i] === '?') && isBlank(text.charCodeAt(i + 1))) {
          i++;
          while (i < end && text.charCodeAt(i) === SPACE) i++;
          indents.push(i - pos);
          if (indents.length > limit) return i;
        }
        if (indents.length > limit) return pos + indent;
      }
    }
    let valueStart = quote === undefined;
    for (; i < end; i++) {
      const c = text[i];
      if (quote !== undefined) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote && quote === "'" && text[i + 1] === "'") i++;
        else if (c === quote) {
          quote = undefined;
          valueStart = false;
        }
        continue;
      }
      const code = text.charCodeAt(i);
      if (code === SPACE || code === TAB || code === CR) continue;
      if (c === '#' && (i === pos || isBlank(text.charCodeAt(i - 1)))) break;
      if (valueStart && (c === '"' || c === "'")) {
        quote = c;
      } else if (valueStart && (c === '[' || c === '{')) {
        flow++;
        if (indents.length + flow > limit) return i;
      } else if (flow > 0 && (c === ']' || c === '}')) {
        flow--;
        valueStart = false;
      } else if (valueStart && flow === 0 && (c === '|' || c === '>')) {
        scalarParent = indents.length > 0 ? indents[indents.length - 1] : -1;
        break;
      } else if (valueStart && (c === '&' || c === '!')) {
        // An anchor or a tag before the value: the value still starts after it.
        while (i + 1 < end && !isBlank(text.charCodeAt(i + 1))) i++;
      } else if (c === ',' && flow > 0) {
        valueStart = true;
      } else if (c === ':' || c === '-' || c === '?') {
        valueStart = isBlank(text.charCodeAt(i + 1)) || (flow > 0 && c === ':');
      } else {
        valueStart = false;
      }
    }
    pos = end + 1;
  }
  return undefined;
}
