// Which interfaces are observed failed over: their static addresses are held by the
// failover partner's interface and not by the home interface. That is a legitimate
// state, not drift (seed 000: "When an interface has failed over, changes made to its
// configuration do not take effect until the interface is restored").
import type { DesiredModel } from '../model/desired.js';
import type { Observation } from '../observe/model.js';
import { parseCidr } from '../model/ip.js';

export interface FailedOver {
  home: { node: string; iface: string };
  partner: { node: string; iface: string };
  /** Canonical addresses of the home interface now held by the partner. */
  addresses: string[];
}

/** Key `${homeNode}/${homeIface}`. */
export type FailoverStates = Map<string, FailedOver>;

export function detectFailedOver(model: DesiredModel, observations: ReadonlyMap<string, Observation>): FailoverStates {
  const result: FailoverStates = new Map();
  // Index observed addresses once per node: ip -> interface.
  const held = new Map<string, Map<string, string>>();
  const heldOn = (node: string): Map<string, string> | undefined => {
    if (held.has(node)) return held.get(node);
    const obs = observations.get(node);
    if (!obs?.ok) return undefined;
    const m = new Map(obs.state.addresses.map((a) => [a.cidr, a.interface]));
    held.set(node, m);
    return m;
  };
  for (const node of model.nodes) {
    for (const iface of node.doc.spec.interfaces) {
      if (!iface.failover || !iface.addresses?.length) continue;
      const partner = heldOn(iface.failover.node);
      if (!partner) continue;
      const home = heldOn(node.name);
      const addresses = iface.addresses.map((a) => parseCidr(a)?.cidr ?? a);
      const onPartner = addresses.filter((a) => partner.get(a) === iface.failover!.interface);
      const onHome = home ? addresses.filter((a) => home.get(a) === iface.name) : [];
      if (onPartner.length > 0 && onHome.length === 0) {
        result.set(`${node.name}/${iface.name}`, {
          home: { node: node.name, iface: iface.name },
          partner: { node: iface.failover.node, iface: iface.failover.interface },
          addresses: onPartner,
        });
      }
    }
  }
  return result;
}
