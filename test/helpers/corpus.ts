// Reads the bad-input corpus under test/fixtures/invalid (layout: its README.md).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths.js';

export const CORPUS_DIR = join(PACKAGE_ROOT, 'test', 'fixtures', 'invalid');

export interface CorpusExpectation {
  ruleId: string;
  /** Relative to the case folder; '.' is the folder itself. */
  file: string;
  line: number;
  col: number;
  /** A substring of the diagnostic's summary or detail. */
  message: string;
  about?: string;
}

export interface CorpusCase {
  name: string;
  /** Absolute path of the case folder. */
  dir: string;
  /** The folder relative to the package root, as a user would type it. */
  relDir: string;
  expect: CorpusExpectation;
}

export function listCorpus(): CorpusCase[] {
  return readdirSync(CORPUS_DIR)
    .filter((name) => statSync(join(CORPUS_DIR, name)).isDirectory())
    .sort()
    .map((name) => {
      const dir = join(CORPUS_DIR, name);
      const expect = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as CorpusExpectation;
      return { name, dir, relDir: relative(PACKAGE_ROOT, dir), expect };
    });
}

/** The path the loader reports for the expected file, given the folder as passed to it. */
export function expectedFile(c: CorpusCase, dirAsPassed: string = c.dir): string {
  return c.expect.file === '.' ? dirAsPassed : join(dirAsPassed, c.expect.file);
}
