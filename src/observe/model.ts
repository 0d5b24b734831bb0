// The observed state of one node, normalised so that every driver (linux, snapshot,
// sim) returns the same shape and the diff never needs to know where it came from.
// The schema does not describe this model (it is not user input), so it lives here,
// next to the drivers that produce it.

export type Family = 4 | 6;

export interface ObservedLink {
  name: string;
  /** Kernel link kind: "physical" for plain devices, else the rtnl kind (bond, veth, bridge, sit, ...). */
  kind: string;
  /** Administrative state: the IFF_UP flag. */
  adminUp: boolean;
  /** Operational state as the kernel reports it (UP, DOWN, LOWERLAYERDOWN, UNKNOWN, ...). */
  operState: string;
  mtu: number;
  mac?: string;
  /** Name of the bond/bridge this link is enslaved to. */
  master?: string;
  /** Tunnel endpoints, for tunnel links. */
  tunnel?: { mode: string; local?: string; remote?: string; ttl?: number };
  bond?: { mode: string };
}

export interface ObservedAddress {
  /** Interface (link) name the address is configured on. */
  interface: string;
  family: Family;
  /** Address with prefix length, canonical form (e.g. "192.0.2.10/24", "2001:db8::10/64"). */
  cidr: string;
  /** IPv4 label (e.g. "eth0:db"); absent when it equals the interface name. */
  label?: string;
  secondary: boolean;
  tentative: boolean;
  dadfailed: boolean;
  /** Scope as reported (global, link, host). */
  scope: string;
  /** Peer address of a point-to-point address (`ip addr add A peer B/N`): the prefix belongs to the peer. */
  peer?: string;
}

export interface ObservedRoute {
  /** Destination in CIDR form, or "default". */
  to: string;
  family: Family;
  via?: string;
  device?: string;
  /** Routing protocol that installed it (kernel, boot, static, dhcp, ...). */
  protocol: string;
  table: number;
  metric?: number;
  scope?: string;
  src?: string;
  /** Route type when not unicast (blackhole, unreachable, prohibit, throw). */
  type?: string;
  /** The gateway is reached on the device without a covering prefix route (`onlink`). */
  onlink?: boolean;
  /** Multipath routes: every next hop (via/device above are then absent). */
  nexthops?: Array<{ via?: string; device?: string; weight?: number }>;
}

export interface ObservedNeighbor {
  interface: string;
  address: string;
  lladdr: string;
  family: Family;
}

export interface ObservedXfrmPolicy {
  /** Selector: source and destination prefixes, optional upper-layer protocol and ports. */
  selector: {
    src: string;
    dst: string;
    proto?: string;
    sport?: number;
    dport?: number;
    dev?: string;
    icmpType?: number;
    icmpCode?: number;
    greKey?: number;
  };
  dir: 'in' | 'out' | 'fwd';
  action: 'allow' | 'block';
  priority: number;
  index?: number;
  /** Policy type: sub policies live in a separate database from the main ones (absent = main). */
  ptype?: 'sub';
  /** Firewall mark the policy matches, "value/mask" in hex. */
  mark?: string;
  /** XFRM interface id (xfrmi) the policy is bound to. */
  ifId?: number;
  /** Policy flags (localok, icmp). */
  flags?: string[];
  /** Template list (empty for allow-without-ipsec / block policies). */
  templates: Array<{
    proto: 'esp' | 'ah' | 'comp';
    mode: 'transport' | 'tunnel' | 'beet';
    level: 'required' | 'use' | 'unique';
    src?: string;
    dst?: string;
    reqid?: number;
    spi?: number;
  }>;
  /** Fields only shown with `ip -s xfrm policy` (lifetimes, counters), kept for display. */
  stats?: Record<string, string>;
}

// A node's charon, as read over VICI (src/ipsec/observed.ts) or recorded by a sim node.
export interface ObservedChildSa {
  name: string;
  state: string;
  mode: string;
  spiIn: string;
  spiOut: string;
  bytesIn: number;
  bytesOut: number;
  packetsIn: number;
  packetsOut: number;
  /** Seconds until charon rekeys this CHILD_SA, and since it was installed. */
  rekeyInSeconds?: number;
  installedSeconds?: number;
  localTs: string[];
  remoteTs: string[];
}

export interface ObservedIkeSa {
  connection: string;
  uniqueId: string;
  state: string;
  localHost: string;
  remoteHost: string;
  establishedSeconds?: number;
  rekeyInSeconds?: number;
  reauthInSeconds?: number;
  children: ObservedChildSa[];
}

export interface ObservedIkeConnection {
  name: string;
  localAddrs: string[];
  remoteAddrs: string[];
  children: string[];
}

export interface ObservedIke {
  connections: ObservedIkeConnection[];
  sas: ObservedIkeSa[];
}

/** What tandem has applied to a node: the objects it owns and may later delete. */
export interface Inventory {
  /** Stable object keys (see objectKey helpers in diff/) that tandem created. */
  owned: string[];
  /**
   * Failover mirrors this node holds for interfaces it backs up (CIP seed 001: the
   * home interface's configuration is copied to the failover node).
   */
  mirrors?: Array<{
    home: { node: string; iface: string };
    partnerIface: string;
    addresses: string[];
    routes: string[];
  }>;
  /** Revision and time of the last apply that touched the node. */
  lastApply?: { revision: string; at: string; planId: string };
  /** Fleet mode: owned address key -> fencing token (its etcd owner key's create revision) it was written under. */
  fencing?: Record<string, number>;
}

export interface ObservedNode {
  node: string;
  /** Driver that produced this state (linux, snapshot, sim). */
  driver: string;
  observedAt: string;
  links: ObservedLink[];
  addresses: ObservedAddress[];
  routes: ObservedRoute[];
  neighbors: ObservedNeighbor[];
  xfrmPolicies: ObservedXfrmPolicy[];
  /** Selected sysctls (net.ipv4.conf.*.promote_secondaries, arp_*, ...), name -> value. */
  sysctl: Record<string, string>;
  inventory: Inventory;
  /**
   * The node's charon: connections loaded and SAs. Absent when
   * tandem cannot reach a charon there (no VICI socket of a lab charon, an ssh node);
   * sim nodes keep it in their state file.
   */
  ike?: ObservedIke;
}

/** Observation of a node either succeeds with its state or fails with a per-node error. */
export type Observation =
  { node: string; ok: true; state: ObservedNode } | { node: string; ok: false; error: ObserveError };

export interface ObserveError {
  kind:
    | 'missing-binary'
    | 'permission'
    | 'unreachable'
    | 'host-key'
    | 'connection-lost'
    | 'timeout'
    | 'namespace-missing'
    | 'parse'
    | 'command-failed'
    | 'not-found';
  message: string;
  /** The command that failed, as an argument array (never a shell string). */
  command?: string[];
}
