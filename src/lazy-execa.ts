// execa, loaded the first time a program is run: a command that reaches no node and runs
// no program (`tandem validate`, `tandem plan --observed`) never reads its ~200 KB of
// modules at start-up (issue 14). The bundle keeps it in a chunk of its own.
import type { execa as Execa } from 'execa';

let loaded: Promise<typeof Execa> | undefined;

export function loadExeca(): Promise<typeof Execa> {
  return (loaded ??= import('execa').then((m) => m.execa));
}
