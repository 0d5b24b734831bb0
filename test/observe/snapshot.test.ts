import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readSnapshot } from '../../src/observe/drivers/snapshot.js';
import { writeSnapshotFile } from '../../src/observe/snapshot-io.js';
import { sampleState } from './fixtures.js';

async function withDir(fn: (dir: string) => Promise<void>) {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-snap-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('snapshot files', () => {
  for (const format of ['json', 'yaml'] as const) {
    it(`round-trips an observed node as ${format}`, () =>
      withDir(async (dir) => {
        const file = await writeSnapshotFile(dir, sampleState(), format);
        assert.equal(file, join(dir, `server1.${format}`));
        const r = await readSnapshot(dir, 'server1');
        assert.ok(r.ok);
        assert.deepEqual(r.ok && r.state, { ...sampleState(), driver: 'snapshot' });
      }));
  }

  it('replaces a file of the other format so an old one cannot shadow the new one', () =>
    withDir(async (dir) => {
      await writeSnapshotFile(dir, { ...sampleState(), observedAt: 'old' }, 'json');
      await writeSnapshotFile(dir, sampleState(), 'yaml');
      assert.deepEqual(await readdir(dir), ['server1.yaml']);
    }));

  it('names the file of a missing, corrupt or mismatched snapshot', () =>
    withDir(async (dir) => {
      const missing = await readSnapshot(dir, 'server2');
      assert.equal(!missing.ok && missing.error.kind, 'not-found');
      assert.match(
        !missing.ok ? missing.error.message : '',
        /no snapshot for node server2 in .* server2\.json, server2\.yaml/,
      );
      await writeFile(join(dir, 'server3.json'), '{"node": "server3", ');
      const corrupt = await readSnapshot(dir, 'server3');
      assert.equal(!corrupt.ok && corrupt.error.kind, 'parse');
      assert.ok(!corrupt.ok && corrupt.error.message.startsWith(join(dir, 'server3.json')));
      await writeFile(join(dir, 'server4.yaml'), 'node: server5\n');
      const other = await readSnapshot(dir, 'server4');
      assert.match(!other.ok ? other.error.message : '', /server4\.yaml: records node "server5", expected "server4"/);
      await writeFile(join(dir, 'server6.json'), JSON.stringify({ ...sampleState('server6'), routes: undefined }));
      const partial = await readSnapshot(dir, 'server6');
      assert.match(!partial.ok ? partial.error.message : '', /"routes" is missing/);
    }));

  it('never turns a hostile node name into a path', () =>
    withDir(async (dir) => {
      const r = await readSnapshot(dir, '../etc/passwd');
      assert.equal(r.ok, false);
      await assert.rejects(writeSnapshotFile(dir, sampleState('../x'), 'json'), /cannot be used as a file name/);
    }));
});
