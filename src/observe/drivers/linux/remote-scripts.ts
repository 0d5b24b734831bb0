// tandem's fixed `sh -c` scripts: what would otherwise be several commands, and over ssh
// several round trips, as one process. The script texts are constants of this file; every
// value (paths, names, the text to write, the commands of a sequence) reaches a script as
// a positional argument or on standard input, never inside its text. Over ssh a script is
// the one word sent single-quoted to the remote shell, so a script may hold no single
// quote, no backslash, no `!` and no newline: each of those means something inside single
// quotes to some login shell (fish, csh), or ends the quoting. Arguments stay shell-inert
// words (transport.ts checks them like any other remote word).
import { randomBytes } from 'node:crypto';

export interface FixedScript {
  readonly name: string;
  readonly text: string;
}

const NOT_IN_A_SCRIPT = /['\\!\n]/;

function script(name: string, text: string): FixedScript {
  if (NOT_IN_A_SCRIPT.test(text)) throw new Error(`the fixed script ${name} holds a character it must not`);
  return Object.freeze({ name, text });
}

/**
 * Creates `DIR/NAME` with the text on stdin only if it does not exist, complete or not at
 * all: the text goes to a private temporary file, hard-linked to the name (link(2) fails
 * when the name exists), then removed. Exit 0: created; 1: the name exists; 2: failed.
 * Arguments: DIR NAME TEMP (TEMP a file name of DIR, unique to this caller).
 */
export const CREATE_EXCLUSIVE = script(
  'create-exclusive',
  'd=$1; t=$1/$3; mkdir -p -- "$d" && cat > "$t" || { rm -f -- "$t"; exit 2; }; ' +
    'ln -- "$t" "$d/$2"; r=$?; rm -f -- "$t"; ' +
    'if [ "$r" -eq 0 ]; then exit 0; elif [ -e "$d/$2" ]; then exit 1; else exit 2; fi',
);

/**
 * Replaces `DIR/NAME` with the text on stdin atomically: written to `DIR/TEMP`, then
 * renamed over the name, so a reader sees the old file or the new one, never half of it.
 * Arguments: DIR NAME TEMP.
 */
export const REPLACE_ATOMIC = script(
  'replace-atomic',
  'd=$1; t=$1/$3; mkdir -p -- "$d" && cat > "$t" && mv -f -- "$t" "$d/$2" && exit 0; r=$?; rm -f -- "$t"; exit "$r"',
);

/**
 * Removes `DIR/NAME` only if it holds exactly the text on stdin (one's own lock, not one
 * another apply took since). Exit 0: removed; 1: not there, or not that text.
 * Arguments: DIR NAME.
 */
export const REMOVE_IF_SAME = script(
  'remove-if-same',
  'f=$1/$2; [ -e "$f" ] || exit 1; if [ "$(cat -- "$f")" = "$(cat)" ]; then rm -f -- "$f"; else exit 1; fi',
);

/**
 * Runs commands one after another and frames each one's output: after a command, a line
 * `BOUNDARY STATUS` on stdout and on stderr, each preceded by a newline of its own (so
 * output without a final newline is framed too). Arguments: BOUNDARY, then per command
 * its word count and its words. `run_words` runs the first N of its arguments: POSIX sh
 * has no arrays, so it appends those N to the argument list while shifting every original
 * one off (a `for` loop's word list is expanded once, when the loop starts).
 */
export const SEQUENCE = script(
  'sequence',
  'run_words() { n=$1; shift; i=0; for w in "$@"; do i=$((i + 1)); ' +
    'if [ "$i" -le "$n" ]; then set -- "$@" "$w"; fi; shift; done; "$@"; }; ' +
    'b=$1; shift; while [ "$#" -gt 0 ]; do n=$1; run_words "$@"; r=$?; ' +
    'echo; echo "$b $r"; echo >&2; echo "$b $r" >&2; shift $((n + 1)); done',
);

export const FIXED_SCRIPTS: readonly FixedScript[] = [CREATE_EXCLUSIVE, REPLACE_ATOMIC, REMOVE_IF_SAME, SEQUENCE];

/** A boundary for SEQUENCE's framing: random, so no command's output holds it by chance. */
export function newBoundary(): string {
  return `tandem-${randomBytes(12).toString('hex')}`;
}

/** SEQUENCE's arguments for these commands (after the boundary). */
export function sequenceArgs(boundary: string, commands: readonly (readonly string[])[]): string[] {
  return [boundary, ...commands.flatMap((c) => [String(c.length), ...c])];
}

export interface FramedSection {
  text: string;
  status: number;
}

/**
 * Cuts a stream SEQUENCE framed into its sections, in order; a stream cut short (the
 * process killed, the connection lost) gives the sections that were complete.
 */
export function unframe(stream: string, boundary: string): FramedSection[] {
  const out: FramedSection[] = [];
  const marker = `\n${boundary} `;
  let from = 0;
  for (;;) {
    const at = stream.indexOf(marker, from);
    if (at < 0) return out;
    const end = stream.indexOf('\n', at + marker.length);
    if (end < 0) return out;
    const status = Number(stream.slice(at + marker.length, end));
    if (!Number.isInteger(status)) return out;
    out.push({ text: stream.slice(from, at), status });
    from = end + 1;
  }
}
