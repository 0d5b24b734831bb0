// What tandem records on a node after a successful wave: the keys it created or replaced
// join `owned` (so a later plan may delete them when they are no longer desired), deleted
// keys leave it, failover mirrors are set or removed, and lastApply says which revision
// and plan touched the node last. Keys of objects the node no longer has (an address
// the HA layer moved away) are dropped too: ownership says what tandem put *here*, and a
// stale claim would later read an HA failback as a switchover. Pure; the writer stores
// the result.
import type { Change } from '../diff/changes.js';
import { observedObjects } from '../diff/observed-objects.js';
import type { Inventory, ObservedNode } from '../observe/model.js';
import type { PlanDocument, PlanStep } from '../plan/document.js';
import { byCodePoint } from '../order.js';

export function nextInventory(
  current: Inventory,
  steps: readonly PlanStep[],
  changes: ReadonlyMap<string, Change>,
  plan: Pick<PlanDocument, 'id' | 'desiredRevision'>,
  at: Date,
  /** The node as observed after the wave; owned keys it does not hold are dropped. */
  present?: ObservedNode,
  /** Fleet mode: address key -> fencing token of this apply; kept for the keys still owned. */
  fencing?: Readonly<Record<string, number>>,
): Inventory {
  const held = present ? observedObjects(present) : undefined;
  const owned = new Set(current.owned.filter((key) => !held || held.has(key)));
  let mirrors = [...(current.mirrors ?? [])];
  for (const step of steps) {
    for (const id of step.changeIds) {
      const c = changes.get(id);
      if (!c) continue;
      if (c.action === 'create' || c.action === 'replace') owned.add(c.key);
      if (c.action === 'delete') owned.delete(c.key);
    }
    const m = step.mirror;
    if (m?.set) {
      const set = m.set;
      mirrors = mirrors.filter((x) => !(x.home.node === set.home.node && x.home.iface === set.home.iface));
      mirrors.push({ home: set.home, partnerIface: set.partnerIface, addresses: set.addresses, routes: set.routes });
    }
    if (m?.remove) mirrors = mirrors.filter((x) => `mirror:${x.home.node}/${x.home.iface}` !== m.remove);
  }
  mirrors.sort((a, b) => byCodePoint(a.home.node, b.home.node) || byCodePoint(a.home.iface, b.home.iface));
  const tokens = { ...current.fencing, ...fencing };
  const sorted = [...owned].sort();
  const kept = sorted.filter((k) => tokens[k] !== undefined);
  return {
    owned: sorted,
    ...(kept.length ? { fencing: Object.fromEntries(kept.map((k) => [k, tokens[k]])) } : {}),
    ...(mirrors.length ? { mirrors } : {}),
    lastApply: {
      revision: plan.desiredRevision.commit ?? plan.desiredRevision.digest,
      at: at.toISOString(),
      planId: plan.id,
    },
  };
}
