// Links of the sim kernel. What Linux does, and the sim with it (checked on 6.18 where
// the devices exist here, from the bonding driver's source where they do not):
// - `ip link set X down` flushes every route through X (static ones included, all
//   tables), its IPv6 addresses (keep_addr_on_down=0, the default) and its neighbour
//   entries, permanent ones too; IPv4 addresses stay. Back up, the IPv4 connected routes
//   return; static routes, neighbours and IPv6 addresses do not.
// - an MTU under 1280 switches IPv6 off on the link (its addresses and routes go);
//   MTU limits are 68..65535 (65536 for loopback).
// - physical and loopback links cannot be deleted (EOPNOTSUPP); deleting any other link
//   removes its addresses, routes, neighbours and per-interface sysctls, and releases its
//   slaves.
// - a new link starts with the IPv4 conf values of `default` (net.ipv4.conf.default.*
//   copied to net.ipv4.conf.<link>.*; promote_secondaries checked on 6.18 with a veth).
// - bonds and tunnels are created down, as `ip link add` leaves them. This machine's
//   kernel has no bonding or sit module; the sim does.
// - enslaving to a bond needs the slave down (EPERM "Device can not be enslaved while
//   up"): the bonding driver then opens the slave itself, sets the bond's MTU on it, and
//   gives an empty bond the first slave's MAC. Releasing closes the slave. Bridges take
//   ports in any state and leave them as they are.
// - operational state: UP for an up physical/veth link, UNKNOWN for up loopback and
//   tunnels, UP for an up bond or bridge with at least one up slave (else DOWN).
import type { ObservedLink } from '../observe/model.js';
import type { KernelOp } from '../plan/ops.js';
import { parseIp } from '../model/ip.js';
import { disableIpv6, linkDownAddresses, linkUpAddresses, type KernelContext } from './addresses.js';
import type { Draft } from './draft.js';
import { errors, type KernelError } from './errors.js';

const BOND_MODES = ['balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb'];

/** Tunnel mode -> link kind, endpoint family and the MTU the kernel gives a new device. */
const TUNNEL_MODES: Record<string, { kind: string; family: 4 | 6; mtu: number }> = {
  sit: { kind: 'sit', family: 4, mtu: 1480 },
  isatap: { kind: 'sit', family: 4, mtu: 1480 },
  ipip: { kind: 'ipip', family: 4, mtu: 1480 },
  gre: { kind: 'gre', family: 4, mtu: 1476 },
  vti: { kind: 'vti', family: 4, mtu: 1480 },
  ip6ip6: { kind: 'ip6tnl', family: 6, mtu: 1452 },
  ipip6: { kind: 'ip6tnl', family: 6, mtu: 1452 },
  any: { kind: 'ip6tnl', family: 6, mtu: 1452 },
  ip6gre: { kind: 'ip6gre', family: 6, mtu: 1448 },
  vti6: { kind: 'vti6', family: 6, mtu: 1428 },
};
const TUNNEL_KINDS = new Set(Object.values(TUNNEL_MODES).map((m) => m.kind));
const UNDELETABLE = new Set(['physical', 'loopback']);
const MASTER_KINDS = new Set(['bond', 'bridge']);

function checkName(name: string): KernelError | undefined {
  if (Buffer.byteLength(name) > 15) return errors.policyValidation();
  if (name.length === 0 || name === '.' || name === '..' || /[/:\s]/.test(name)) return errors.badIfname(name);
  return undefined;
}

/** A stable locally administered MAC for links the sim creates (the kernel picks a random one). */
function generatedMac(node: string, iface: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const ch of `${node}/${iface}`) {
    h1 = Math.imul(h1 ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ ch.charCodeAt(0), 0x811c9dc5) >>> 0;
  }
  const bytes = [0x02, h1 >>> 24, (h1 >>> 16) & 0xff, (h1 >>> 8) & 0xff, h1 & 0xff, h2 & 0xff];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

function operStateOf(d: Draft, link: ObservedLink): string {
  if (!link.adminUp) return 'DOWN';
  if (link.kind === 'loopback' || TUNNEL_KINDS.has(link.kind)) return 'UNKNOWN';
  if (MASTER_KINDS.has(link.kind)) {
    return d.links.some((l) => l.master === link.name && l.operState === 'UP') ? 'UP' : 'DOWN';
  }
  return 'UP';
}

const DEFAULT_CONF = 'net.ipv4.conf.default.';

/** A link the node did not have takes the `default` IPv4 conf values, as the kernel copies them. */
function inheritDefaultConf(d: Draft, iface: string): void {
  const inherited = Object.entries(d.sysctl).filter(([k]) => k.startsWith(DEFAULT_CONF));
  if (inherited.length === 0) return;
  const sysctl = d.writableSysctl();
  const name = iface.replaceAll('.', '/');
  for (const [k, v] of inherited) sysctl[`net.ipv4.conf.${name}.${k.slice(DEFAULT_CONF.length)}`] = v;
}

/** Stores a link with its operational state recomputed, then its master's. */
function putLink(d: Draft, link: ObservedLink): void {
  const withState = { ...link, operState: operStateOf(d, link) };
  d.putLink(withState);
  if (MASTER_KINDS.has(link.kind)) refreshOperState(d, link.name);
  if (link.master) refreshOperState(d, link.master);
}

function refreshOperState(d: Draft, name: string): void {
  const link = d.link(name);
  if (!link) return;
  const operState = operStateOf(d, link);
  if (operState !== link.operState) d.putLink({ ...link, operState });
}

function bringUp(d: Draft, link: ObservedLink, ctx: KernelContext): void {
  putLink(d, { ...link, adminUp: true });
  linkUpAddresses(d, link.name, ctx);
}

function bringDown(d: Draft, link: ObservedLink): void {
  putLink(d, { ...link, adminUp: false });
  d.removeRoutes((r) => r.device === link.name);
  linkDownAddresses(d, link.name);
  d.removeNeighbors((n) => n.interface === link.name);
}

export function linkSet(
  d: Draft,
  op: Extract<KernelOp, { op: 'link-set' }>,
  ctx: KernelContext,
): KernelError | undefined {
  const link = d.link(op.iface);
  if (!link) return errors.noDevice(op.iface);
  if (op.mtu !== undefined && op.mtu !== link.mtu) {
    if (!Number.isInteger(op.mtu) || op.mtu < 68) return errors.mtuTooSmall();
    if (op.mtu > (link.kind === 'loopback' ? 65536 : 65535)) return errors.mtuTooLarge();
    putLink(d, { ...link, mtu: op.mtu });
    if (op.mtu < 1280) disableIpv6(d, op.iface);
    // A bond imposes its MTU on its slaves.
    if (link.kind === 'bond') {
      for (const slave of d.links.filter((l) => l.master === op.iface)) putLink(d, { ...slave, mtu: op.mtu });
    }
  }
  const current = d.link(op.iface)!;
  if (op.up === true && !current.adminUp) bringUp(d, current, ctx);
  if (op.up === false && current.adminUp) bringDown(d, current);
  return undefined;
}

export function linkAddBond(d: Draft, op: Extract<KernelOp, { op: 'link-add-bond' }>): KernelError | undefined {
  const bad = checkName(op.iface);
  if (bad) return bad;
  if (d.link(op.iface)) return errors.linkExists();
  const mode = /^[0-6]$/.test(op.mode) ? BOND_MODES[Number(op.mode)] : op.mode;
  if (!BOND_MODES.includes(mode)) return errors.badBondMode(op.mode);
  putLink(d, {
    name: op.iface,
    kind: 'bond',
    adminUp: false,
    operState: 'DOWN',
    mtu: 1500,
    mac: generatedMac(d.node, op.iface),
    bond: { mode },
  });
  inheritDefaultConf(d, op.iface);
  return undefined;
}

export function linkAddTunnel(d: Draft, op: Extract<KernelOp, { op: 'link-add-tunnel' }>): KernelError | undefined {
  const bad = checkName(op.iface);
  if (bad) return bad;
  if (d.link(op.iface)) return errors.linkExists();
  const mode = TUNNEL_MODES[op.mode];
  if (!mode) return errors.badTunnelMode(op.mode);
  for (const endpoint of [op.local, op.remote]) {
    if (parseIp(endpoint)?.family !== mode.family) return errors.badTunnelEndpoint(endpoint);
  }
  if (op.ttl !== undefined && (!Number.isInteger(op.ttl) || op.ttl < 0 || op.ttl > 255)) {
    return { code: 'EINVAL', message: `Error: argument "${op.ttl}" is wrong: invalid TTL` };
  }
  // Reported as the linux driver reads `ip -d link`: the kind, or the protocol of an ip6tnl.
  const tunnel: NonNullable<ObservedLink['tunnel']> = {
    mode: mode.kind === 'ip6tnl' ? op.mode : mode.kind,
    local: parseIp(op.local)!.address,
    remote: parseIp(op.remote)!.address,
  };
  // TTL 0 means "inherit", which is reported as no TTL.
  if (op.ttl) tunnel.ttl = op.ttl;
  putLink(d, { name: op.iface, kind: mode.kind, adminUp: false, operState: 'DOWN', mtu: mode.mtu, tunnel });
  inheritDefaultConf(d, op.iface);
  return undefined;
}

/** Takes a slave out of its master; a bond closes the slave as it lets go. */
function release(d: Draft, slave: ObservedLink): void {
  const master = d.link(slave.master!);
  const { master: _gone, ...rest } = slave;
  if (master?.kind === 'bond' && rest.adminUp) {
    bringDown(d, rest);
  } else {
    putLink(d, rest);
  }
  refreshOperState(d, slave.master!);
}

export function linkDel(d: Draft, op: Extract<KernelOp, { op: 'link-del' }>): KernelError | undefined {
  const link = d.link(op.iface);
  if (!link) return errors.noDevice(op.iface);
  if (UNDELETABLE.has(link.kind)) return errors.notSupported();
  for (const slave of d.links.filter((l) => l.master === op.iface)) release(d, slave);
  d.removeAddressesOf(op.iface);
  d.removeRoutes((r) => r.device === op.iface);
  d.removeNeighbors((n) => n.interface === op.iface);
  const perIface = new RegExp(`^net\\.ipv[46]\\.(conf|neigh)\\.${op.iface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`);
  if (Object.keys(d.sysctl).some((k) => perIface.test(k))) {
    const sysctl = d.writableSysctl();
    for (const k of Object.keys(sysctl)) if (perIface.test(k)) delete sysctl[k];
  }
  d.removeLink(op.iface);
  if (link.master) refreshOperState(d, link.master);
  return undefined;
}

export function linkEnslave(
  d: Draft,
  op: Extract<KernelOp, { op: 'link-enslave' }>,
  ctx: KernelContext,
): KernelError | undefined {
  const slave = d.link(op.iface);
  if (!slave) return errors.noDevice(op.iface);
  const master = d.link(op.master);
  if (!master) return errors.noMaster(op.master);
  if (op.iface === op.master) return master.kind === 'bond' ? errors.enslaveSelf() : errors.cannotEnslave();
  if (!MASTER_KINDS.has(master.kind) || slave.kind === 'loopback') return errors.cannotEnslave();
  if (slave.master === op.master) return undefined;
  if (MASTER_KINDS.has(slave.kind) && master.kind === 'bond') return errors.enslaveBusy();
  // do_set_master leaves the old master before joining the new one.
  if (slave.master) release(d, slave);
  const free = d.link(op.iface)!;
  if (master.kind === 'bridge') {
    putLink(d, { ...free, master: op.master });
    return undefined;
  }
  if (free.adminUp) return errors.enslaveWhileUp();
  const firstSlave = !d.links.some((l) => l.master === op.master);
  if (firstSlave && free.mac && free.mac !== master.mac) putLink(d, { ...master, mac: free.mac });
  const joined: ObservedLink = { ...free, master: op.master, mtu: master.mtu };
  putLink(d, joined);
  bringUp(d, d.link(op.iface)!, ctx);
  return undefined;
}

export function linkRelease(d: Draft, op: Extract<KernelOp, { op: 'link-release' }>): KernelError | undefined {
  const slave = d.link(op.iface);
  if (!slave) return errors.noDevice(op.iface);
  if (slave.master) release(d, slave);
  return undefined;
}
