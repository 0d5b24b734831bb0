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
const HASH = 0x23;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const PIPE = 0x7c;
const GREATER = 0x3e;
const AMPERSAND = 0x26;
const BANG = 0x21;
const COMMA = 0x2c;
const COLON = 0x3a;
const DASH = 0x2d;
const QUESTION = 0x3f;

/** The characters the scan of a line's content reacts to; a line without any needs no scan. */
const SPECIAL = /[[\]{}"'#|>&!]/g;

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === CR || Number.isNaN(code);
}

/** Offset of the quote that closes a quoted scalar, from `from` to the end of the line; -1 when it goes on. */
function closingQuote(text: string, from: number, end: number, quote: string): number {
  for (let at = text.indexOf(quote, from); at >= 0 && at < end; at = text.indexOf(quote, at + 1)) {
    if (quote === "'") {
      if (text[at + 1] !== "'") return at;
      at++; // '' is an escaped quote
      continue;
    }
    let backslashes = 0;
    while (text[at - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

/** Offset of the first collection that nests deeper than `limit`, or undefined when none does. */
export function excessiveNesting(text: string, limit: number = MAX_NESTING): number | undefined {
  /** Indentation of each open block collection, outermost first. */
  const indents: number[] = [];
  let flow = 0;
  let quote: string | undefined;
  /** Inside a block scalar (`|`, `>`): its parent's indentation; deeper lines are text. */
  let scalarParent: number | undefined;
  /** Offset of the next SPECIAL character at or after the current line's content. */
  let special = -1;
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
    if (quote === undefined) {
      // Most lines hold no bracket, quote or comment: skip them without looking at each character.
      if (special < i) {
        SPECIAL.lastIndex = i;
        // test, not exec: no match object per line. A match of one character ends just before lastIndex.
        special = SPECIAL.test(text) ? SPECIAL.lastIndex - 1 : text.length;
      }
      if (special >= end) {
        pos = end + 1;
        continue;
      }
    }
    let valueStart = quote === undefined;
    for (; i < end; i++) {
      if (quote !== undefined) {
        const close = closingQuote(text, i, end, quote);
        if (close < 0) break; // the quoted scalar goes on on the next line
        i = close;
        quote = undefined;
        valueStart = false;
        continue;
      }
      // Character codes, not one-character strings: this loop sees most of a flow-heavy file.
      const code = text.charCodeAt(i);
      if (code === SPACE || code === TAB || code === CR) continue;
      if (code === HASH && (i === pos || isBlank(text.charCodeAt(i - 1)))) break;
      if (valueStart && (code === DOUBLE_QUOTE || code === SINGLE_QUOTE)) {
        quote = code === DOUBLE_QUOTE ? '"' : "'";
      } else if (valueStart && (code === OPEN_BRACKET || code === OPEN_BRACE)) {
        flow++;
        if (indents.length + flow > limit) return i;
      } else if (flow > 0 && (code === CLOSE_BRACKET || code === CLOSE_BRACE)) {
        flow--;
        valueStart = false;
      } else if (valueStart && flow === 0 && (code === PIPE || code === GREATER)) {
        scalarParent = indents.length > 0 ? indents[indents.length - 1] : -1;
        break;
      } else if (valueStart && (code === AMPERSAND || code === BANG)) {
        // An anchor or a tag before the value: the value still starts after it.
        while (i + 1 < end && !isBlank(text.charCodeAt(i + 1))) i++;
      } else if (code === COMMA && flow > 0) {
        valueStart = true;
      } else if (code === COLON || code === DASH || code === QUESTION) {
        valueStart = isBlank(text.charCodeAt(i + 1)) || (flow > 0 && code === COLON);
      } else {
        valueStart = false;
      }
    }
    pos = end + 1;
  }
  return undefined;
}
