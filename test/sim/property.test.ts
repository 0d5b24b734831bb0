// Property: any sequence of addr-add / addr-del (with promote_secondaries switching on
// and off) over a small pool keeps the kernel's invariants.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseCidr } from '../../src/model/ip.js';
import type { ObservedNode } from '../../src/observe/model.js';
import type { KernelOp } from '../../src/plan/ops.js';
import { applyOp } from '../../src/sim/kernel.js';
import { nodeWith, physical } from './helpers.js';

const IFACES = ['eth0', 'eth1'];
const POOL = [
  '192.0.2.1/24',
  '192.0.2.2/24',
  '192.0.2.3/24',
  '192.0.2.4/24',
  '192.0.2.2/25',
  '192.0.2.130/25',
  '192.0.2.131/25',
  '198.51.100.1/24',
  '198.51.100.2/24',
  '192.0.2.9/32',
  '2001:db8::1/64',
  '2001:db8::2/64',
  '2001:db8:1::1/64',
];

const opArb: fc.Arbitrary<KernelOp> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('addr-add' as const),
      iface: fc.constantFrom(...IFACES),
      cidr: fc.constantFrom(...POOL),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('addr-del' as const),
      iface: fc.constantFrom(...IFACES),
      cidr: fc.constantFrom(...POOL),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('sysctl-set' as const),
      name: fc.constantFrom('net.ipv4.conf.all.promote_secondaries', 'net.ipv4.conf.eth0.promote_secondaries'),
      value: fc.constantFrom('0', '1'),
    }),
  },
);

const subnetKey = (iface: string, cidr: string) => {
  const p = parseCidr(cidr)!;
  return `${iface} ${p.network}`;
};

function checkInvariants(s: ObservedNode): void {
  const bySubnet = new Map<string, typeof s.addresses>();
  const seen = new Set<string>();
  for (const a of s.addresses) {
    const id = a.family === 4 ? `${a.interface} ${a.cidr}` : `${a.interface} ${a.cidr.split('/')[0]}`;
    assert.ok(!seen.has(id), `address ${id} listed twice`);
    seen.add(id);
    const k = subnetKey(a.interface, a.cidr);
    bySubnet.set(k, [...(bySubnet.get(k) ?? []), a]);
  }
  for (const [k, list] of bySubnet) {
    const [iface, network] = k.split(' ');
    const prefix = Number(network.split('/')[1]);
    if (list[0].family === 4) {
      const primaries = list.filter((a) => !a.secondary);
      assert.equal(primaries.length, 1, `exactly one primary in ${k}: ${JSON.stringify(list)}`);
      const routes = s.routes.filter((r) => r.protocol === 'kernel' && r.device === iface && r.to === network);
      if (prefix < 32) {
        assert.equal(routes.length, 1, `one connected route for ${k}`);
        assert.equal(routes[0].src, primaries[0].cidr.split('/')[0], `route ${k} prefers the primary`);
      } else {
        assert.equal(routes.length, 0);
      }
    } else {
      assert.equal(
        s.routes.filter((r) => r.protocol === 'kernel' && r.device === iface && r.to === network).length,
        1,
        `one connected route for ${k}`,
      );
    }
  }
  for (const r of s.routes) {
    assert.ok(bySubnet.has(`${r.device} ${r.to}`), `route ${r.to} dev ${r.device} without an address of its subnet`);
  }
}

describe('sim kernel: address properties', () => {
  it('one primary per subnet and interface; connected route iff the subnet has an address', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        let s = nodeWith(IFACES.map((i) => physical(i)));
        for (const op of ops) {
          const before = s;
          const r = applyOp(s, op);
          if (op.op === 'addr-add' || op.op === 'addr-del') {
            const family = op.cidr.includes(':') ? 6 : 4;
            const exists = before.addresses.some(
              (a) =>
                a.interface === op.iface &&
                (family === 4
                  ? a.cidr === op.cidr
                  : a.cidr.split('/')[0] === op.cidr.split('/')[0] && (op.op === 'addr-add' || a.cidr === op.cidr)),
            );
            // add fails exactly when the address exists, del exactly when it does not.
            assert.equal(
              r.ok,
              op.op === 'addr-add' ? !exists : exists,
              `${JSON.stringify(op)} -> ${r.ok ? 'ok' : r.error.message}`,
            );
          } else {
            assert.ok(r.ok);
          }
          if (r.ok) s = r.state;
          checkInvariants(s);
        }
      }),
      { numRuns: 300, seed: 20250106 },
    );
  });
});
