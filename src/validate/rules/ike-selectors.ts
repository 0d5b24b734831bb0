// IKE014 to IKE017: a child's traffic selectors against tandem's own XFRM policies and
// against the node. charon installs the policies of a CHILD_SA itself, with priorities
// it computes from the selector sizes, all above 65535 (strongSwan's PRIO_BASE scheme,
// e.g. 375423 for a host-to-host policy); an IPsecPolicy of tandem has a priority of at
// most 65535 and so always precedes them (a lower number wins). Where both match a
// packet, tandem's policy decides and charon's SA is never used. Seeds 000 and 003
// (IPsec policies on every node an address may live on); Linux ip-xfrm(8) for the
// precedence.
import { at, type DesiredModel } from '../../model/desired.js';
import type { DesiredIkeChild, DesiredIkeConnection } from '../../model/ike.js';
import { hostPrefix } from '../../model/ike.js';
import { parseCidr, prefixesOverlap, prefixWithin, type ParsedCidr } from '../../model/ip.js';
import { ikeName, type Ike } from './ike-algorithms.js';
import { defineRule, type Finding } from './rule.js';
import { relocatableCidr } from './util-interfaces.js';
import { actionSignature, ipsecName, policyNodes, selectorOf, type Policy } from './util-ipsec.js';

type Relation = 'covers' | 'overlaps';

interface Clash {
  conn: Ike;
  child: DesiredIkeChild;
  policy: Policy;
  relation: Relation;
  nodes: string[];
  direction: string;
}

const parsedAll = (list: string[]) => list.map(parseCidr).filter((c): c is ParsedCidr => c !== null);

/** How policy selector (src, dst) relates to the packets from `from` to `to`: covers all, some, or none. */
function relate(src: ParsedCidr, dst: ParsedCidr, from: ParsedCidr[], to: ParsedCidr[]): Relation | undefined {
  let any = false;
  let all = from.length > 0 && to.length > 0;
  for (const f of from) {
    for (const t of to) {
      if (f.family !== t.family) continue;
      if (prefixesOverlap(src, f) && prefixesOverlap(dst, t)) {
        any = true;
        if (!(prefixWithin(f, src) && prefixWithin(t, dst))) all = false;
      } else {
        all = false;
      }
    }
  }
  if (!any) return undefined;
  return all ? 'covers' : 'overlaps';
}

const clashCache = new WeakMap<DesiredModel, Clash[]>();

/** Every (child, policy) pair whose packets meet on a node carrying the child. */
export function clashes(model: DesiredModel): Clash[] {
  const cached = clashCache.get(model);
  if (cached) return cached;
  const out: Clash[] = [];
  model.ikeConnections.forEach((c, ci) => {
    for (const child of c.children) {
      const local = parsedAll(child.localTs);
      const remote = parsedAll(child.remoteTs);
      for (const policy of model.ipsecPolicies) {
        const sel = selectorOf(policy);
        if (!sel) continue;
        const installed = policyNodes(model, policy);
        const nodes = c.nodes.filter((n) => installed.has(n));
        if (nodes.length === 0) continue;
        const s = policy.doc.spec.selector;
        const narrowed =
          (s.protocol ?? 'any') !== 'any' || s.sourcePort !== undefined || s.destinationPort !== undefined;
        for (const direction of policy.doc.spec.directions) {
          const [from, to] = direction === 'out' ? [local, remote] : [remote, local];
          const relation = relate(sel.source, sel.destination, from, to);
          if (!relation) continue;
          out.push({
            conn: model.ikeEntries[ci],
            child,
            policy,
            // A policy for one protocol or port matches only part of the child's packets.
            relation: narrowed ? 'overlaps' : relation,
            nodes,
            direction,
          });
          break;
        }
      }
    }
  });
  clashCache.set(model, out);
  return out;
}

function consequence(p: Policy): string {
  const action = p.doc.spec.action;
  if (action === 'allow') return 'sent in clear';
  if (action === 'block') return 'dropped';
  return `protected by manually keyed SAs (${actionSignature(p)})`;
}

export const ikeShadowedByPolicy = defineRule({
  id: 'IKE014',
  severity: 'error',
  title: "No IPsecPolicy on a node carrying a child matches all of the child's traffic (it would precede charon's)",
  rationale:
    "tandem's XFRM policies (priority 0 to 65535) precede the policies charon installs for a CHILD_SA: " +
    "the child's traffic would be sent in clear, dropped or keyed manually, and its SA never used.",
  reference:
    'NonStop CIP manual "IPSec Configuration" and HP-UX IPSec guide, Serviceguard appendix (IPsec on every node an ' +
    'address may live on); Linux ip-xfrm(8) ' +
    '(lowest priority number first); strongSwan kernel-netlink policy priorities',
  check(model) {
    return clashes(model)
      .filter((x) => x.relation === 'covers')
      .map((x) => ({
        summary:
          `${ikeName(x.conn)}: child ${x.child.name}'s traffic (${x.direction}) is all matched first by ` +
          `${ipsecName(x.policy)} on ${x.nodes.join(', ')}: it would be ${consequence(x.policy)}`,
        detail:
          `Narrow ${ipsecName(x.policy)}'s selector so it leaves out ${x.child.localTs.join(', ')} <-> ` +
          `${x.child.remoteTs.join(', ')}, or remove it: charon installs the child's own policies.`,
        objects: [ikeName(x.conn), ipsecName(x.policy), ...x.nodes.map((n) => `Node/${n}`)],
        source: at(x.conn, 'spec', 'children', x.child.index, 'name'),
        related: [{ source: at(x.policy, 'spec', 'selector'), note: `${ipsecName(x.policy)} selector` }],
      }));
  },
});

export const ikeOverlapsPolicy = defineRule({
  id: 'IKE015',
  severity: 'warning',
  title: "No IPsecPolicy on a node carrying a child matches part of the child's traffic",
  rationale:
    "Part of the child's traffic would be decided by tandem's XFRM policy, not by the CHILD_SA: " +
    'protection that depends on the port or address is easy to misread.',
  reference:
    'NonStop CIP manual "IPSec Configuration"; HP-UX IPSec guide, Serviceguard appendix; ' +
    'Linux ip-xfrm(8) (lowest priority number first)',
  check(model) {
    return clashes(model)
      .filter((x) => x.relation === 'overlaps')
      .map((x) => ({
        summary:
          `${ikeName(x.conn)}: part of child ${x.child.name}'s traffic (${x.direction}) is matched first by ` +
          `${ipsecName(x.policy)} on ${x.nodes.join(', ')}: that part would be ${consequence(x.policy)}`,
        detail: `Make ${ipsecName(x.policy)}'s selector and the child's traffic selectors disjoint.`,
        objects: [ikeName(x.conn), ipsecName(x.policy), ...x.nodes.map((n) => `Node/${n}`)],
        source: at(x.conn, 'spec', 'children', x.child.index, 'name'),
        related: [{ source: at(x.policy, 'spec', 'selector'), note: `${ipsecName(x.policy)} selector` }],
      }));
  },
});

function isHostOf(ts: string[], address: string): boolean {
  const host = parseCidr(hostPrefix(address));
  return ts.length === 1 && host !== null && parseCidr(ts[0])?.cidr === host.cidr;
}

export const ikeTransportHosts = defineRule({
  id: 'IKE016',
  severity: 'error',
  title: 'A transport-mode child selects exactly the two IKE endpoints (host-to-host)',
  rationale:
    'charon negotiates transport mode only host-to-host; with other selectors it logs "not using ' +
    'transport mode, not host-to-host" and silently uses tunnel mode, which the peer may refuse.',
  reference: 'strongSwan child_create (transport mode requires host-to-host selectors); RFC 4301 section 4.1',
  check(model) {
    const findings: Finding[] = [];
    model.ikeConnections.forEach((c, ci) => {
      const entry = model.ikeEntries[ci];
      for (const child of c.children) {
        if (child.mode !== 'transport') continue;
        for (const [side, ts, address] of [
          ['local', child.localTs, c.local.address],
          ['remote', child.remoteTs, c.remote.address],
        ] as const) {
          if (isHostOf(ts, address)) continue;
          const field = side === 'local' ? 'localTs' : 'remoteTs';
          const written = entry.doc.spec.children[child.index][field] !== undefined;
          findings.push({
            summary:
              `${ikeName(entry)}: child ${child.name} is transport mode but its ${field} ${ts.join(', ')} ` +
              `is not the ${side} address ${address} alone`,
            detail: `Set ${field}: [${hostPrefix(address)}], or use mode: tunnel.`,
            objects: [ikeName(entry)],
            source: written
              ? at(entry, 'spec', 'children', child.index, field)
              : at(entry, 'spec', 'children', child.index, 'mode'),
          });
        }
      }
    });
    return findings;
  },
});

/** Prefixes a node holds or routes: its networks, the relocatable addresses placed on it, route destinations. */
function nodePrefixes(model: DesiredModel): Map<string, ParsedCidr[]> {
  const out = new Map<string, ParsedCidr[]>();
  const add = (node: string, cidr: ParsedCidr | null) => {
    if (!cidr) return;
    const list = out.get(node);
    if (list) list.push(cidr);
    else out.set(node, [cidr]);
  };
  for (const s of model.staticAddresses) add(s.node.name, parseCidr(s.cidr.network));
  for (const r of model.relocatables) {
    const cidr = relocatableCidr(r);
    if (cidr) for (const p of r.doc.spec.placements) add(p.node, parseCidr(cidr.network));
  }
  for (const n of model.nodes) {
    for (const iface of n.doc.spec.interfaces) {
      for (const route of iface.routes ?? []) {
        if (route.to === 'default') {
          add(n.name, parseCidr('0.0.0.0/0'));
          add(n.name, parseCidr('::/0'));
        } else add(n.name, parseCidr(route.to));
      }
    }
  }
  return out;
}

function orphanSelectors(c: DesiredIkeConnection, node: string, prefixes: Map<string, ParsedCidr[]>): string[] {
  const held = prefixes.get(node) ?? [];
  const out: string[] = [];
  for (const child of c.children) {
    for (const ts of child.localTs) {
      const cidr = parseCidr(ts);
      if (cidr && !held.some((h) => prefixesOverlap(h, cidr))) out.push(`${child.name} localTs ${ts}`);
    }
  }
  return out;
}

export const ikeOrphanSelector = defineRule({
  id: 'IKE017',
  severity: 'warning',
  title: "A child's local selectors meet what each carrying node holds or routes (no orphan selector)",
  rationale:
    'A local selector outside every address, subnet and route of the node selects traffic the node never ' +
    'sends or forwards: the child protects nothing there, which usually means a typo in the selector.',
  reference: 'HP-UX IPSec guide, Serviceguard appendix (IPsec protecting the package address); swanctl.conf local_ts',
  check(model) {
    const findings: Finding[] = [];
    if (model.ikeEntries.length === 0) return findings;
    const prefixes = nodePrefixes(model);
    model.ikeConnections.forEach((c, ci) => {
      const entry = model.ikeEntries[ci];
      const byTs = new Map<string, string[]>();
      for (const n of c.nodes) {
        if (!model.nodeByName.has(n)) continue;
        for (const orphan of orphanSelectors(c, n, prefixes)) {
          const list = byTs.get(orphan);
          if (list) list.push(n);
          else byTs.set(orphan, [n]);
        }
      }
      for (const [orphan, nodes] of byTs) {
        const childName = orphan.slice(0, orphan.indexOf(' '));
        const child = c.children.find((x) => x.name === childName);
        findings.push({
          summary: `${ikeName(entry)}: child ${orphan} is no address, subnet or route of ${nodes.join(', ')}`,
          detail: 'Correct the selector, or give the node the address or a route to it.',
          objects: [ikeName(entry), ...nodes.map((n) => `Node/${n}`)],
          source: at(entry, 'spec', 'children', child?.index ?? 0, 'localTs'),
        });
      }
    });
    return findings;
  },
});

export const ikeSelectorRules = [ikeShadowedByPolicy, ikeOverlapsPolicy, ikeTransportHosts, ikeOrphanSelector] as const;
