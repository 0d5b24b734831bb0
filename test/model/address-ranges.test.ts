// isHostOrLinkScoped and nonUnicast read the address's octets or parts instead of asking
// ipaddr.js for its range (issue 14); they must say exactly what range() says.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { isHostOrLinkScoped, nonUnicast, parseIp } from '../../src/model/ip.js';

function byRange(text: string): boolean {
  const range = parseIp(text)!.parsed.range();
  return range === 'loopback' || range === 'linkLocal';
}

/** nonUnicast's kind as it was computed from range(), before issue 14. */
function kindByRange(text: string): string | null {
  const parsed = parseIp(text)!.parsed;
  switch (parsed.range()) {
    case 'unspecified':
    case 'multicast':
    case 'broadcast':
    case 'loopback':
      return parsed.range();
    case 'ipv4Mapped':
      return 'ipv4-mapped';
    default:
      return parsed.kind() === 'ipv4' && (parsed as ipaddr.IPv4).match(ipaddr.IPv4.parseCIDR('240.0.0.0/4'))
        ? 'class-e'
        : null;
  }
}

/** IPv4 addresses biased toward 127/8, 169.254/16 and their neighbours. */
const ipv4 = fc
  .tuple(
    fc.constantFrom(0, 1, 126, 127, 128, 168, 169, 170, 10, 223, 224, 239, 240, 254, 255),
    fc.constantFrom(0, 253, 254, 255, 1),
    fc.nat(255),
    fc.nat(255),
  )
  .map((o) => o.join('.'));

/** IPv6 addresses biased toward ::1, fe80::/10 and their neighbours. */
const ipv6 = fc
  .tuple(
    fc.constantFrom(0, 0xfe80, 0xfebf, 0xfec0, 0xfe7f, 0xff00, 0xff02, 0xfeff, 0x2001, 1),
    fc.array(fc.constantFrom(0, 0, 0, 1, 0xffff, 0x64), { minLength: 7, maxLength: 7 }),
  )
  .map(([first, rest]) => [first, ...rest].map((p) => p.toString(16)).join(':'));

describe('isHostOrLinkScoped', () => {
  it('agrees with ipaddr.js range() on IPv4 and IPv6 addresses', () => {
    fc.assert(
      fc.property(fc.oneof(ipv4, ipv6, fc.ipV4(), fc.ipV6()), (text) => {
        const parsed = parseIp(text);
        fc.pre(parsed !== null);
        assert.equal(isHostOrLinkScoped(parsed), byRange(text), text);
      }),
      { numRuns: 3000 },
    );
  });

  it('names the edges of each range', () => {
    const cases: Array<[string, boolean]> = [
      ['127.0.0.1', true],
      ['127.255.255.255', true],
      ['126.255.255.255', false],
      ['169.254.0.1', true],
      ['169.255.0.1', false],
      ['::1', true],
      ['::', false],
      ['::2', false],
      ['fe80::1', true],
      ['febf:ffff::1', true],
      ['fec0::1', false],
      ['::ffff:127.0.0.1', false],
    ];
    for (const [text, scoped] of cases) assert.equal(isHostOrLinkScoped(parseIp(text)!), scoped, text);
  });
});

describe('nonUnicast', () => {
  it('agrees with ipaddr.js range() on IPv4 and IPv6 addresses', () => {
    fc.assert(
      fc.property(fc.oneof(ipv4, ipv6, fc.ipV4(), fc.ipV6()), (text) => {
        const parsed = parseIp(text);
        fc.pre(parsed !== null);
        assert.equal(nonUnicast(parsed)?.kind ?? null, kindByRange(text), text);
      }),
      { numRuns: 3000 },
    );
  });

  it('names the edges of each range', () => {
    const cases: Array<[string, string | null]> = [
      ['0.0.0.0', 'unspecified'],
      ['0.255.255.255', 'unspecified'],
      ['1.0.0.0', null],
      ['223.255.255.255', null],
      ['224.0.0.0', 'multicast'],
      ['239.255.255.255', 'multicast'],
      ['240.0.0.0', 'class-e'],
      ['255.255.255.254', 'class-e'],
      ['255.255.255.255', 'broadcast'],
      ['127.0.0.1', 'loopback'],
      ['::', 'unspecified'],
      ['::1', 'loopback'],
      ['::2', null],
      ['ff00::', 'multicast'],
      ['feff::1', null],
      ['::ffff:192.0.2.1', 'ipv4-mapped'],
      ['::ffff:0:0:1', null],
      ['2001:db8::1', null],
    ];
    for (const [text, kind] of cases) {
      assert.equal(nonUnicast(parseIp(text)!)?.kind ?? null, kind, text);
      assert.equal(kindByRange(text), kind, `${text} by range()`);
    }
  });
});
