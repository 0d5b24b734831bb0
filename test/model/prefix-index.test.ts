// PrefixIndex answers "which indexed prefixes overlap this one" without comparing all
// pairs; it must agree with the pairwise definition (prefixesOverlap) on any input.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  ipv4EdgeOf,
  ipv4Edges,
  networkAt,
  parseCidr,
  prefixesOverlap,
  PrefixIndex,
  type ParsedCidr,
} from '../../src/model/ip.js';

const cidr = (text: string): ParsedCidr => {
  const parsed = parseCidr(text);
  assert.ok(parsed, text);
  return parsed;
};

// Addresses from 192.0.2.0/24 and 2001:db8::/120 with any prefix length, so overlaps are frequent.
const v4 = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 16, max: 32 }))
  .map(([h, p]) => cidr(`192.0.2.${h}/${p}`));
const v6 = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 100, max: 128 }))
  .map(([h, p]) => cidr(`2001:db8::${h.toString(16)}/${p}`));
// Any IPv4 address with any prefix length, /0 and /32 included (the index keys IPv4 by integer).
const wideV4 = fc
  .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }))
  .map(([n, p]) => cidr(`${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}/${p}`));
// Any IPv6 address, its parts mostly zero or equal so that prefixes nest and share networks, with any prefix length.
const wideV6 = fc
  .tuple(
    fc.array(fc.oneof(fc.constant(0), fc.constant(0x2001), fc.integer({ min: 0, max: 0xffff })), {
      minLength: 8,
      maxLength: 8,
    }),
    fc.integer({ min: 0, max: 128 }),
  )
  .map(([parts, p]) => cidr(`${parts.map((x) => x.toString(16)).join(':')}/${p}`));
const anyCidr = fc.oneof(v4, v6, wideV6);

describe('PrefixIndex', () => {
  it('networkAt cuts an address to a shorter prefix', () => {
    assert.equal(networkAt(cidr('192.0.2.77/32'), 26), '192.0.2.64/26');
    assert.equal(networkAt(cidr('2001:db8::1:2/128'), 112), '2001:db8::1:0/112');
  });

  it('finds equal, wider and narrower prefixes, in insertion order, and not the others', () => {
    const index = new PrefixIndex<string>();
    for (const t of [
      '192.0.2.11/24',
      '192.0.2.50/32',
      '192.0.2.130/25',
      '198.51.100.1/24',
      '192.0.0.1/16',
      '2001:db8::1/64',
      '0.0.0.0/0',
    ])
      index.add(cidr(t), t);
    assert.deepEqual(
      index.overlapping(cidr('192.0.2.60/26')).map((e) => e.value),
      ['192.0.2.11/24', '192.0.2.50/32', '192.0.0.1/16', '0.0.0.0/0'],
    );
    assert.deepEqual(
      index.overlapping(cidr('2001:db8::ffff/128')).map((e) => e.value),
      ['2001:db8::1/64'],
    );
    assert.deepEqual(
      index.overlapping(cidr('203.0.113.1/24')).map((e) => e.value),
      ['0.0.0.0/0'],
    );
    assert.deepEqual(index.overlapping(cidr('2001:db9::/32')), []);
  });

  it('agrees with prefixesOverlap, also when entries are added after a query', () => {
    fc.assert(
      fc.property(fc.array(anyCidr, { maxLength: 30 }), fc.array(anyCidr, { maxLength: 10 }), (entries, queries) => {
        const index = new PrefixIndex<number>();
        const added: ParsedCidr[] = [];
        entries.forEach((c, i) => {
          index.add(c, i);
          added.push(c);
          // Query between additions so the lazily built maps must be kept up to date.
          for (const q of queries) {
            const expected = added.map((a, j) => (prefixesOverlap(a, q) ? j : -1)).filter((j) => j >= 0);
            assert.deepEqual(
              index.overlapping(q).map((e) => e.value),
              expected,
            );
            // The first overlapping entry a predicate takes, without the list: the list's first such entry.
            assert.equal(index.firstOverlapping(q)?.value, expected[0]);
            assert.equal(
              index.firstOverlapping(q, (e) => e.value % 3 === 1)?.value,
              expected.find((j) => j % 3 === 1),
            );
            assert.equal(
              index.hasNetwork(q),
              added.some((a) => a.network === q.network),
            );
          }
        });
      }),
      { seed: 20240501, numRuns: 200 },
    );
  });

  it('agrees with prefixesOverlap over the whole IPv6 space and every prefix length', () => {
    fc.assert(
      fc.property(fc.array(wideV6, { maxLength: 20 }), fc.array(wideV6, { maxLength: 10 }), (entries, queries) => {
        const index = new PrefixIndex<number>();
        entries.forEach((c, i) => index.add(c, i));
        for (const q of [...queries, ...entries]) {
          const expected = entries.map((a, j) => (prefixesOverlap(a, q) ? j : -1)).filter((j) => j >= 0);
          assert.deepEqual(
            index.overlapping(q).map((e) => e.value),
            expected,
          );
          assert.equal(
            index.firstOverlapping(q, (e) => e.value % 2 === 0)?.value,
            expected.find((j) => j % 2 === 0),
          );
          assert.equal(
            index.hasNetwork(q),
            entries.some((a) => a.network === q.network),
          );
        }
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });

  it('agrees with prefixesOverlap over the whole IPv4 space and every prefix length', () => {
    fc.assert(
      fc.property(fc.array(wideV4, { maxLength: 20 }), fc.array(wideV4, { maxLength: 10 }), (entries, queries) => {
        const index = new PrefixIndex<number>();
        entries.forEach((c, i) => index.add(c, i));
        for (const q of queries) {
          const expected = entries.map((a, j) => (prefixesOverlap(a, q) ? j : -1)).filter((j) => j >= 0);
          assert.deepEqual(
            index.overlapping(q).map((e) => e.value),
            expected,
          );
        }
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });
});

describe('ipv4EdgeOf', () => {
  it('names the network and broadcast address of a subnet, nothing else, as ipv4Edges does', () => {
    assert.equal(ipv4EdgeOf(cidr('192.0.2.0/24')), 'network');
    assert.equal(ipv4EdgeOf(cidr('192.0.2.255/24')), 'broadcast');
    assert.equal(ipv4EdgeOf(cidr('192.0.2.1/24')), null);
    assert.equal(ipv4EdgeOf(cidr('0.0.0.0/0')), 'network');
    assert.equal(ipv4EdgeOf(cidr('255.255.255.255/0')), 'broadcast');
    assert.equal(ipv4EdgeOf(cidr('192.0.2.0/31')), null);
    assert.equal(ipv4EdgeOf(cidr('2001:db8::/64')), null);
    fc.assert(
      fc.property(wideV4, (c) => {
        const edges = ipv4Edges(c);
        const expected = !edges
          ? null
          : c.address === edges.network
            ? 'network'
            : c.address === edges.broadcast
              ? 'broadcast'
              : null;
        assert.equal(ipv4EdgeOf(c), expected, c.cidr);
      }),
      { seed: 20261202, numRuns: 2000 },
    );
  });
});
