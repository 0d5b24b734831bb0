// When a plan takes an IPv4 address away from some node while another node keeps it (an
// address found on several nodes, repaired down to one), the clients and routers that
// cached the leaving node's MAC keep sending there until their ARP entry expires. So the
// node that keeps the address announces it (gratuitous ARP) once the others have let go:
// seed 004 (LifeKeeper IP Recovery Kit) sends an ARP after every change of who answers
// for an address, and this is such a change even though the keeper's kernel state does
// not change. An address arriving somewhere is announced by its own step already.
//
// IPv6 has no such step: neighbours find the keeper through Neighbour Unreachability
// Detection within seconds (docs/apply.md, "Announcing").
import type { AddressObject } from '../diff/objects.js';
import type { DesiredModel } from '../model/desired.js';
import { hostPart } from '../model/ip.js';
import type { Observation } from '../observe/model.js';
import { addressChecks } from './checks.js';
import type { Step } from './step-types.js';
import { byCodePoint } from '../order.js';

export interface AnnounceContext {
  model: DesiredModel;
  observations: ReadonlyMap<string, Observation>;
}

/** Announce steps for the nodes that keep an IPv4 address other nodes' steps remove. */
export function announceSteps(steps: readonly Step[], ctx: AnnounceContext, phase: number): Step[] {
  const removals = new Map<string, Step[]>();
  const arrivals = new Set<string>();
  for (const s of steps) {
    for (const op of s.ops) {
      if (op.op === 'addr-del' && !op.cidr.includes(':'))
        removals.set(hostPart(op.cidr), [...(removals.get(hostPart(op.cidr)) ?? []), s]);
      if (op.op === 'addr-add') arrivals.add(`${s.node}|${hostPart(op.cidr)}`);
    }
  }
  const out: Step[] = [];
  for (const [ip, removers] of removals) {
    const leaving = new Set(removers.map((s) => s.node));
    for (const [node, obs] of ctx.observations) {
      if (!obs.ok || leaving.has(node) || arrivals.has(`${node}|${ip}`)) continue;
      const held = obs.state.addresses.find((a) => a.family === 4 && hostPart(a.cidr) === ip);
      if (!held) continue;
      const reloc = ctx.model.relocatables.find((r) => hostPart(r.doc.spec.address) === ip)?.doc;
      const address: AddressObject = {
        kind: 'address',
        key: `addr:${ip}`,
        iface: held.interface,
        cidr: held.cidr,
        family: 4,
        ...(reloc ? { relocatable: reloc.metadata.name } : {}),
      };
      const garp = addressChecks(node, address, reloc, ctx.model.cluster?.doc).post.filter(
        (c) => c.kind === 'gratuitous-arp',
      );
      if (garp.length === 0) continue;
      const from = [...leaving].sort().join(', ');
      const verb = leaving.size === 1 ? 'answers' : 'answer';
      out.push({
        id: `${node}:announce:${ip}`,
        node,
        phase,
        rank: 0,
        description: `announce ${ip} on ${held.interface} (gratuitous ARP): ${from} no longer ${verb} for it`,
        changeIds: [],
        ops: [],
        pre: [],
        post: garp,
        deps: removers.map((s) => s.id).sort(),
        notes: [],
        ...(reloc ? { relocatable: reloc.metadata.name } : {}),
      });
    }
  }
  return out.sort((a, b) => byCodePoint(a.id, b.id));
}
