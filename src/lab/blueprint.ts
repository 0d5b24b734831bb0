// What `tandem lab up` builds for an environment, computed from the desired state alone:
// namespaces, veth pairs, the `ip -batch` lines of each namespace and the mappings of
// interface types this kernel lacks. Pure: up.ts runs it, tests read it without root.
//
// Every kernel name here is built from validated parts only (DNS-label node and segment
// names, schema-checked interface names, canonical CIDR texts) and checked once more by
// kernelNameProblem, because batch lines are split on whitespace by iproute2.
import type { DesiredModel } from '../model/desired.js';
import type { Interface } from '../model/generated/desired.js';
import { hostsFromTop, parseCidr, parseIp } from '../model/ip.js';
import {
  CLIENT_INTERFACE,
  LAB_BRIDGE,
  clientNamespace,
  labNamespace,
  mgmtNamespace,
  segmentNamespace,
  vethPeerName,
} from './naming.js';

export type NamespaceRole = 'node' | 'segment' | 'client' | 'mgmt';

export interface LabNamespace {
  name: string;
  role: NamespaceRole;
  /** The node, segment or environment the namespace stands for. */
  owner: string;
}

export interface LabVeth {
  namespace: string;
  name: string;
  peerNamespace: string;
  peer: string;
  /** Peer enslaved to the bridge of its namespace (false: parked, carries no traffic). */
  bridged: boolean;
}

export interface LabMapping {
  node: string;
  iface: string;
  type: Interface['type'];
  note: string;
}

export interface LabClient {
  segment: string;
  namespace: string;
  /** Address with prefix length, on CLIENT_INTERFACE. */
  address: string;
}

export interface LabAddress {
  node: string;
  namespace: string;
  iface: string;
  cidr: string;
}

export interface LabBlueprint {
  env: string;
  withAddresses: boolean;
  namespaces: LabNamespace[];
  veths: LabVeth[];
  /** Lines for each namespace, run with `ip -n NS -batch -` once the veths exist. */
  batches: Array<{ namespace: string; lines: string[] }>;
  addresses: LabAddress[];
  mappings: LabMapping[];
  clients: LabClient[];
  /** Things the lab leaves out, said once in the output. */
  notes: string[];
}

export type BlueprintResult = { ok: true; blueprint: LabBlueprint } | { ok: false; problems: string[] };

const IFNAME = /^[A-Za-z0-9_.][A-Za-z0-9_.-]{0,14}$/;
const NSNAME = /^[A-Za-z0-9_.][A-Za-z0-9_.-]{0,254}$/;

/** Why a name cannot be given to the kernel in an argument or a batch line, or null. */
export function kernelNameProblem(name: string, kind: 'interface' | 'namespace'): string | null {
  const ok = (kind === 'interface' ? IFNAME : NSNAME).test(name) && name !== '.' && name !== '..';
  if (ok) return null;
  return kind === 'interface'
    ? `interface name "${name}" is not usable in the lab ` +
        "(1 to 15 letters, digits, '_', '.' or '-', not starting with '-')"
    : `namespace name "${name}" is not usable in the lab ` +
        "(letters, digits, '_', '.' or '-', not starting with '-', not '.' or '..')";
}

const MAPPING_NOTES: Record<Exclude<Interface['type'], 'physical'>, string> = {
  bond: 'bond mapped to veth (no bonding in this kernel)',
  loopback: 'loopback mapped to veth with a parked peer (no dummy devices in this kernel)',
  tunnel:
    'tunnel mapped to veth with a parked peer, carrying its addresses without encapsulation ' +
    '(no sit devices in this kernel)',
};

export interface BlueprintOptions {
  withAddresses: boolean;
}

export function buildBlueprint(model: DesiredModel, opts: BlueprintOptions): BlueprintResult {
  const problems: string[] = [];
  const env = model.cluster?.name;
  if (!env) return { ok: false, problems: ['the environment has no Cluster document'] };
  const bp: LabBlueprint = {
    env,
    withAddresses: opts.withAddresses,
    namespaces: [],
    veths: [],
    batches: [],
    addresses: [],
    mappings: [],
    clients: [],
    notes: [],
  };
  const owners = new Map<string, string>();
  const addNamespace = (ns: LabNamespace) => {
    const problem = kernelNameProblem(ns.name, 'namespace');
    if (problem) problems.push(`${ns.role} ${ns.owner}: ${problem}`);
    const first = owners.get(ns.name);
    if (first)
      problems.push(
        `namespace ${ns.name} would stand for both ${first} and ${ns.role} ${ns.owner}; rename one of them`,
      );
    else owners.set(ns.name, `${ns.role} ${ns.owner}`);
    bp.namespaces.push(ns);
  };

  const segments = model.cluster?.doc.spec.segments ?? [];
  const mgmt = mgmtNamespace(env);
  // Peer names must be unique per namespace they land in; the salt resolves the
  // (astronomically rare) hash collision deterministically.
  const peersIn = new Map<string, Set<string>>();
  const addVeth = (namespace: string, name: string, peerNamespace: string, bridged: boolean) => {
    const taken = peersIn.get(peerNamespace) ?? new Set<string>();
    peersIn.set(peerNamespace, taken);
    let salt = 0;
    let peer = vethPeerName(namespace, name, salt);
    while (taken.has(peer)) peer = vethPeerName(namespace, name, ++salt);
    taken.add(peer);
    bp.veths.push({ namespace, name, peerNamespace, peer, bridged });
  };

  const nodeLines = new Map<string, { addresses: string[]; links: string[] }>();
  for (const node of model.nodes) {
    const ns = labNamespace(node.doc);
    addNamespace({ name: ns, role: 'node', owner: node.name });
    const lines = { addresses: [] as string[], links: [] as string[] };
    nodeLines.set(ns, lines);
    const management = node.doc.spec.management ? parseCidr(node.doc.spec.management)?.cidr : undefined;
    let managementPlaced = false;
    for (const iface of node.doc.spec.interfaces) {
      const problem = kernelNameProblem(iface.name, 'interface');
      if (problem) {
        problems.push(`node ${node.name}: ${problem}`);
        continue;
      }
      if (iface.name !== 'lo') {
        if (iface.type !== 'physical')
          bp.mappings.push({ node: node.name, iface: iface.name, type: iface.type, note: MAPPING_NOTES[iface.type] });
        const cabled = iface.type === 'physical' || iface.type === 'bond';
        if (cabled && iface.segment !== undefined && !segments.some((s) => s.name === iface.segment)) {
          problems.push(
            `node ${node.name}: interface ${iface.name} names segment ${iface.segment}, ` +
              'which the Cluster does not define',
          );
          continue;
        }
        if (cabled && iface.segment !== undefined) addVeth(ns, iface.name, segmentNamespace(iface.segment), true);
        else addVeth(ns, iface.name, mgmt, cabled);
        lines.links.push(`link set dev ${iface.name} up`);
      }
      for (const text of iface.addresses ?? []) {
        const cidr = parseCidr(text)?.cidr;
        if (!cidr) continue;
        const isManagement = cidr === management;
        if (!opts.withAddresses && !isManagement) continue;
        managementPlaced ||= isManagement;
        lines.addresses.push(`address add ${cidr} dev ${iface.name}`);
        bp.addresses.push({ node: node.name, namespace: ns, iface: iface.name, cidr });
      }
    }
    if (management && !managementPlaced) {
      bp.notes.push(
        `${node.name}: management address ${management} is on none of its interfaces; the lab does not configure it`,
      );
    }
  }

  const used = usedAddresses(model);
  for (const segment of segments) {
    addNamespace({ name: segmentNamespace(segment.name), role: 'segment', owner: segment.name });
    const client = clientNamespace(segment.name);
    addNamespace({ name: client, role: 'client', owner: segment.name });
    const subnet = parseCidr(segment.subnets[0] ?? '');
    const address = subnet ? hostsFromTop(subnet, 64).find((a) => !used.has(a)) : undefined;
    if (!subnet || !address) {
      problems.push(
        `segment ${segment.name}: no free host address left near the top of ${segment.subnets[0]} ` +
          'for the client namespace',
      );
      continue;
    }
    bp.clients.push({ segment: segment.name, namespace: client, address: `${address}/${subnet.prefix}` });
    addVeth(client, CLIENT_INTERFACE, segmentNamespace(segment.name), true);
  }
  if (bp.veths.some((v) => v.peerNamespace === mgmt)) addNamespace({ name: mgmt, role: 'mgmt', owner: env });

  if (!opts.withAddresses) {
    bp.notes.push(
      'static addresses are left for `tandem apply` (use --with-addresses to add them); ' +
        'routes and neighbours are never set by the lab',
    );
  } else {
    bp.notes.push('routes, permanent neighbours, MTU and link state of the desired state are left for `tandem apply`');
  }
  if (problems.length > 0) return { ok: false, problems };

  for (const ns of bp.namespaces) {
    const lines: string[] = [];
    if (ns.role === 'node') {
      const l = nodeLines.get(ns.name)!;
      lines.push('link set dev lo up', ...l.addresses, ...l.links);
    } else if (ns.role === 'client') {
      const c = bp.clients.find((x) => x.namespace === ns.name);
      lines.push('link set dev lo up');
      if (c) lines.push(`address add ${c.address} dev ${CLIENT_INTERFACE}`, `link set dev ${CLIENT_INTERFACE} up`);
    } else {
      lines.push(`link add name ${LAB_BRIDGE} type bridge`, `link set dev ${LAB_BRIDGE} up`);
      for (const v of bp.veths.filter((x) => x.peerNamespace === ns.name)) {
        if (v.bridged) lines.push(`link set dev ${v.peer} master ${LAB_BRIDGE}`);
        lines.push(`link set dev ${v.peer} up`);
      }
    }
    bp.batches.push({ namespace: ns.name, lines });
  }
  return { ok: true, blueprint: bp };
}

/** Lines of the one root-namespace batch that creates every veth pair in place. */
export function vethBatchLines(bp: LabBlueprint): string[] {
  return bp.veths.map(
    (v) => `link add name ${v.name} netns ${v.namespace} type veth peer name ${v.peer} netns ${v.peerNamespace}`,
  );
}

/** Every address the environment names, so a client never takes one of them. */
function usedAddresses(model: DesiredModel): Set<string> {
  const used = new Set<string>();
  const add = (text: string | undefined) => {
    if (!text) return;
    const ip = parseCidr(text)?.address ?? parseIp(text)?.address;
    if (ip) used.add(ip);
  };
  for (const node of model.nodes) {
    add(node.doc.spec.management);
    for (const iface of node.doc.spec.interfaces) {
      for (const a of iface.addresses ?? []) add(a);
      for (const r of iface.routes ?? []) add(r.via);
      for (const n of iface.neighbors ?? []) add(n.address);
      if (iface.tunnel) {
        add(iface.tunnel.local);
        add(iface.tunnel.remote);
      }
    }
  }
  for (const r of model.relocatables) {
    add(r.doc.spec.address);
    for (const p of r.doc.spec.health?.ping?.list ?? []) add(p);
  }
  return used;
}
