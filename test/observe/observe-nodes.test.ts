import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NodeDriver } from '../../src/observe/driver.js';
import { driverFor } from '../../src/observe/drivers/index.js';
import { observeNodes, selectNodes } from '../../src/observe/observe-nodes.js';
import type { NodeDocument } from '../../src/model/generated/desired.js';
import { sampleState } from './fixtures.js';

function fake(node: string, behaviour: 'ok' | 'fail' | 'throw', gauge: { now: number; max: number }): NodeDriver {
  return {
    kind: 'linux',
    node,
    async observe() {
      gauge.now++;
      gauge.max = Math.max(gauge.max, gauge.now);
      await new Promise((r) => setTimeout(r, 10));
      gauge.now--;
      if (behaviour === 'throw') throw new Error('boom');
      if (behaviour === 'fail') return { node, ok: false, error: { kind: 'unreachable', message: 'down' } };
      return { node, ok: true, state: sampleState(node) };
    },
  };
}

describe('observeNodes', () => {
  it('keeps to the concurrency bound and the input order', async () => {
    const gauge = { now: 0, max: 0 };
    const names = Array.from({ length: 9 }, (_, i) => `n${i}`);
    const r = await observeNodes(
      names.map((n) => fake(n, 'ok', gauge)),
      { concurrency: 3 },
    );
    assert.equal(gauge.max, 3);
    assert.deepEqual(
      r.map((o) => o.node),
      names,
    );
    assert.ok(r.every((o) => o.ok));
  });

  it('isolates a failing and a throwing node from the others', async () => {
    const gauge = { now: 0, max: 0 };
    const r = await observeNodes([fake('a', 'fail', gauge), fake('b', 'throw', gauge), fake('c', 'ok', gauge)], {
      concurrency: 1,
    });
    assert.deepEqual(
      r.map((o) => [o.node, o.ok]),
      [
        ['a', false],
        ['b', false],
        ['c', true],
      ],
    );
    assert.equal(!r[1].ok && r[1].error.kind, 'command-failed');
    assert.match(!r[1].ok ? r[1].error.message : '', /internal error in the linux driver: boom/);
  });

  it('selects nodes by name and reports unknown ones', () => {
    const nodes = [{ metadata: { name: 'a' } }, { metadata: { name: 'b' } }];
    assert.deepEqual(selectNodes(nodes, ['b', 'zz']), { selected: [{ metadata: { name: 'b' } }], unknown: ['zz'] });
    assert.equal(selectNodes(nodes).selected.length, 2);
  });
});

describe('driverFor', () => {
  const node = (connection: NodeDocument['spec']['connection']) =>
    ({ metadata: { name: 'server1' }, spec: { provider: 'p', connection, interfaces: [] } }) as unknown as NodeDocument;

  it('picks the snapshot driver for --observed, whatever the transport', () => {
    assert.equal(driverFor(node({ transport: 'ssh', host: 'h' }), { observedDir: '/tmp/x' }).kind, 'snapshot');
  });

  it('picks the linux driver for local, netns, ssh and for --lab', () => {
    for (const t of ['local', 'netns', 'ssh'] as const)
      assert.equal(driverFor(node({ transport: t, namespace: 'x', host: 'h' })).kind, 'linux');
    assert.equal(driverFor(node({ transport: 'sim' }), { lab: true }).kind, 'linux');
  });
});
