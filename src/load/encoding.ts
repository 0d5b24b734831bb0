// YAML files are UTF-8 text. Decoding invalid bytes would silently turn them into
// U+FFFD, so a file that is not valid UTF-8 is refused at its first bad byte.
import type { Diagnostic } from '../diagnostics.js';

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence (-1 when all are valid). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

export function invalidUtf8Diagnostic(file: string, bytes: Uint8Array): Diagnostic {
  const offset = Math.max(0, firstInvalidUtf8(bytes));
  const lineStart = offset === 0 ? 0 : bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  // The bytes before the bad one are valid, so their decoded length is the column.
  const col = Buffer.from(bytes.subarray(lineStart, offset)).toString('utf8').length + 1;
  return {
    severity: 'error',
    ruleId: 'YAML001',
    summary: `byte 0x${bytes[offset].toString(16).padStart(2, '0')} is not valid UTF-8`,
    detail: 'YAML files are UTF-8 text: save the file as UTF-8.',
    objects: [],
    source: { file, line, col },
    reference: 'YAML 1.2 (character encoding)',
  };
}
