import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderObservationsJson, renderObservationsText } from '../../src/render/observed.js';
import { joinRegExp } from '../helpers/regex.js';
import { sampleState } from './fixtures.js';

describe('renderObservationsText', () => {
  const ok = { node: 'server1', ok: true as const, state: sampleState() };
  const failed = {
    node: 'server2',
    ok: false as const,
    error: {
      kind: 'namespace-missing' as const,
      message: 'Cannot open network namespace "tdm-server2"',
      command: ['ip', '-n', 'tdm-server2', '-j', 'addr', 'show'],
    },
  };

  it('shows links, addresses, routes, neighbours, policies, promote_secondaries and inventory per node', () => {
    const text = renderObservationsText([ok]);
    const lines = text.split('\n');
    assert.equal(lines[0], 'node server1  linux, observed 2026-01-01T00:00:00.000Z');
    assert.ok(lines.includes('    eth0  physical  up  UP  mtu 1500  02:00:00:00:00:01'), text);
    assert.ok(lines.includes('    eth0  192.0.2.11/24  global'), text);
    assert.ok(lines.includes('    default  via 192.0.2.1 dev eth0  proto boot  table main  metric 0'), text);
    assert.ok(lines.includes('    eth0  192.0.2.1  lladdr 02:00:00:00:00:02'), text);
    assert.ok(lines.includes('    out  prio 10  protect  192.0.2.0/24 -> 198.51.100.0/24  esp transport'), text);
    assert.ok(lines.includes('  promote_secondaries  all=1'), text);
    assert.ok(lines.includes('  inventory  1 owned object(s)'), text);
    assert.equal(lines.at(-2), '1 node(s) observed, 0 failed');
  });

  it('shows a failed node with its error kind and command', () => {
    const text = renderObservationsText([ok, failed]);
    assert.match(
      text,
      joinRegExp(
        /node server2 {2}error \(namespace-missing\)\n/,
        / {2}Cannot open network namespace "tdm-server2"\n/,
        / {2}command: ip -n tdm-server2 -j addr show\n/,
      ),
    );
    assert.match(text, /2 node\(s\) observed, 1 failed\n$/);
  });

  it('says "none" for empty sections and round-trips as JSON', () => {
    const empty = { ...ok, state: { ...sampleState(), routes: [], xfrmPolicies: [] } };
    const text = renderObservationsText([empty]);
    assert.match(text, /\n {2}routes: none\n/);
    assert.match(text, /\n {2}xfrm policies: none\n/);
    assert.deepEqual(JSON.parse(renderObservationsJson([ok, failed])), [ok, failed]);
  });
});
