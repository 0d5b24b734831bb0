// Brownfield adoption (`tandem import`): an environment's documents written from what
// running nodes have, so that the environment validates and plans to nothing. Pure:
// the command observes the nodes and writes the files.
//
// What is imported, per node: each physical (or veth) interface, bond and tunnel, its
// administrative state when down, its MTU when not 1500, its global addresses (primaries
// first, as the kernel lists them), its static routes of the main table and its
// permanent neighbours. Segments are the IPv4 and IPv6 subnets the nodes share. What a
// single look cannot tell is left out and reported as a note: which addresses are meant
// to move (a relocatable address is imported as a static address of the node holding
// it), multipath routes, other tables, link kinds tandem does not manage.
import { stringify } from 'yaml';
import { parseCidr } from '../model/ip.js';
import type { Connection } from '../model/generated/desired.js';
import type { ObservedLink, ObservedNode } from '../observe/model.js';
import { byCodePoint } from '../order.js';

export interface ImportedNode {
  state: ObservedNode;
  connection: Connection;
}

export interface ImportResult {
  files: Record<string, string>;
  /** What was observed but not imported, one line each, naming the node and object. */
  notes: string[];
}

const TUNNEL_KINDS: Record<string, 'sit' | 'ipip' | 'gre' | 'ip6tnl'> = {
  sit: 'sit',
  ipip: 'ipip',
  gre: 'gre',
  ip6tnl: 'ip6tnl',
};
/** Route protocols a person or a boot script writes (ip route add is "boot"); kernel, ra, dhcp are derived. */
const STATIC_PROTOCOLS = new Set(['boot', 'static']);
const MAIN_TABLE = 254;

type Iface = Record<string, unknown> & { name: string; type: string };

function interfaceType(link: ObservedLink): Iface['type'] | undefined {
  if (link.kind === 'physical' || link.kind === 'veth') return 'physical';
  if (link.kind === 'bond') return 'bond';
  if (link.kind in TUNNEL_KINDS) return 'tunnel';
  return undefined;
}

function subnetOf(cidr: string): string | undefined {
  const p = parseCidr(cidr);
  return p ? p.network : undefined;
}

export function buildImportedEnvironment(name: string, nodes: readonly ImportedNode[], header = ''): ImportResult {
  const notes: string[] = [];
  // Segments: the subnets of the global addresses on cabled interfaces (not tunnels).
  const subnets = new Set<string>();
  for (const { state } of nodes) {
    const cabled = new Set(
      state.links.filter((l) => ['physical', 'bond'].includes(interfaceType(l) ?? '')).map((l) => l.name),
    );
    for (const a of state.addresses)
      if (a.scope === 'global' && !a.peer && cabled.has(a.interface)) {
        const net = subnetOf(a.cidr);
        if (net) subnets.add(net);
      }
  }
  const segmentNames = new Map<string, string>();
  [...subnets].sort(byCodePoint).forEach((net, i) => segmentNames.set(net, `net${i + 1}`));

  const nodeDocs = nodes.map(({ state, connection }) => {
    const interfaces: Iface[] = [];
    for (const link of state.links) {
      if (link.name === 'lo') continue;
      const type = interfaceType(link);
      if (!type) {
        notes.push(`${state.node}: interface ${link.name} (${link.kind}) is not imported: tandem does not manage it`);
        continue;
      }
      const iface: Iface = { name: link.name, type };
      if (!link.adminUp) iface.state = 'down';
      if (link.mtu !== 1500 && type !== 'tunnel') iface.mtu = link.mtu;
      if (type === 'bond') {
        iface.bond = {
          mode: link.bond?.mode ?? 'active-backup',
          slaves: state.links.filter((l) => l.master === link.name).map((l) => l.name),
        };
      }
      if (type === 'tunnel' && link.tunnel?.local && link.tunnel.remote) {
        iface.tunnel = {
          mode: TUNNEL_KINDS[link.kind],
          local: link.tunnel.local,
          remote: link.tunnel.remote,
          ...(link.tunnel.ttl ? { ttl: link.tunnel.ttl } : {}),
        };
      } else if (type === 'tunnel') {
        notes.push(`${state.node}: tunnel ${link.name} has no local and remote endpoint: not imported`);
        continue;
      }
      const addresses = state.addresses.filter((a) => a.interface === link.name && a.scope === 'global');
      for (const a of addresses.filter((a) => a.peer))
        notes.push(`${state.node}: point-to-point address ${a.cidr} peer ${a.peer} on ${link.name} is not imported`);
      const plain = addresses.filter((a) => !a.peer);
      const segment = plain.map((a) => segmentNames.get(subnetOf(a.cidr) ?? '')).find((s) => s !== undefined);
      if (segment) iface.segment = segment;
      if (plain.length > 0) iface.addresses = plain.map((a) => a.cidr);
      const routes = [];
      for (const r of state.routes.filter((r) => r.device === link.name || r.nexthops?.length)) {
        if (!STATIC_PROTOCOLS.has(r.protocol)) continue;
        if (r.nexthops?.length || r.table !== MAIN_TABLE || (r.type && r.type !== 'unicast')) {
          if (r.device === link.name)
            notes.push(`${state.node}: route ${r.to} on ${link.name} (table ${r.table}) is not imported`);
          continue;
        }
        routes.push({ to: r.to, ...(r.via ? { via: r.via } : {}), ...(r.metric ? { metric: r.metric } : {}) });
      }
      if (routes.length > 0) iface.routes = routes;
      const neighbors = state.neighbors
        .filter((n) => n.interface === link.name)
        .map((n) => ({ address: n.address, lladdr: n.lladdr }));
      if (neighbors.length > 0) iface.neighbors = neighbors;
      interfaces.push(iface);
    }
    if (state.xfrmPolicies.length > 0)
      notes.push(
        `${state.node}: ${state.xfrmPolicies.length} IPsec policies are not imported (write IPsecPolicy documents)`,
      );
    return { apiVersion: 'tandem/v1', kind: 'Node', metadata: { name: state.node }, spec: { connection, interfaces } };
  });

  const cluster = {
    apiVersion: 'tandem/v1',
    kind: 'Cluster',
    metadata: { name, description: `Imported by tandem import from ${nodes.length} running nodes` },
    spec: {
      segments: [...segmentNames].map(([net, segment]) => ({ name: segment, subnets: [net] })),
    },
  };
  const yaml = (doc: unknown) => stringify(doc, { lineWidth: 0, flowCollectionPadding: true });
  return {
    files: {
      'cluster.yaml':
        `${header}# Segments are the subnets the nodes' addresses share: rename them after your networks.\n` +
        yaml(cluster),
      'nodes.yaml':
        `${header}# What each node had when imported. An address meant to move between nodes is a\n` +
        `# static address here: make it a RelocatableAddress (docs/getting-started.md).\n` +
        // Editors take the schema from a modeline in the document they check: one per document.
        nodeDocs.map(yaml).join(`---\n${header}`),
    },
    notes,
  };
}
