// Address text is built from the parsed parts, not through ipaddr.js's formatting (issue
// 14: formatting was a third of parsing a fleet's addresses). Every text must be the one
// ipaddr.js writes, on any input: rules, the plan and the drivers compare these strings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { fourPartDecimal, ipv6Text, parseCidr, parseIp, plainIpv6Parts } from '../../src/model/ip.js';

/** Eight 16-bit parts, mostly zero or small, so runs of zero groups of every length and place are frequent. */
const part = fc.oneof(
  fc.constant(0),
  fc.constant(0),
  fc.integer({ min: 1, max: 0xf }),
  fc.integer({ min: 0, max: 0xffff }),
);
const parts = fc.array(part, { minLength: 8, maxLength: 8 });

/** The network text as ipaddr.js computes it: mask the bytes, rebuild the address, format it. */
function ipaddrNetwork(text: string, prefix: number): string {
  const bytes = ipaddr.parse(text).toByteArray();
  for (let i = 0; i < bytes.length; i++) {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    bytes[i] &= keep === 0 ? 0 : (0xff << (8 - keep)) & 0xff;
  }
  return ipaddr.fromByteArray(bytes).toString();
}

describe('address text', () => {
  it("writes IPv6 as ipaddr.js's toString() does, for any eight parts", () => {
    fc.assert(
      fc.property(parts, (p) => {
        assert.equal(ipv6Text(p), new ipaddr.IPv6(p).toString());
      }),
      { numRuns: 20_000 },
    );
    for (const p of [
      [0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 1],
      [1, 0, 0, 0, 0, 0, 0, 0],
      [1, 0, 0, 2, 0, 0, 3, 4],
      [1, 0, 2, 0, 0, 0, 3, 0],
      [0, 0, 1, 0, 0, 0, 0, 0],
      [1, 0, 1, 0, 1, 0, 1, 0],
      [0x2001, 0xdb8, 0, 0, 0, 0, 0xffff, 0],
    ])
      assert.equal(ipv6Text(p), new ipaddr.IPv6(p).toString(), p.join(','));
  });

  it('parses every address to the canonical text and network ipaddr.js gives, and refuses what it refuses', () => {
    const v6 = fc.tuple(parts, fc.integer({ min: 0, max: 128 }), fc.boolean()).map(([p, prefix, mixed]) => {
      const text = new ipaddr.IPv6(p).toNormalizedString();
      // Written long or with upper-case hex, as a user might.
      return [mixed ? text.toUpperCase() : new ipaddr.IPv6(p).toString(), prefix] as const;
    });
    const v4 = fc
      .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }))
      .map(([n, prefix]) => [`${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`, prefix] as const);
    fc.assert(
      fc.property(fc.oneof(v4, v6), ([text, prefix]) => {
        const cidr = parseCidr(`${text}/${prefix}`);
        assert.ok(cidr, text);
        const address = ipaddr.parse(text).toString();
        assert.equal(cidr.address, address);
        assert.equal(cidr.cidr, `${address}/${prefix}`);
        assert.equal(cidr.network, `${ipaddrNetwork(text, prefix)}/${prefix}`);
        assert.equal(parseIp(text)?.address, address);
      }),
      { numRuns: 20_000 },
    );
    for (const bad of [
      '1::2::3',
      '1:2:3:4:5:6:7:8:9',
      '12345::',
      ':::',
      '1:2:3:4:5:6:7',
      'fe80::1%eth0',
      'g::1',
      '::1.2.3',
    ])
      assert.equal(parseIp(bad), null, bad);
    for (const good of ['::ffff:192.0.2.1', '::192.0.2.1', '1:2:3:4:5:6:7::', '::', 'ABCD::EF'])
      assert.equal(parseIp(good)?.address, ipaddr.parse(good).toString(), good);
  });

  it('reads plain IPv6 text to the parts ipaddr.js reads, and leaves every other form to ipaddr.js', () => {
    /** What parseIp answered when ipaddr.js read every IPv6 text. */
    const reference = (text: string): string | null => {
      if (text.includes('%') || !ipaddr.IPv6.isValid(text)) return null;
      return ipaddr.IPv6.parse(text).toString();
    };
    const check = (text: string) => {
      const parts = plainIpv6Parts(text);
      if (parts) assert.deepEqual(parts, ipaddr.IPv6.parse(text).parts, text);
      if (text.includes(':')) assert.equal(parseIp(text)?.address ?? null, reference(text), text);
    };
    // Strings of hex digits, colons and dots: mostly invalid, every odd form of `::` included.
    const noisy = fc
      .array(fc.constantFrom('0', '1', 'a', 'F', 'ffff', '12345', ':', ':', '::', '.', '1.2.3.4'), { maxLength: 16 })
      .map((pieces) => pieces.join(''));
    // Valid addresses written every way: full, compressed anywhere, leading zeros, upper case.
    const written = fc
      .tuple(parts, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), fc.boolean())
      .map(([p, from, to, padded]) => {
        const groups = p.map((x) => (padded ? x.toString(16).padStart(4, '0') : x.toString(16).toUpperCase()));
        const [a, b] = from <= to ? [from, to] : [to, from];
        if (a === b) return groups.join(':');
        return `${groups.slice(0, a).join(':')}::${groups.slice(b).join(':')}`;
      });
    fc.assert(fc.property(fc.oneof(noisy, written), check), { numRuns: 30_000 });
    for (const text of [
      '::',
      '::1',
      '1::',
      '1::2',
      ':1',
      '1:',
      '1::2:',
      ':::',
      '::1::',
      '1:2:3:4:5:6:7::',
      '::2:3:4:5:6:7:8',
    ])
      check(text);
    for (const text of ['1:2:3:4:5:6:7:8::', '::1:2:3:4:5:6:7:8', '1:2:3:4::5:6:7:8', '12345::', '1:2:3:4:5:6:7'])
      assert.equal(plainIpv6Parts(text), undefined, text);
  });

  it('reads dotted decimal IPv4 as ipaddr.js does, and refuses what it refuses', () => {
    const check = (text: string) => {
      const valid = ipaddr.IPv4.isValidFourPartDecimal(text);
      assert.deepEqual(fourPartDecimal(text), valid ? ipaddr.IPv4.parse(text).octets : undefined, text);
      if (!text.includes(':'))
        assert.equal(parseIp(text)?.address ?? null, valid ? ipaddr.IPv4.parse(text).toString() : null, text);
    };
    // Digits and dots in any order and number: leading zeros, empty parts, values over 255, too many parts.
    const noisy = fc
      .array(fc.constantFrom('0', '1', '9', '00', '25', '255', '256', '1000', '.', '.', '+', ' ', 'x', '0x1'), {
        maxLength: 10,
      })
      .map((pieces) => pieces.join(''));
    const written = fc
      .integer({ min: 0, max: 0xffffffff })
      .map((n) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`);
    fc.assert(fc.property(fc.oneof(noisy, written), check), { numRuns: 30_000 });
    for (const text of [
      '0.0.0.0',
      '255.255.255.255',
      '01.2.3.4',
      '1.2.3',
      '1.2.3.4.',
      '.1.2.3.4',
      '1..2.3',
      '1.2.3.256',
      '',
      '1.2.3.4 ',
      '0x1.2.3.4',
      '1.2.3.-4',
    ])
      check(text);
  });
});
