// The plan renderers show the steps sourceAddress and promoteSecondaries add: the text
// plan with the commands, the pull-request markdown, and the JSON document with its ops.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { CLUSTER, nodeDoc } from '../helpers/env.js';
import { observations, observedNode } from '../helpers/observed.js';
import { planFor } from '../helpers/plan.js';

const files = {
  'c.yaml': `${CLUSTER}  defaults:\n    promoteSecondaries: true\n`,
  'n.yaml': [
    nodeDoc('s1', ['{ name: eth0, type: physical, segment: public, addresses: [192.0.2.11/24] }']),
    nodeDoc('s2', ['{ name: eth0, type: physical, segment: public, addresses: [192.0.2.12/24] }']),
  ].join('---\n'),
  'a.yaml': `apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: db }
spec:
  address: 192.0.2.50/24
  active: s2
  sourceAddress: true
  placements:
    - { node: s1, interface: eth0, priority: 1 }
    - { node: s2, interface: eth0, priority: 2 }
`,
};

function switchover() {
  const s1 = observedNode('s1', {
    links: ['eth0'],
    addresses: { eth0: ['192.0.2.11/24', '192.0.2.50/24'] },
    owned: ['addr:192.0.2.50'],
    ops: [{ op: 'route-src', iface: 'eth0', to: '192.0.2.0/24', src: '192.0.2.50' }],
  });
  const s2 = observedNode('s2', { links: ['eth0'], addresses: { eth0: ['192.0.2.12/24'] } });
  return planFor(files, observations(s1, s2));
}

describe('plans with sourceAddress and promoteSecondaries', () => {
  it('text: the changes with their reasons and the commands in order', () => {
    const text = renderPlanText(switchover());
    const lines = text.split('\n');
    assert.ok(
      lines.includes(
        '  -   source 192.0.2.50 of subnet 192.0.2.0/24 on eth0 (relocatable db)  ' +
          "# 192.0.2.50 leaves: the primary 192.0.2.11 is the subnet's source again",
      ),
      text,
    );
    assert.ok(
      lines.includes(
        '  ~   sysctl net.ipv4.conf.eth0.promote_secondaries=1  # promoteSecondaries: true in the Cluster defaults',
      ),
      text,
    );
    const order = text.slice(text.indexOf('Order:'));
    const commands = [
      'sysctl -w net.ipv4.conf.eth0.promote_secondaries=1',
      'ip route replace 192.0.2.0/24 dev eth0 proto kernel scope link src 192.0.2.11',
      'ip addr del 192.0.2.50/24 dev eth0',
      'ip addr add 192.0.2.50/24 dev eth0',
      'ip route replace 192.0.2.0/24 dev eth0 proto kernel scope link src 192.0.2.50',
    ].map((l) => order.indexOf(l));
    assert.ok(
      commands.every((at, i) => at >= 0 && (i === 0 || at > commands[i - 1])),
      `${commands.join(',')}\n${order}`,
    );
  });

  it('markdown: the changes per node and the steps per wave', () => {
    const md = renderPlanMarkdown(switchover(), {});
    assert.match(md, /^- - source 192\.0\.2\.50 of subnet 192\.0\.2\.0\/24 on eth0 \(relocatable db\)/m);
    assert.match(md, /^! ~ sysctl net\.ipv4\.conf\.eth0\.promote_secondaries=1/m);
    assert.match(md, /^1\. `s2` update source 192\.0\.2\.50 of subnet 192\.0\.2\.0\/24 on eth0 \(relocatable db\)$/m);
  });

  it('JSON: the changes carry the objects and the steps the kernel ops', () => {
    const doc = JSON.parse(JSON.stringify(switchover())) as ReturnType<typeof switchover>;
    const change = doc.changes.find((c) => c.id === 's1:source:eth0:192.0.2.0/24');
    assert.deepEqual(change?.before, {
      kind: 'source',
      key: 'source:eth0:192.0.2.0/24',
      iface: 'eth0',
      to: '192.0.2.0/24',
      src: '192.0.2.50',
      primary: '192.0.2.11',
      relocatable: 'db',
    });
    const steps = doc.waves.flatMap((w) => w.steps);
    assert.deepEqual(steps.find((s) => s.id === 's2:source:eth0:192.0.2.0/24')?.ops, [
      { op: 'route-src', iface: 'eth0', to: '192.0.2.0/24', src: '192.0.2.50' },
    ]);
    assert.deepEqual(steps.find((s) => s.id === 's1:sysctl:net.ipv4.conf.eth0.promote_secondaries')?.ops, [
      { op: 'sysctl-set', name: 'net.ipv4.conf.eth0.promote_secondaries', value: '1' },
    ]);
  });
});
