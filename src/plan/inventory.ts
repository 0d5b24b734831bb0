// What applying a node's steps does to its inventory: keys tandem created (create,
// replace) become owned, deleted keys are no longer owned, failover mirrors are
// recorded or removed. Pure; apply writes the result to the node.
import type { Change } from '../diff/changes.js';
import type { Inventory } from '../observe/model.js';
import type { PlanStep } from './document.js';

export function nextInventory(inventory: Inventory, changes: readonly Change[], steps: readonly PlanStep[]): Inventory {
  const owned = new Set(inventory.owned);
  for (const c of changes) {
    if (c.kind === 'mirror') continue;
    if (c.action === 'create' || c.action === 'replace') owned.add(c.key);
    if (c.action === 'delete') owned.delete(c.key);
  }
  const mirrors = new Map((inventory.mirrors ?? []).map((m) => [`mirror:${m.home.node}/${m.home.iface}`, m]));
  for (const s of steps) {
    if (s.mirror?.set) {
      const { home, partnerIface, addresses, routes } = s.mirror.set;
      mirrors.set(s.mirror.set.key, { home, partnerIface, addresses, routes });
    }
    if (s.mirror?.remove) mirrors.delete(s.mirror.remove);
  }
  const next: Inventory = { ...inventory, owned: [...owned].sort() };
  if (mirrors.size > 0 || inventory.mirrors) next.mirrors = [...mirrors.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, m]) => m);
  return next;
}
