import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseXfrmPolicies } from '../../src/observe/drivers/linux/parse-xfrm.js';
import { ipFixture, ok } from './fixtures.js';

describe('parseXfrmPolicies on recorded ip -s xfrm policy', () => {
  const withStats = ok(parseXfrmPolicies(ipFixture('xfrm-policy-stats.txt')));
  const plain = ok(parseXfrmPolicies(ipFixture('xfrm-policy.txt')));
  const bySelector = (list: typeof withStats, src: string, dir?: string) =>
    list.find((p) => p.selector.src === src && (!dir || p.dir === dir));

  it('reads every policy of both outputs, in the same order', () => {
    assert.equal(withStats.length, 17);
    assert.equal(plain.length, 17);
    assert.deepEqual(
      withStats.map((p) => `${p.dir} ${p.selector.src} ${p.selector.dst} ${p.priority}`),
      plain.map((p) => `${p.dir} ${p.selector.src} ${p.selector.dst} ${p.priority}`),
    );
  });

  it('reads a transport-mode ESP policy', () => {
    const p = bySelector(withStats, '192.0.2.10/32');
    assert.ok(p);
    assert.equal(p.dir, 'out');
    assert.equal(p.action, 'allow');
    assert.equal(p.priority, 100);
    assert.equal(p.index, 1);
    assert.deepEqual(p.selector, { src: '192.0.2.10/32', dst: '192.0.2.20/32' });
    assert.deepEqual(p.templates, [
      { level: 'required', src: '192.0.2.10', dst: '192.0.2.20', proto: 'esp', mode: 'transport' },
    ]);
  });

  it('reads tunnel mode, reqid, ports and the optional level', () => {
    const out = withStats.find((p) => p.selector.dport === 443);
    assert.deepEqual(out?.selector, { src: '192.0.2.0/24', dst: '198.51.100.0/24', proto: 'tcp', dport: 443 });
    assert.deepEqual(out?.templates, [
      { level: 'required', src: '192.0.2.10', dst: '198.51.100.1', proto: 'esp', reqid: 5, mode: 'tunnel' },
    ]);
    const inbound = withStats.find((p) => p.selector.sport === 443);
    assert.equal(inbound?.templates[0].level, 'use');
    assert.equal(plain.find((p) => p.selector.sport === 443)?.templates[0].level, 'use');
  });

  it('reads block and allow-without-template policies, ahead of the -s defaults', () => {
    const block = withStats.find(
      (p) => p.selector.src === '198.51.100.0/24' && p.dir === 'in' && p.templates.length === 0 && !p.selector.proto,
    );
    assert.equal(block?.action, 'block');
    assert.equal(block?.priority, 50);
    const fwd = bySelector(plain, '2001:db8:1::/64', 'fwd');
    assert.equal(fwd?.action, 'allow');
    assert.deepEqual(fwd?.templates, []);
  });

  it('reads bundles, comp, beet, sub policies, marks, if_id, flags, icmp type/code and selector dev', () => {
    const bundle = bySelector(withStats, '0.0.0.0/0');
    assert.deepEqual(
      bundle?.templates.map((t) => t.proto),
      ['ah', 'esp'],
    );
    assert.equal(bySelector(withStats, '192.0.2.50/32')?.templates[0].proto, 'comp');
    assert.deepEqual(bySelector(withStats, '192.0.2.50/32')?.flags, ['localok']);
    assert.equal(bySelector(withStats, '192.0.2.60/32')?.templates[0].mode, 'beet');
    assert.equal(bySelector(withStats, '192.0.2.30/32')?.ptype, 'sub');
    assert.equal(bySelector(withStats, '192.0.2.10/32')?.ptype, undefined);
    const marked = bySelector(withStats, '192.0.2.52/32');
    assert.equal(marked?.mark, '0x7/0xff');
    assert.equal(marked?.ifId, 3);
    const icmp = withStats.find((p) => p.selector.proto === 'icmp');
    assert.deepEqual(icmp?.selector, {
      src: '192.0.2.0/24',
      dst: '192.0.2.0/24',
      proto: 'icmp',
      icmpType: 8,
      icmpCode: 0,
      dev: 'veth0',
    });
    assert.equal(withStats.find((p) => p.selector.proto === 'ipv6-icmp')?.selector.icmpType, 135);
    assert.equal(withStats.find((p) => p.selector.src === '192.0.2.72/32')?.selector.proto, '99');
    const spi = bySelector(withStats, '2001:db8:1::10/128');
    assert.equal(spi?.templates[0].spi, 0x1000);
    assert.deepEqual(spi?.selector, {
      src: '2001:db8:1::10/128',
      dst: '2001:db8:2::20/128',
      proto: 'udp',
      sport: 500,
      dport: 500,
    });
  });

  it('keeps lifetime config and current counters in stats', () => {
    const limited = bySelector(withStats, '192.0.2.52/32');
    assert.equal(limited?.stats?.['limit.bytes.soft'], '1000000');
    assert.equal(limited?.stats?.['limit.bytes.hard'], 'INF');
    assert.equal(limited?.stats?.['expire.add.hard'], '3600');
    assert.equal(limited?.stats?.['current.packets'], '0');
    assert.match(limited?.stats?.['current.add'] ?? '', /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    assert.equal(limited?.stats?.['current.use'], '-');
    assert.equal(limited?.stats?.uid, '0');
    assert.equal(bySelector(plain, '192.0.2.52/32')?.stats, undefined);
  });

  it('reads an empty dump as no policies', () => {
    assert.deepEqual(parseXfrmPolicies(''), { ok: true, value: [] });
  });

  it('refuses unknown words and broken structure, naming the line', () => {
    const cases: Array<[string, RegExp]> = [
      [
        'src 192.0.2.1/32 dst 192.0.2.2/32 flowlabel 7\n\tdir out priority 1\n',
        /line 1: unknown selector word "flowlabel"/,
      ],
      ['src 192.0.2.1/32 dst 192.0.2.2/32\n\tdir sideways priority 1\n', /line 2: unsupported direction "sideways"/],
      ['src 192.0.2.1/32 dst 192.0.2.2/32\n\tpriority 1\n', /line 2: unknown policy line/],
      ['src 192.0.2.1/32 dst 192.0.2.2/32\n', /policy without a "dir" line/],
      [
        'src 192.0.2.1/32 dst 192.0.2.2/32\n\tdir out priority 1\n' +
          '\ttmpl src 0.0.0.0 dst 0.0.0.0\n\t\tproto esp reqid 0 mode ro\n',
        /line 4: unsupported template mode "ro"/,
      ],
      [
        'src 192.0.2.1/32 dst 192.0.2.2/32\n\tdir out priority 1\n\tlifetime config:\n' +
          '\t  limit: soft (INF)(bytes), hard (INF)(bytes)\n',
        /block cut short/,
      ],
      ['src nonsense dst 192.0.2.2/32\n\tdir out priority 1\n', /line 1: "nonsense" is not a prefix/],
      ['\tdir out priority 1\n', /line 1: indented line before any policy/],
    ];
    for (const [text, message] of cases) {
      const r = parseXfrmPolicies(text);
      assert.equal(r.ok, false, text);
      assert.match(!r.ok ? r.message : '', message);
    }
  });
});
