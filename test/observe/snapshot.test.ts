import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readSnapshot } from '../../src/observe/drivers/snapshot.js';
import { MAX_SNAPSHOT_PROBLEMS, snapshotProblems, writeSnapshotFile } from '../../src/observe/snapshot-io.js';
import type { ObservedNode } from '../../src/observe/model.js';
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
      assert.match(
        !other.ok ? other.error.message : '',
        /server4\.yaml:1:7: records node "server5", expected "server4"/,
      );
      assert.match(!corrupt.ok ? corrupt.error.message : '', /server3\.json:1:\d+: not valid JSON: /);
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

  it('refuses malformed addresses, prefixes, MACs and link names, every problem at once with its path', () =>
    withDir(async (dir) => {
      const state = sampleState();
      const bad = {
        ...state,
        links: [
          { ...state.links[0], name: 'eth 0', mac: '02:00:00:zz:00:01' },
          { ...state.links[0], mtu: '1500' },
        ],
        addresses: [
          state.addresses[0],
          { ...state.addresses[0], cidr: '10.0.0.1/33' },
          { ...state.addresses[0], cidr: '999.0.0.1/24' },
          { ...state.addresses[0], family: 6 },
          { ...state.addresses[0], cidr: '2001:DB8::1/64', family: 6 },
        ],
        routes: [{ ...state.routes[0], to: '192.0.2.0/24x', via: '192.0.2.256' }],
        neighbors: [{ ...state.neighbors[0], lladdr: 'not-a-mac', address: 'fe80::1' }],
        xfrmPolicies: [{ ...state.xfrmPolicies[0], dir: 'sideways' }],
      };
      const text = JSON.stringify(bad, null, 2);
      await writeFile(join(dir, 'server1.json'), text);
      const r = await readSnapshot(dir, 'server1');
      assert.equal(r.ok, false);
      assert.equal(!r.ok && r.error.kind, 'parse');
      const file = join(dir, 'server1.json');
      const lines = !r.ok ? r.error.message.split('\n') : [];
      // Each problem at the line and column of its value in the file.
      const at = (needle: string) => {
        const before = text.slice(0, text.indexOf(needle));
        return `${before.split('\n').length}:${before.length - before.lastIndexOf('\n')}`;
      };
      assert.equal(lines[0], `${file}:${at('"eth 0"')}: links[0].name "eth 0" is not a Linux interface name`);
      assert.equal(
        lines[10],
        `${file}:${at('"not-a-mac"')}: neighbors[0].lladdr "not-a-mac" is not a link-layer address`,
      );
      assert.deepEqual(
        lines.map((l) => l.replace(/:\d+:\d+: /, ': ')),
        [
          `${file}: links[0].name "eth 0" is not a Linux interface name`,
          `${file}: links[0].mac "02:00:00:zz:00:01" is not a MAC address`,
          `${file}: links[1].mtu "1500" is not an integer from 0 to 4294967295`,
          `${file}: addresses[1].cidr "10.0.0.1/33" is not an IP prefix`,
          `${file}: addresses[2].cidr "999.0.0.1/24" is not an IP prefix`,
          `${file}: addresses[3].cidr "192.0.2.11/24" is IPv4, but the entry is IPv6`,
          `${file}: addresses[4].cidr "2001:DB8::1/64" is not in canonical form (the kernel reports 2001:db8::1/64)`,
          `${file}: routes[0].to "192.0.2.0/24x" is not "default" or an IP prefix`,
          `${file}: routes[0].via "192.0.2.256" is not an IP address`,
          `${file}: neighbors[0].address "fe80::1" is IPv6, but the entry is IPv4`,
          `${file}: neighbors[0].lladdr "not-a-mac" is not a link-layer address`,
          `${file}: xfrmPolicies[0].dir "sideways" is not one of "in", "out", "fwd"`,
        ],
      );
    }));

  it('finds the one wrong field of an otherwise plain address, whichever field it is', () => {
    // Issue 14: plain addresses skip the field-by-field walk; any defect must still reach it.
    const plain = { interface: 'eth0', family: 4, cidr: '192.0.2.11/24', secondary: false, tentative: false };
    const base = { ...plain, dadfailed: false, scope: 'global' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ interface: 'eth 0' }, 'addresses[0].interface "eth 0" is not a Linux interface name'],
      [{ interface: 'a-name-too-long-0' }, 'addresses[0].interface "a-name-too-long-0" is not a Linux interface name'],
      [{ interface: 7 }, 'addresses[0].interface 7 is not a Linux interface name'],
      [{ family: 5 }, 'addresses[0].family 5 is not one of 4, 6'],
      [{ family: '4' }, 'addresses[0].family "4" is not one of 4, 6'],
      [{ family: 6 }, 'addresses[0].cidr "192.0.2.11/24" is IPv4, but the entry is IPv6'],
      [{ cidr: '192.0.2.011/24' }, 'addresses[0].cidr "192.0.2.011/24" is not an IP prefix'],
      [{ cidr: '192.0.2.11' }, 'addresses[0].cidr "192.0.2.11" is not an IP prefix'],
      [
        { cidr: '2001:DB8::B/64', family: 6 },
        'addresses[0].cidr "2001:DB8::B/64" is not in canonical form (the kernel reports 2001:db8::b/64)',
      ],
      [{ label: 3 }, 'addresses[0].label 3 is not a string'],
      [{ secondary: 'no' }, 'addresses[0].secondary "no" is not true or false'],
      [{ tentative: undefined }, 'addresses[0].tentative is missing'],
      [{ dadfailed: 0 }, 'addresses[0].dadfailed 0 is not true or false'],
      [{ scope: undefined }, 'addresses[0].scope is missing'],
      [{ peer: '198.51.100.1/33' }, 'addresses[0].peer "198.51.100.1/33" is not an IP prefix'],
      [{ peer: '2001:db8::1' }, 'addresses[0].peer "2001:db8::1" is IPv6, but the entry is IPv4'],
    ];
    const problemsOf = (address: Record<string, unknown>) =>
      snapshotProblems({ ...sampleState(), addresses: [address] }, 'server1');
    assert.deepEqual(problemsOf(base), []);
    assert.deepEqual(problemsOf({ ...base, label: 'eth0:db', peer: '198.51.100.1' }), []);
    for (const [change, problem] of cases)
      assert.deepEqual(problemsOf({ ...base, ...change }), [problem], JSON.stringify(change));
  });

  it('never crashes on values of the wrong type, and counts what it does not list', () =>
    withDir(async (dir) => {
      const junk: unknown[] = [null, 7, 'x', [], { interface: {}, family: '4', cidr: 42, secondary: 'no' }];
      const state = { ...sampleState(), links: junk, addresses: junk, routes: junk, neighbors: junk, sysctl: { a: 1 } };
      await writeFile(join(dir, 'server1.json'), JSON.stringify(state));
      const r = await readSnapshot(dir, 'server1');
      const lines = !r.ok ? r.error.message.split('\n').map((l) => l.replace(/:\d+:\d+: /, ': ')) : [];
      assert.ok(lines.includes(`${join(dir, 'server1.json')}: links[0] null is not an object`), lines.join('\n'));
      assert.ok(lines.some((l) => l.endsWith('addresses[4].cidr 42 is not an IP prefix')));
      assert.ok(lines.some((l) => l.endsWith('sysctl["a"] 1 is not a string')));

      const many = sampleState();
      many.addresses = Array.from({ length: MAX_SNAPSHOT_PROBLEMS + 5 }, () => ({
        ...many.addresses[0],
        cidr: 'nope',
      }));
      await writeFile(join(dir, 'server2.json'), JSON.stringify({ ...many, node: 'server2' } satisfies ObservedNode));
      const r2 = await readSnapshot(dir, 'server2');
      const listed = !r2.ok ? r2.error.message.split('\n') : [];
      assert.equal(listed.length, MAX_SNAPSHOT_PROBLEMS + 1);
      assert.match(listed[MAX_SNAPSHOT_PROBLEMS], /… and 5 more problems$/);
    }));

  it('reports every YAML syntax error of a snapshot with its line', () =>
    withDir(async (dir) => {
      await writeFile(join(dir, 'server1.yaml'), 'node: server1\nlinks: [\n  a: b: c\nnode: again\n');
      const r = await readSnapshot(dir, 'server1');
      const lines = !r.ok ? r.error.message.split('\n') : [];
      assert.ok(lines.length >= 2, lines.join('\n'));
      for (const l of lines) assert.match(l, /server1\.yaml:\d+:\d+: not valid YAML: .*line \d+/);
    }));
});
