// Builds observed node states for planner tests through the sim kernel, so connected
// routes, primary/secondary flags and the like are exactly what a node would show.
import type { ObservedLink, ObservedNode, Observation } from '../../src/observe/model.js';
import type { KernelOp } from '../../src/plan/ops.js';
import { applyOps, emptyNode } from '../../src/sim/kernel.js';

export interface NodeSketch {
  /** Physical links (besides lo), all up. */
  links: string[];
  /** Addresses per interface, in the order they are added (first of a subnet is primary). */
  addresses?: Record<string, string[]>;
  /** Labels, by address. */
  labels?: Record<string, string>;
  ops?: KernelOp[];
  owned?: string[];
  sysctl?: Record<string, string>;
  down?: string[];
  mirrors?: ObservedNode['inventory']['mirrors'];
}

export function observedNode(name: string, sketch: NodeSketch): ObservedNode {
  const base = emptyNode(name);
  const links: ObservedLink[] = sketch.links.map((l, i) => ({
    name: l,
    kind: 'physical',
    adminUp: !(sketch.down ?? []).includes(l),
    operState: (sketch.down ?? []).includes(l) ? 'DOWN' : 'UP',
    mtu: 1500,
    mac: `02:00:00:00:${String(i + 1).padStart(2, '0')}:01`,
  }));
  const start: ObservedNode = {
    ...base,
    links: [...base.links, ...links],
    sysctl: sketch.sysctl ?? {},
    inventory: { owned: sketch.owned ?? [], ...(sketch.mirrors ? { mirrors: sketch.mirrors } : {}) },
  };
  const ops: KernelOp[] = [];
  for (const [iface, list] of Object.entries(sketch.addresses ?? {})) {
    for (const cidr of list)
      ops.push({ op: 'addr-add', iface, cidr, ...(sketch.labels?.[cidr] ? { label: sketch.labels[cidr] } : {}) });
  }
  ops.push(...(sketch.ops ?? []));
  const result = applyOps(start, ops);
  if (!result.ok)
    throw new Error(`test state for ${name} is not possible: ${result.error.message} (op ${result.index})`);
  return result.state;
}

export function observations(
  ...nodes: Array<ObservedNode | { node: string; error: string }>
): Map<string, Observation> {
  return new Map(
    nodes.map((n): [string, Observation] =>
      'error' in n
        ? [n.node, { node: n.node, ok: false, error: { kind: 'unreachable', message: n.error } }]
        : [n.node, { node: n.node, ok: true, state: n }],
    ),
  );
}
