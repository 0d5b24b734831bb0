import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ObservedNode } from '../../src/observe/model.js';
import { applyOp } from '../../src/sim/kernel.js';
import { attachmentsFromModel, SimNetwork, type SegmentAttachment } from '../../src/sim/network.js';
import { CLUSTER, validateTexts, nodeDoc } from '../helpers/env.js';
import { addrs, nodeWith, physical, run } from './helpers.js';

const ATTACH: SegmentAttachment[] = [
  { node: 'a', iface: 'eth0', segment: 'public' },
  { node: 'b', iface: 'eth0', segment: 'public' },
  { node: 'c', iface: 'eth0', segment: 'private' },
  { node: 'c', iface: 'eth2', segment: 'public' },
];

function named(node: string, state: ObservedNode): ObservedNode {
  return { ...state, node };
}

const a = named(
  'a',
  run(nodeWith([physical('eth0')]), [
    { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.50/24' },
    { op: 'addr-add', iface: 'eth0', cidr: '2001:db8::50/64' },
  ]),
);
const b = named('b', run(nodeWith([physical('eth0')]), [{ op: 'addr-add', iface: 'eth0', cidr: '192.0.2.50/24' }]));
// c holds 192.0.2.50 on a private-segment link, and on a public bond whose slave is the attached eth2.
const c = named(
  'c',
  run(nodeWith([physical('eth0'), physical('eth2', false)]), [
    { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.50/24' },
    { op: 'link-add-bond', iface: 'bond0', mode: 'active-backup' },
    { op: 'link-enslave', iface: 'eth2', master: 'bond0' },
    { op: 'link-set', iface: 'bond0', up: true },
    { op: 'addr-add', iface: 'bond0', cidr: '192.0.2.77/24' },
  ]),
);

describe('sim network: segments', () => {
  it('answers the uniqueness check per segment, excluding the asking node', () => {
    const net = new SimNetwork(ATTACH, [a, b, c]);
    assert.deepEqual(net.inUseElsewhere('a', 'eth0', '192.0.2.50'), [
      { node: 'b', iface: 'eth0', cidr: '192.0.2.50/24' },
    ]);
    assert.deepEqual(net.inUseElsewhere('a', 'eth0', '192.0.2.99'), []);
    assert.deepEqual(
      net.inUseElsewhere('a', 'eth0', '192.0.2.77'),
      [{ node: 'c', iface: 'bond0', cidr: '192.0.2.77/24' }],
      'bond inherits its slave segment',
    );
    assert.deepEqual(net.inUseElsewhere('c', 'eth0', '192.0.2.50'), [], 'c/eth0 is on another segment');
  });

  it('reports IPv4 duplicates across nodes of one segment', () => {
    const net = new SimNetwork(ATTACH, [a, b, c]);
    assert.deepEqual(net.duplicates(), [
      {
        segment: 'public',
        address: '192.0.2.50',
        holders: [
          { node: 'a', iface: 'eth0', cidr: '192.0.2.50/24' },
          { node: 'b', iface: 'eth0', cidr: '192.0.2.50/24' },
        ],
      },
    ]);
  });

  it('a down link or a dadfailed address answers nothing', () => {
    const bDown = applyOp(b, { op: 'link-set', iface: 'eth0', up: false });
    assert.ok(bDown.ok);
    const net = new SimNetwork(ATTACH, [a, bDown.state, c]);
    assert.deepEqual(net.duplicates(), []);
    const dup = new SimNetwork(ATTACH, [a, b]).contextFor('b');
    const failed = run(b, [{ op: 'addr-add', iface: 'eth0', cidr: '2001:db8::50/64' }], dup);
    assert.deepEqual(addrs(failed, 'eth0'), ['eth0 192.0.2.50/24', 'eth0 2001:db8::50/64 tentative dadfailed']);
    assert.deepEqual(new SimNetwork(ATTACH, [a, failed]).holders('public', '2001:db8::50'), [
      { node: 'a', iface: 'eth0', cidr: '2001:db8::50/64' },
    ]);
  });

  it('withState replaces one node', () => {
    const net = new SimNetwork(ATTACH, [a, b]);
    const r = applyOp(b, { op: 'addr-del', iface: 'eth0', cidr: '192.0.2.50/24' });
    assert.ok(r.ok);
    assert.deepEqual(net.withState(r.state).duplicates(), []);
    assert.equal(net.duplicates().length, 1);
  });

  it('reads attachments from the desired state', () => {
    const r = validateTexts({
      'c.yaml': CLUSTER,
      'n.yaml': nodeDoc('n1', ['{ name: eth0, type: physical, segment: public }', '{ name: eth1, type: physical }']),
    });
    assert.ok(r.model, JSON.stringify(r.diagnostics));
    assert.deepEqual(attachmentsFromModel(r.model), [{ node: 'n1', iface: 'eth0', segment: 'public' }]);
  });
});
