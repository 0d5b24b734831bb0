// Tunnels (seeds 000 and 001): "IPv6-over-IPv4 tunnel interfaces are not directly
// configured for failover; rather, they follow the interface containing their configured
// local address. The interface name configured on the home CLIM is used on the failover
// CLIM; therefore, tunnel interface names must not be the same on the home and failover
// CLIMs." A tunnel's local endpoint is therefore a static address of its own node, and
// its name must be free on every node it can be carried to.
import { at, findInterface, type DesiredModel, type Entry, type StaticAddressRef } from '../../model/desired.js';
import type { Interface, NodeDocument, Tunnel } from '../../model/generated/desired.js';
import { canonicalIp, parseIp } from '../../model/ip.js';
import { defineRule, type Finding } from './rule.js';

interface TunnelRef {
  node: Entry<NodeDocument>;
  iface: Interface & { tunnel: Tunnel };
  index: number;
}

function* tunnels(model: DesiredModel): Generator<TunnelRef> {
  for (const node of model.nodes) {
    for (const [index, iface] of node.doc.spec.interfaces.entries()) {
      if (iface.type === 'tunnel' && iface.tunnel) yield { node, iface: iface as TunnelRef['iface'], index };
    }
  }
}

/** The static address (not on the tunnel itself) that holds each tunnel's local endpoint. */
function localHolders(model: DesiredModel): Map<TunnelRef['iface'], StaticAddressRef | undefined> {
  const out = new Map<TunnelRef['iface'], StaticAddressRef | undefined>();
  const all = [...tunnels(model)];
  // Most fleets have no tunnel: then no static address (a busy node has 10,000) is indexed.
  if (all.length === 0) return out;
  const keyOf = (node: string, ip: string) => `${node}|${ip}`;
  const wanted = new Set(all.map((t) => keyOf(t.node.name, canonicalIp(t.iface.tunnel.local))));
  const byNodeIp = new Map<string, StaticAddressRef[]>();
  for (const a of model.staticAddresses) {
    const key = keyOf(a.node.name, a.cidr.address);
    if (!wanted.has(key)) continue;
    const list = byNodeIp.get(key);
    if (list) list.push(a);
    else byNodeIp.set(key, [a]);
  }
  for (const t of all) {
    const candidates = byNodeIp.get(keyOf(t.node.name, canonicalIp(t.iface.tunnel.local))) ?? [];
    out.set(
      t.iface,
      candidates.find((a) => a.iface !== t.iface),
    );
  }
  return out;
}

const objectsOf = (t: TunnelRef) => [`Node/${t.node.name}`, `${t.node.name}/${t.iface.name}`];

export const tunnelSettingsMatchType = defineRule({
  id: 'TUN001',
  severity: 'error',
  title: 'An interface of type tunnel has tunnel settings, and only tunnels have them',
  rationale: 'A tunnel without endpoints cannot be created; tunnel settings on another type would be silently ignored.',
  reference: 'NonStop CIP manual (IPv6-over-IPv4 tunnel interfaces configured with a local address)',
  check(model) {
    const findings: Finding[] = [];
    for (const node of model.nodes) {
      node.doc.spec.interfaces.forEach((iface, i) => {
        const objects = [`Node/${node.name}`, `${node.name}/${iface.name}`];
        if (iface.type === 'tunnel' && !iface.tunnel) {
          findings.push({
            summary: `Node/${node.name}: tunnel interface ${iface.name} has no tunnel settings`,
            detail: 'Add tunnel: { mode, local, remote }.',
            objects,
            source: at(node, 'spec', 'interfaces', i, 'type'),
          });
        } else if (iface.type !== 'tunnel' && iface.tunnel) {
          findings.push({
            summary: `Node/${node.name}: interface ${iface.name} has tunnel settings but is of type ${iface.type}`,
            detail: 'Set type: tunnel, or remove the tunnel settings.',
            objects,
            source: at(node, 'spec', 'interfaces', i, 'tunnel'),
            related: [{ source: at(node, 'spec', 'interfaces', i, 'type'), note: `type ${iface.type}` }],
          });
        }
      });
    }
    return findings;
  },
});

export const tunnelLocalOnNode = defineRule({
  id: 'TUN002',
  severity: 'error',
  title: "A tunnel's local address is a static address of another interface of the same node",
  rationale:
    'The tunnel follows the interface holding its local address; without one it cannot come up, nor fail over.',
  reference:
    'NonStop CIP manual (tunnels "follow the interface containing their configured local address"); NonStop CIP manual',
  check(model) {
    const holders = localHolders(model);
    const findings: Finding[] = [];
    for (const t of tunnels(model)) {
      if (holders.get(t.iface)) continue;
      findings.push({
        summary:
          `Node/${t.node.name}: tunnel ${t.iface.name} local address ${t.iface.tunnel.local} ` +
          `is not configured on any interface of ${t.node.name}`,
        detail:
          `Use an address of one of ${t.node.name}'s interfaces (not a relocatable or management-only address), ` +
          `or add ${t.iface.tunnel.local} to the interface it belongs on.`,
        objects: objectsOf(t),
        source: at(t.node, 'spec', 'interfaces', t.index, 'tunnel', 'local'),
      });
    }
    return findings;
  },
});

export const tunnelHasNoFailover = defineRule({
  id: 'TUN003',
  severity: 'error',
  title: 'A tunnel has no failover of its own',
  rationale:
    'A tunnel moves with the interface holding its local address; ' +
    'its own failover would move it somewhere else, or twice.',
  reference:
    'NonStop CIP manual ("tunnel interfaces are not directly configured for failover"); ' +
    'NonStop CIP manual (a tunnel is not an allowed failover interface)',
  check(model) {
    const findings: Finding[] = [];
    for (const t of tunnels(model)) {
      if (!t.iface.failover) continue;
      findings.push({
        summary:
          `Node/${t.node.name}: tunnel ${t.iface.name} has failover ` +
          `to ${t.iface.failover.node}/${t.iface.failover.interface}`,
        detail: "Remove it: configure failover on the interface that holds the tunnel's local address.",
        objects: objectsOf(t),
        source: at(t.node, 'spec', 'interfaces', t.index, 'failover'),
      });
    }
    return findings;
  },
});

export const tunnelNameFreeOnFailover = defineRule({
  id: 'TUN004',
  severity: 'error',
  title: "A tunnel's name is not used on the failover node of the interface holding its local address",
  rationale:
    'On failover the tunnel is created on the failover node under its home name; ' +
    'an interface of that name there makes the failover fail.',
  reference: 'NonStop CIP manual ("tunnel interface names must not be the same on the home and failover CLIMs")',
  check(model) {
    const holders = localHolders(model);
    const findings: Finding[] = [];
    for (const t of tunnels(model)) {
      const holder = holders.get(t.iface);
      const fo = holder?.iface.failover;
      if (!holder || !fo) continue;
      const clash = findInterface(model, fo.node, t.iface.name);
      if (!clash) continue;
      findings.push({
        summary:
          `Node/${t.node.name}: tunnel ${t.iface.name} follows ${holder.iface.name} to Node/${fo.node}, ` +
          `which already has an interface ${t.iface.name}`,
        detail: `Rename the tunnel (or ${fo.node}/${t.iface.name}) so the names differ on the home and failover nodes.`,
        objects: [...objectsOf(t), `Node/${fo.node}`, `${fo.node}/${t.iface.name}`],
        source: at(t.node, 'spec', 'interfaces', t.index, 'name'),
        related: [
          { source: at(clash.node, 'spec', 'interfaces', clash.index, 'name'), note: `${fo.node}/${t.iface.name}` },
          {
            source: at(holder.node, 'spec', 'interfaces', holder.index, 'failover'),
            note: `failover of ${t.node.name}/${holder.iface.name}`,
          },
        ],
      });
    }
    return findings;
  },
});

/** The outer (endpoint) family of each tunnel mode: sit, ipip and gre run over IPv4. */
const OUTER_FAMILY: Record<Tunnel['mode'], 4 | 6> = { sit: 4, ipip: 4, gre: 4, ip6tnl: 6 };

export const tunnelEndpointFamily = defineRule({
  id: 'TUN005',
  severity: 'error',
  title:
    "A tunnel's local and remote addresses are of the family its mode runs over (sit, ipip, gre: IPv4; ip6tnl: IPv6)",
  rationale: 'The kernel refuses to create a tunnel whose endpoints do not match its mode.',
  reference: 'Linux ip-tunnel(8); NonStop CIP manual (IPv6-over-IPv4 tunnels)',
  check(model) {
    const findings: Finding[] = [];
    for (const t of tunnels(model)) {
      const want = OUTER_FAMILY[t.iface.tunnel.mode];
      for (const end of ['local', 'remote'] as const) {
        const ip = parseIp(t.iface.tunnel[end]);
        if (!ip || ip.family === want) continue;
        findings.push({
          summary:
            `Node/${t.node.name}: tunnel ${t.iface.name} (${t.iface.tunnel.mode}) ` +
            `has ${end} address ${t.iface.tunnel[end]}, not IPv${want}`,
          detail: `A ${t.iface.tunnel.mode} tunnel runs over IPv${want}: use IPv${want} endpoints or another mode.`,
          objects: objectsOf(t),
          source: at(t.node, 'spec', 'interfaces', t.index, 'tunnel', end),
          related: [
            {
              source: at(t.node, 'spec', 'interfaces', t.index, 'tunnel', 'mode'),
              note: `mode ${t.iface.tunnel.mode}`,
            },
          ],
        });
      }
    }
    return findings;
  },
});

export const tunnelNamesDistinctOnTarget = defineRule({
  id: 'TUN006',
  severity: 'warning',
  title: 'Tunnels that can fail over onto one node have different names',
  rationale:
    'When both home interfaces have failed over, the second tunnel cannot be created under a name the first one took.',
  reference: 'NonStop CIP manual ("The interface name configured on the home CLIM is used on the failover CLIM")',
  check(model) {
    const holders = localHolders(model);
    const first = new Map<string, TunnelRef>();
    const findings: Finding[] = [];
    for (const t of tunnels(model)) {
      const fo = holders.get(t.iface)?.iface.failover;
      if (!fo) continue;
      const key = `${fo.node}/${t.iface.name}`;
      const prev = first.get(key);
      if (!prev) {
        first.set(key, t);
        continue;
      }
      if (prev.node === t.node) continue; // one node's tunnel names are NAME001's concern
      findings.push({
        summary:
          `Node/${t.node.name}: tunnel ${t.iface.name} and the tunnel of ` +
          `Node/${prev.node.name} with the same name both fail over to Node/${fo.node}`,
        detail: 'Give tunnels that can land on one node distinct names.',
        objects: [...objectsOf(t), ...objectsOf(prev), `Node/${fo.node}`],
        source: at(t.node, 'spec', 'interfaces', t.index, 'name'),
        related: [
          {
            source: at(prev.node, 'spec', 'interfaces', prev.index, 'name'),
            note: `${prev.node.name}/${prev.iface.name}`,
          },
        ],
      });
    }
    return findings;
  },
});

export const tunnelRules = [
  tunnelSettingsMatchType,
  tunnelLocalOnNode,
  tunnelHasNoFailover,
  tunnelNameFreeOnFailover,
  tunnelEndpointFamily,
  tunnelNamesDistinctOnTarget,
] as const;
