// Builders for sim kernel tests: literal node states, and assertions that read like `ip`.
import assert from 'node:assert/strict';
import type { ObservedLink, ObservedNode } from '../../src/observe/model.js';
import type { KernelOp } from '../../src/plan/ops.js';
import { applyOp, applyOps, type KernelContext } from '../../src/sim/kernel.js';

export function physical(name: string, up = true, extra: Partial<ObservedLink> = {}): ObservedLink {
  return {
    name,
    kind: 'physical',
    adminUp: up,
    operState: up ? 'UP' : 'DOWN',
    mtu: 1500,
    mac: `02:00:00:00:aa:${name.length.toString(16).padStart(2, '0')}`,
    ...extra,
  };
}

/** A node with lo and the given links, nothing configured. */
export function nodeWith(links: ObservedLink[], extra: Partial<ObservedNode> = {}): ObservedNode {
  return {
    node: 'n1',
    driver: 'sim',
    observedAt: '2025-01-01T00:00:00.000Z',
    links: [{ name: 'lo', kind: 'loopback', adminUp: true, operState: 'UNKNOWN', mtu: 65536 }, ...links],
    addresses: [],
    routes: [],
    neighbors: [],
    xfrmPolicies: [],
    sysctl: {},
    inventory: { owned: [] },
    ...extra,
  };
}

/** Applies ops that must all succeed. */
export function run(state: ObservedNode, ops: KernelOp[], ctx?: KernelContext): ObservedNode {
  const r = applyOps(state, ops, ctx);
  if (!r.ok) assert.fail(`op ${r.index} (${JSON.stringify(ops[r.index])}) failed: ${r.error.message}`);
  return r.state;
}

/** Applies one op that must fail; returns its error. */
export function fails(state: ObservedNode, op: KernelOp, ctx?: KernelContext): { code: string; message: string } {
  const r = applyOp(state, op, ctx);
  if (r.ok) assert.fail(`expected ${JSON.stringify(op)} to fail`);
  return r.error;
}

/** "eth0 192.0.2.1/24 [secondary] [label]" lines, in state order. */
export function addrs(state: ObservedNode, iface?: string): string[] {
  return state.addresses
    .filter((a) => iface === undefined || a.interface === iface)
    .map((a) =>
      [
        a.interface,
        a.cidr,
        a.secondary ? 'secondary' : '',
        a.tentative ? 'tentative' : '',
        a.dadfailed ? 'dadfailed' : '',
        a.label ?? '',
      ]
        .filter(Boolean)
        .join(' '),
    );
}

/** `ip route`-like lines, in state order. */
export function routes(state: ObservedNode): string[] {
  return state.routes.map((r) =>
    [
      r.to,
      r.via && `via ${r.via}`,
      r.device && `dev ${r.device}`,
      `proto ${r.protocol}`,
      r.scope && `scope ${r.scope}`,
      r.src && `src ${r.src}`,
      `metric ${r.metric}`,
      r.table !== 254 && `table ${r.table}`,
    ]
      .filter(Boolean)
      .join(' '),
  );
}
