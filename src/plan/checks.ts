// Checks that surround the kernel writes of a step: before an address comes up on a
// node, nobody else on the segment may answer for it (arping -D); after, neighbours are
// told (gratuitous ARP) or DAD must succeed (IPv6); health checks confirm the address
// serves (seed 004, LifeKeeper IP Recovery Kit: uniqueness check, gratuitous ARP,
// link / ping-list / broadcast-ping health).
import type { AddressObject } from '../diff/objects.js';
import type { ClusterDocument, RelocatableAddressDocument } from '../model/generated/desired.js';
import { hostPart } from '../model/ip.js';

export type Check =
  | { kind: 'uniqueness'; node: string; iface: string; address: string; timeoutMs: number }
  | { kind: 'confirm-absent'; node: string; address: string }
  | { kind: 'gratuitous-arp'; node: string; iface: string; address: string; count: number; intervalMs: number }
  | { kind: 'dad-wait'; node: string; iface: string; address: string; timeoutMs: number }
  | {
      kind: 'health';
      node: string;
      iface: string;
      address: string;
      link: boolean;
      ping?: { targets: string[]; broadcast: boolean; count: number; timeoutMs: number };
    };

export const DEFAULTS = {
  uniquenessTimeoutMs: 1000,
  garpCount: 3,
  garpIntervalMs: 200,
  dadTimeoutMs: 3000,
  pingCount: 1,
  pingTimeoutMs: 1000,
} as const;

const ipOf = hostPart;

export function confirmAbsent(node: string, a: AddressObject): Check {
  return { kind: 'confirm-absent', node, address: ipOf(a.cidr) };
}

/**
 * The health check of a relocatable address on `iface` of `node` (seed 004: link, address
 * present, ping list or broadcast ping), from its spec over the cluster's defaults; the
 * same check runs after an add and, in fleet mode, on the owner's agent every interval.
 * Undefined when the address declares no check (link off and no ping).
 */
export function healthCheck(
  node: string,
  iface: string,
  address: string,
  reloc: RelocatableAddressDocument,
  cluster: ClusterDocument | undefined,
): (Check & { kind: 'health' }) | undefined {
  const health = { ...cluster?.spec.defaults?.health, ...reloc.spec.health };
  if (health.link === false && !health.ping) return undefined;
  const ping = health.ping;
  return {
    kind: 'health',
    node,
    iface,
    address,
    link: health.link !== false,
    ...(ping && (ping.list?.length || ping.broadcast)
      ? {
          ping: {
            targets: ping.list ?? [],
            broadcast: ping.broadcast ?? false,
            count: ping.count ?? DEFAULTS.pingCount,
            timeoutMs: ping.timeoutMs ?? DEFAULTS.pingTimeoutMs,
          },
        }
      : {}),
  };
}

export function addressChecks(
  node: string,
  a: AddressObject,
  reloc: RelocatableAddressDocument | undefined,
  cluster: ClusterDocument | undefined,
): { pre: Check[]; post: Check[] } {
  const defaults = cluster?.spec.defaults ?? {};
  const address = ipOf(a.cidr);
  const pre: Check[] = [];
  const post: Check[] = [];
  if (a.family === 4) {
    const unique = { ...defaults.uniquenessCheck, ...reloc?.spec.uniquenessCheck };
    if (unique.enabled !== false)
      pre.push({
        kind: 'uniqueness',
        node,
        iface: a.iface,
        address,
        timeoutMs: unique.timeoutMs ?? DEFAULTS.uniquenessTimeoutMs,
      });
    const garp = { ...defaults.gratuitousArp, ...reloc?.spec.gratuitousArp };
    const count = garp.count ?? DEFAULTS.garpCount;
    if (count > 0)
      post.push({
        kind: 'gratuitous-arp',
        node,
        iface: a.iface,
        address,
        count,
        intervalMs: garp.intervalMs ?? DEFAULTS.garpIntervalMs,
      });
  } else {
    const unique = { ...defaults.uniquenessCheck, ...reloc?.spec.uniquenessCheck };
    post.push({
      kind: 'dad-wait',
      node,
      iface: a.iface,
      address,
      timeoutMs: unique.timeoutMs ?? DEFAULTS.dadTimeoutMs,
    });
  }
  const health = reloc ? healthCheck(node, a.iface, address, reloc, cluster) : undefined;
  if (health) {
    post.push(health);
  }
  return { pre, post };
}

export function describeCheck(c: Check): string {
  switch (c.kind) {
    case 'uniqueness':
      return `check ${c.address} is unused on ${c.iface}'s segment (arping -D, ${c.timeoutMs} ms)`;
    case 'confirm-absent':
      return `confirm ${c.address} is gone from ${c.node}`;
    case 'gratuitous-arp':
      return `send ${c.count} gratuitous ARP for ${c.address} on ${c.iface} every ${c.intervalMs} ms`;
    case 'dad-wait':
      return `wait for DAD of ${c.address} on ${c.iface} (fail on dadfailed, ${c.timeoutMs} ms)`;
    case 'health': {
      const ping = c.ping ? (c.ping.broadcast ? 'broadcast ping' : `ping ${c.ping.targets.join(', ')}`) : '';
      return `health of ${c.address}: ${[c.link ? 'link up' : '', 'address present', ping].filter(Boolean).join(', ')}`;
    }
  }
}
