// Observed states of a fleet that already matches its desired state, built straight
// from the planner's intent (as if tandem had applied it), so benchmarks can add drift
// to a known-good starting point without planning 1,000 nodes first.
import { buildIntent } from '../src/diff/intent.js';
import { decidePlacements, indexObservations } from '../src/diff/placement.js';
import type { DesiredModel } from '../src/model/desired.js';
import { parseCidr } from '../src/model/ip.js';
import type { Observation, ObservedAddress, ObservedNode } from '../src/observe/model.js';
import { emptyNode } from '../src/sim/kernel.js';

export function convergedStates(model: DesiredModel): Map<string, ObservedNode> {
  // Every node observed and empty: each address is decided onto its active node.
  const empty = new Map<string, Observation>(
    model.nodes.map((n) => [n.name, { node: n.name, ok: true, state: emptyNode(n.name) }]),
  );
  const decisions = decidePlacements(model, indexObservations(empty));
  const intents = buildIntent(model, decisions);
  const states = new Map<string, ObservedNode>();
  for (const node of model.nodes) {
    const base = emptyNode(node.name);
    const state: ObservedNode = {
      ...base,
      links: [...base.links],
      addresses: [...base.addresses],
      inventory: { owned: [], mirrors: [] },
    };
    for (const iface of node.doc.spec.interfaces)
      state.links.push({ name: iface.name, kind: 'physical', adminUp: true, operState: 'UP', mtu: 1500 });
    const primaries = new Set<string>();
    for (const o of intents.get(node.name)?.values() ?? []) {
      if (o.kind !== 'link') state.inventory.owned.push(o.key);
      if (o.kind === 'address') {
        const net = `${o.iface}|${parseCidr(o.cidr)!.network}`;
        const secondary = o.family === 4 && primaries.has(net);
        primaries.add(net);
        const a: ObservedAddress = {
          interface: o.iface,
          family: o.family,
          cidr: o.cidr,
          secondary,
          tentative: false,
          dadfailed: false,
          scope: 'global',
          ...(o.label ? { label: o.label } : {}),
        };
        state.addresses.push(a);
      } else if (o.kind === 'route') {
        state.routes.push({
          to: o.to,
          family: o.to.includes(':') ? 6 : 4,
          device: o.dev,
          protocol: 'boot',
          table: o.table,
          ...(o.via ? { via: o.via } : {}),
          ...(o.metric !== undefined ? { metric: o.metric } : {}),
        });
      } else if (o.kind === 'neighbor') {
        state.neighbors.push({
          interface: o.iface,
          address: o.address,
          lladdr: o.lladdr,
          family: o.address.includes(':') ? 6 : 4,
        });
      } else if (o.kind === 'xfrm') {
        state.xfrmPolicies.push(o.policy);
      } else if (o.kind === 'mirror') {
        state.inventory.mirrors!.push({
          home: o.home,
          partnerIface: o.partnerIface,
          addresses: o.addresses,
          routes: o.routes,
        });
      }
    }
    states.set(node.name, state);
  }
  return states;
}

export function asObservations(states: ReadonlyMap<string, ObservedNode>): Map<string, Observation> {
  return new Map([...states].map(([n, s]) => [n, { node: n, ok: true as const, state: s }]));
}
