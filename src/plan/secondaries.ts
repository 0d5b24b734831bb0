// Linux deletes every secondary IPv4 address of a subnet together with its primary,
// unless net.ipv4.conf.<iface>.promote_secondaries (or .all) is 1. A step that removes
// a primary therefore re-adds, in the same batch, the secondaries that must stay, and
// says so (TR007).
import { addressKey, type AddressObject } from '../diff/objects.js';
import type { NodeIntent } from '../diff/intent.js';
import { parseCidr } from '../model/ip.js';
import type { ObservedNode } from '../observe/model.js';
import type { KernelOp } from './ops.js';

export function promotesSecondaries(state: ObservedNode, iface: string): boolean {
  const v = (name: string) => state.sysctl[`net.ipv4.conf.${name}.promote_secondaries`];
  return v(iface) === '1' || v('all') === '1';
}

export function restoreCollateralSecondaries(state: ObservedNode, removed: AddressObject, intent: NodeIntent | undefined): { ops: KernelOp[]; notes: string[] } {
  const none = { ops: [], notes: [] };
  if (removed.family !== 4 || promotesSecondaries(state, removed.iface)) return none;
  const observed = state.addresses.find((a) => a.cidr === removed.cidr && a.interface === removed.iface);
  if (!observed || observed.secondary) return none;
  const network = parseCidr(removed.cidr)?.network;
  const collateral = state.addresses.filter(
    (a) => a.interface === removed.iface && a.secondary && a.cidr !== removed.cidr && parseCidr(a.cidr)?.network === network,
  );
  if (collateral.length === 0) return none;
  const restored = collateral.filter((a) => {
    const want = intent?.get(addressKey(a.cidr));
    return want?.kind === 'address' && want.iface === removed.iface && want.cidr === a.cidr;
  });
  const ops: KernelOp[] = restored.map((a) => {
    const want = intent!.get(addressKey(a.cidr)) as AddressObject;
    return { op: 'addr-add', iface: a.interface, cidr: a.cidr, ...(want.label ? { label: want.label } : {}) };
  });
  const gone = collateral.filter((a) => !restored.includes(a)).map((a) => a.cidr);
  const notes = [
    `removing primary ${removed.cidr} on ${removed.iface} also removes its secondaries ${collateral.map((a) => a.cidr).join(', ')} (promote_secondaries is off)` +
      (restored.length ? `; ${restored.map((a) => a.cidr).join(', ')} re-added in the same batch` : '') +
      (gone.length ? `; ${gone.join(', ')} not desired here` : ''),
  ];
  return { ops, notes };
}
