// A node that "came back empty": its inventory lists objects tandem applied, and the
// kernel has none of them. That is what a reboot leaves (the kernel state is gone, the
// inventory in /var/lib/tandem is on disk), or a flush by hand. Pure: the observed state
// and the node's boot time in, a finding out (docs/apply.md, "After a reboot").
import type { ObservedNode } from '../observe/model.js';
import { kernelObjects } from './verify.js';

export interface CameBackEmpty {
  node: string;
  /** How many objects the inventory says tandem applied; none is in the kernel. */
  owned: number;
  lastApply?: { revision: string; at: string; planId: string };
  /** When the node booted (ISO), when known. */
  bootTime?: string;
  /** The boot is after the last apply: the reboot is what emptied it. */
  sinceBoot: boolean;
}

/** Keys tandem keeps in an inventory that are not kernel objects (failover mirrors). */
const isKernelKey = (key: string) => !key.startsWith('mirror:');

export function cameBackEmpty(state: ObservedNode, bootTime?: Date): CameBackEmpty | undefined {
  const owned = state.inventory.owned.filter(isKernelKey);
  if (owned.length === 0) return undefined;
  const present = kernelObjects(state);
  if (owned.some((key) => present.has(key))) return undefined;
  const last = state.inventory.lastApply;
  return {
    node: state.node,
    owned: owned.length,
    ...(last ? { lastApply: last } : {}),
    ...(bootTime ? { bootTime: bootTime.toISOString() } : {}),
    sinceBoot: bootTime !== undefined && (!last || bootTime.getTime() > Date.parse(last.at)),
  };
}

/** The boot time in /proc/stat (`btime`, seconds since the epoch). */
export function parseBootTime(procStat: string): Date | undefined {
  const m = /^btime (\d+)$/m.exec(procStat);
  return m ? new Date(Number(m[1]) * 1000) : undefined;
}

export function describeEmpty(e: CameBackEmpty): string {
  const what = `tandem applied ${e.owned} object${e.owned === 1 ? '' : 's'}`;
  const last = e.lastApply ? ` (last apply ${e.lastApply.at}, plan ${e.lastApply.planId})` : '';
  const head = e.sinceBoot && e.bootTime ? `came back empty since ${e.bootTime}` : 'came back empty';
  const boot = !e.sinceBoot && e.bootTime ? `; the node booted at ${e.bootTime}, before that apply` : '';
  return (
    `${e.node} ${head}: ${what}${last}, the kernel has none of them${boot}; ` +
    'the reconcile agent (its boot unit) or tandem apply puts them back'
  );
}
