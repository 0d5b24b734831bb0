// Coordinator loss (docs/fleet.md, "Coordinator loss"): what the owner of an address does
// when it cannot renew its etcd lease. `release` (the default) is self-fencing: removed
// before the lease can have expired. `hold` keeps the address while the node still
// reaches the address's other placements (its pair partners) on the network, and drops
// it as soon as none answers. Held past the lease's expiry, the address is guarded by the
// next owner's uniqueness check (RA012 makes it mandatory): that owner wins the key but
// does not add an address that still answers ARP.
//
// The partners are pinged from the owner's node through its own transport (the same
// health check as an owned address's ping list: link of the interface holding the
// address, the address present, then one target answering is enough), at the partners'
// static addresses on their placement's interfaces, the segment the address lives on.
import type { WritableNode } from '../../apply/writable-node.js';
import type { DesiredModel } from '../../model/desired.js';
import { hostPart, parseCidr } from '../../model/ip.js';
import type { Check } from '../../plan/checks.js';
import { coordinatorLossOf } from '../../validate/rules/relocatable-coordinator.js';
import type { Reloc } from './runtime.js';

/** How often a held address's partners are pinged while etcd cannot be reached. */
export const PARTNER_CHECK_MS = 1000;
const PARTNER_PING_TIMEOUT_MS = 1000;

export { coordinatorLossOf };

/** The other placements' static addresses on their primary and backup interfaces, of the address's family. */
export function partnerTargets(model: DesiredModel, r: Reloc, node: string): string[] {
  const own = parseCidr(r.doc.spec.address);
  if (!own) return [];
  const out: string[] = [];
  for (const p of r.doc.spec.placements) {
    if (p.node === node) continue;
    const doc = model.nodeByName.get(p.node)?.doc;
    for (const name of [p.interface, p.backupInterface]) {
      const iface = doc?.spec.interfaces.find((i) => i.name === name);
      for (const a of iface?.addresses ?? []) {
        const c = parseCidr(a);
        if (c && c.family === own.family && !out.includes(hostPart(c.cidr))) out.push(hostPart(c.cidr));
      }
    }
  }
  return out;
}

/** The check that decides whether a held address stays: link, presence, one partner answering. */
export function partnerCheck(node: string, iface: string, r: Reloc, targets: string[]): Check & { kind: 'health' } {
  const c = parseCidr(r.doc.spec.address);
  return {
    kind: 'health',
    node,
    iface,
    address: c ? hostPart(c.cidr) : r.doc.spec.address,
    link: true,
    ping: { targets, broadcast: false, count: 1, timeoutMs: PARTNER_PING_TIMEOUT_MS },
  };
}

export interface HoldVerdict {
  name: string;
  hold: boolean;
  /** Which partner answered, or why the address cannot be held. */
  why: string;
}

/**
 * For each owned address of policy hold that the node holds (`heldOn`: name -> interface),
 * whether it may stay: a partner answers. Addresses of policy release are not listed.
 */
export async function holdVerdicts(
  writer: WritableNode,
  model: DesiredModel,
  node: string,
  names: Iterable<string>,
  heldOn: ReadonlyMap<string, string>,
): Promise<HoldVerdict[]> {
  const out: HoldVerdict[] = [];
  for (const name of names) {
    const r = model.relocatables.find((x) => x.name === name);
    if (!r || coordinatorLossOf(r.doc, model.cluster?.doc) !== 'hold') continue;
    const iface = heldOn.get(name);
    if (!iface) {
      out.push({ name, hold: false, why: `not on ${node}` });
      continue;
    }
    const targets = partnerTargets(model, r, node);
    if (targets.length === 0) {
      out.push({ name, hold: false, why: 'its other placements have no static address to ping on its segment' });
      continue;
    }
    const res = await writer.runCheck(partnerCheck(node, iface, r, targets));
    out.push(
      res.ok
        ? { name, hold: true, why: 'note' in res && res.note ? res.note : 'a partner answered' }
        : { name, hold: false, why: res.error },
    );
  }
  return out;
}
