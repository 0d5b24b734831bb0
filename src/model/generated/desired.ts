/* GENERATED from schema/tandem.schema.json by `npm run gen:types`. Do not edit by hand. */

/**
 * One document of a tandem desired-state environment (apiVersion tandem/v1).
 */
export type TandemDocument =
  | ClusterDocument
  | NodeDocument
  | RelocatableAddressDocument
  | IPsecPolicyDocument
  | IKEConnectionDocument;
/**
 * An IPv4 or IPv6 network prefix, e.g. 192.0.2.0/24 or 2001:db8::/64.
 */
export type Prefix = string;
/**
 * An IPv4 or IPv6 address without prefix length, e.g. 192.0.2.1 or 2001:db8::1.
 */
export type IpAddress = string;
/**
 * Fleet mode: what the owner's agent does with the address when it cannot renew its etcd lease. release (default): removes it before the lease can have expired (self-fencing). hold: keeps it while the other placements' nodes answer a ping from it, and removes it as soon as none answers or etcd says the lease expired; needs the uniqueness check (RA012). docs/fleet.md, "Coordinator loss".
 */
export type CoordinatorLoss = 'release' | 'hold';
/**
 * A Linux interface name: 1 to 15 characters of letters, digits, '_', '.' and '-' (the kernel limit is 15 bytes; '/', ':' and whitespace are never allowed), not '.' or '..'.
 */
export type InterfaceName = string;
/**
 * An IPv4 or IPv6 address with its prefix length, e.g. 192.0.2.10/24 or 2001:db8::10/64.
 */
export type Cidr = string;
/**
 * A link-layer (MAC) address, six colon-separated hex octets, e.g. 02:00:00:00:00:01.
 */
export type MacAddress = string;
/**
 * An object name: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters (a DNS label). Names are used in file names and kernel labels, so nothing else is allowed.
 */
export type Name = string;
/**
 * Where IPsec key material is found at apply time: a mapping with exactly one of env or file. The key itself is never written here. The schema accepts any value so that IPSEC011, not a schema error, refuses a literal key (a string or number in place of the mapping, a value, psk or secret field, key material in env or file): its message never shows the value.
 */
export type KeyReference =
  | {
      /**
       * Name of an environment variable that holds the key: upper-case letters, digits and '_' (IPSEC011).
       */
      env?: {} | string | number | boolean | unknown[] | null;
      /**
       * Absolute path of a file outside the repository that holds the key (IPSEC007).
       */
      file?: {} | string | number | boolean | unknown[] | null;
    }
  | string
  | number
  | boolean
  | unknown[]
  | null;
/**
 * A strongSwan proposal: algorithm keywords joined by '-' (e.g. aes256gcm16-prfsha384-ecp384, aes128-sha256-modp2048, chacha20poly1305-prfsha256-x25519). Checked against RFC 8247 (IKE) and RFC 8221 (ESP) by the IKE rules (docs/ipsec.md).
 */
export type IKEProposal = string;

/**
 * One per environment: segments, defaults, rollout limits.
 */
export interface ClusterDocument {
  /**
   * Format version of the document.
   */
  apiVersion: 'tandem/v1';
  /**
   * Kind of the document.
   */
  kind: 'Cluster';
  metadata: Metadata;
  spec: ClusterSpec;
}
/**
 * Identifies the document.
 */
export interface Metadata {
  /**
   * Name of the object, unique per kind within the environment.
   */
  name: string;
  /**
   * Free-form labels for selection and display.
   */
  labels?: {
    [k: string]: string | undefined;
  };
  /**
   * Human description, shown in plans.
   */
  description?: string;
}
/**
 * Cluster-wide settings.
 */
export interface ClusterSpec {
  /**
   * Physical networks of the cluster.
   */
  segments: Segment[];
  defaults?: ClusterDefaults;
  rollout?: Rollout;
  /**
   * Delete objects tandem created earlier that are no longer desired. Objects tandem did not create are never deleted.
   */
  prune?: boolean;
}
/**
 * A physical network (broadcast domain) and the subnets that live on it.
 */
export interface Segment {
  /**
   * Segment name, referenced by interfaces.
   */
  name: string;
  /**
   * Subnets carried on this segment.
   *
   * @minItems 1
   */
  subnets: [Prefix, ...Prefix[]];
  /**
   * Human description.
   */
  description?: string;
}
/**
 * Defaults applied to every relocatable address unless it overrides them.
 */
export interface ClusterDefaults {
  gratuitousArp?: GratuitousArp;
  uniquenessCheck?: UniquenessCheck;
  health?: HealthCheck;
  coordinatorLoss?: CoordinatorLoss;
  /**
   * true: tandem sets net.ipv4.conf.<interface>.promote_secondaries=1 on every interface of every Node document (a drift is a plan step, set before any address of the node is removed, and verified), so removing a primary IPv4 address promotes a secondary of its subnet instead of deleting it. false or absent: tandem leaves the sysctl as the node has it; plans read the observed value either way (an `all` of 1 counts as on).
   */
  promoteSecondaries?: boolean;
}
/**
 * Gratuitous ARP sent after an IPv4 address is brought up on a node, so neighbours update their caches (LifeKeeper IP Recovery Kit).
 */
export interface GratuitousArp {
  /**
   * Number of gratuitous ARP packets; 0 disables them.
   */
  count?: number;
  /**
   * Milliseconds between two packets.
   */
  intervalMs?: number;
}
/**
 * Check, before bringing an address up, that no other host on the segment answers for it (arping -D for IPv4, DAD for IPv6).
 */
export interface UniquenessCheck {
  /**
   * Whether the check runs. Disable only where duplicate-address probes are filtered.
   */
  enabled?: boolean;
  /**
   * How long to wait for an answer before the address is considered unused.
   */
  timeoutMs?: number;
}
/**
 * Health checks of an address: link state, address presence, ping.
 */
export interface HealthCheck {
  /**
   * Check that the interface carrying the address has link (default true).
   */
  link?: boolean;
  ping?: PingCheck;
  /**
   * How often the agent checks.
   */
  intervalSeconds?: number;
}
/**
 * Ping-based health check of a relocatable address (LifeKeeper: ping list or broadcast ping).
 */
export interface PingCheck {
  /**
   * Addresses to ping from the address; the check passes when at least one answers. Must not be addresses of the cluster's own nodes.
   *
   * @maxItems 32
   */
  list?: IpAddress[];
  /**
   * Ping the subnet broadcast address instead of a list (IPv4 only).
   */
  broadcast?: boolean;
  /**
   * Echo requests per target.
   */
  count?: number;
  /**
   * Time allowed for an answer.
   */
  timeoutMs?: number;
}
/**
 * How changes are rolled out across nodes.
 */
export interface Rollout {
  /**
   * At most this many nodes change in one wave.
   */
  maxNodesPerWave?: number;
  /**
   * How many nodes are observed or changed at once.
   */
  parallelism?: number;
}
/**
 * A node: how to reach it and its interfaces.
 */
export interface NodeDocument {
  /**
   * Format version of the document.
   */
  apiVersion: 'tandem/v1';
  /**
   * Kind of the document.
   */
  kind: 'Node';
  metadata: Metadata;
  spec: NodeSpec;
}
/**
 * A cluster node.
 */
export interface NodeSpec {
  /**
   * Provider (CIP) the node belongs to; failover partners must share it (NonStop CIP manual).
   */
  provider?: string;
  connection: Connection;
  /**
   * Management address: tandem's way in. Never removed by a plan; relocatable addresses may not sit on it.
   */
  management?: string;
  /**
   * Kernel settings tandem expects on this node (checked, reported as drift).
   */
  sysctl?: {
    [k: string]: string | number | undefined;
  };
  /**
   * Interfaces of the node.
   */
  interfaces: Interface[];
}
/**
 * How tandem reaches the node to observe and change it.
 */
export interface Connection {
  /**
   * sim: a file-backed simulated node; local: this machine; netns: a network namespace on this machine; ssh: a remote host.
   */
  transport: 'sim' | 'local' | 'netns' | 'ssh';
  /**
   * Network namespace name (transport netns).
   */
  namespace?: string;
  /**
   * Host name or address (transport ssh).
   */
  host?: string;
  /**
   * Remote user (transport ssh).
   */
  user?: string;
  /**
   * SSH port.
   */
  port?: number;
  /**
   * Path of the SSH private key (transport ssh); never inside the repository.
   */
  identityFile?: string;
  /**
   * Known-hosts file pinning the host key (transport ssh): relative to the environment folder, or absolute. When set, it is the only file ssh reads host keys from; an unknown or changed key is refused (docs/ssh.md).
   */
  knownHosts?: string;
  /**
   * Verify the host key (default true). Disable only for throw-away lab hosts.
   */
  strictHostKeyChecking?: boolean;
  /**
   * SSH connect timeout.
   */
  connectTimeoutSeconds?: number;
}
/**
 * A network interface of a node and what it carries.
 */
export interface Interface {
  name: InterfaceName;
  /**
   * Interface type.
   */
  type: 'physical' | 'bond' | 'loopback' | 'tunnel';
  /**
   * Desired administrative state (default up). An interface with failover held down suppresses failover (CIP ifstop, NonStop CIP manual).
   */
  state?: 'up' | 'down';
  /**
   * Desired MTU.
   */
  mtu?: number;
  /**
   * Segment (physical network) the interface is cabled to.
   */
  segment?: string;
  /**
   * Static addresses of this interface, with prefix length. The first IPv4 address of a subnet is the primary.
   */
  addresses?: Cidr[];
  /**
   * Static routes through this interface.
   */
  routes?: Route[];
  /**
   * Permanent ARP/NDP entries on this interface.
   */
  neighbors?: Neighbor[];
  failover?: FailoverTarget;
  bond?: Bond;
  tunnel?: Tunnel;
}
/**
 * A static route through this interface. Static routes move with the interface on failover (NonStop CIP manual).
 */
export interface Route {
  /**
   * Destination prefix (e.g. 203.0.113.0/24) or 'default'.
   */
  to: (
    | 'default'
    | {
        [k: string]: unknown | undefined;
      }
  ) &
    string;
  /**
   * An IPv4 or IPv6 address without prefix length, e.g. 192.0.2.1 or 2001:db8::1.
   */
  via?: string;
  /**
   * Route metric (priority).
   */
  metric?: number;
  /**
   * Routing table id (default main, 254).
   */
  table?: number;
}
/**
 * A permanent (static) ARP or NDP entry on this interface.
 */
export interface Neighbor {
  address: IpAddress;
  lladdr: MacAddress;
}
/**
 * The partner interface on another node that takes over this interface's resources (addresses, static routes, tunnels) when it fails (NonStop CIP manual).
 */
export interface FailoverTarget {
  /**
   * Failover node; must differ from this node and share its provider.
   */
  node: string;
  /**
   * A Linux interface name: 1 to 15 characters of letters, digits, '_', '.' and '-' (the kernel limit is 15 bytes; '/', ':' and whitespace are never allowed), not '.' or '..'.
   */
  interface: string;
}
/**
 * Bond settings (intra-node failover, NonStop CIP manual).
 */
export interface Bond {
  /**
   * Bonding mode.
   */
  mode:
    | 'active-backup'
    | 'balance-rr'
    | 'balance-xor'
    | 'broadcast'
    | '802.3ad'
    | 'balance-tlb'
    | 'balance-alb';
  /**
   * Physical interfaces of the same node enslaved to this bond. Slaves carry no addresses and have no failover of their own.
   *
   * @minItems 1
   */
  slaves: [InterfaceName, ...InterfaceName[]];
  /**
   * Link monitoring interval.
   */
  miimonMs?: number;
}
/**
 * IPv6-over-IPv4 (or other) tunnel settings. A tunnel has no failover of its own: it follows the interface holding its local address (NonStop CIP manual).
 */
export interface Tunnel {
  /**
   * Tunnel mode; sit carries IPv6 over IPv4.
   */
  mode: 'sit' | 'ipip' | 'gre' | 'ip6tnl';
  /**
   * An IPv4 or IPv6 address without prefix length, e.g. 192.0.2.1 or 2001:db8::1.
   */
  local: string;
  /**
   * An IPv4 or IPv6 address without prefix length, e.g. 192.0.2.1 or 2001:db8::1.
   */
  remote: string;
  /**
   * TTL of the outer header.
   */
  ttl?: number;
}
/**
 * An address that lives on one node at a time.
 */
export interface RelocatableAddressDocument {
  /**
   * Format version of the document.
   */
  apiVersion: 'tandem/v1';
  /**
   * Kind of the document.
   */
  kind: 'RelocatableAddress';
  metadata: Metadata;
  spec: RelocatableAddressSpec;
}
/**
 * An address that lives on one node at a time and moves between placements.
 */
export interface RelocatableAddressSpec {
  address: Cidr;
  /**
   * Node where the address should be active. Changing it in a pull request is a switchover.
   */
  active: string;
  /**
   * After the HA layer moved the address: intelligent leaves it there until an operator moves it; automatic moves it home when the home node is healthy (LifeKeeper switchback types).
   */
  switchback?: 'intelligent' | 'automatic';
  /**
   * Where the address may live.
   *
   * @minItems 1
   */
  placements: [Placement, ...Placement[]];
  health?: HealthCheck;
  /**
   * IPv4: while the address is on a node, its subnet's connected route there (proto kernel, scope link) carries `src` this address, so traffic the node starts to that subnet leaves from it (LifeKeeper's source address setting). Before the address leaves the node, the route's source goes back to the interface's primary address, in the same batch. At most one per subnet per node (RA007). No effect on IPv6 addresses or /32 addresses.
   */
  sourceAddress?: boolean;
  uniquenessCheck?: UniquenessCheck;
  coordinatorLoss?: CoordinatorLoss;
  gratuitousArp?: GratuitousArp;
  /**
   * Other relocatable addresses that must be active on the same node first.
   */
  dependsOn?: Name[];
}
/**
 * A node and interface where a relocatable address may live (LifeKeeper: a resource on a server in the hierarchy).
 */
export interface Placement {
  /**
   * Node name.
   */
  node: string;
  /**
   * A Linux interface name: 1 to 15 characters of letters, digits, '_', '.' and '-' (the kernel limit is 15 bytes; '/', ':' and whitespace are never allowed), not '.' or '..'.
   */
  interface: string;
  /**
   * A Linux interface name: 1 to 15 characters of letters, digits, '_', '.' and '-' (the kernel limit is 15 bytes; '/', ':' and whitespace are never allowed), not '.' or '..'.
   */
  backupInterface?: string;
  /**
   * Priority: 1 is highest. Unique within the address.
   */
  priority: number;
  /**
   * Label suffix; the address shows as <interface>:<label>, which must fit in 15 bytes.
   */
  label?: string;
}
/**
 * An IPsec security policy.
 */
export interface IPsecPolicyDocument {
  /**
   * Format version of the document.
   */
  apiVersion: 'tandem/v1';
  /**
   * Kind of the document.
   */
  kind: 'IPsecPolicy';
  metadata: Metadata;
  spec: IPsecPolicySpec;
}
/**
 * A security policy (an XFRM policy on Linux).
 */
export interface IPsecPolicySpec {
  selector: IPsecSelector;
  /**
   * Directions the policy applies to.
   *
   * @minItems 1
   */
  directions: ['in' | 'out' | 'fwd', ...('in' | 'out' | 'fwd')[]];
  /**
   * protect: apply IPsec; allow: pass in clear; block: drop.
   */
  action: 'protect' | 'allow' | 'block';
  /**
   * IPsec protocol (action protect).
   */
  protocol?: 'esp' | 'ah';
  /**
   * IPsec mode (action protect).
   */
  mode?: 'transport' | 'tunnel';
  /**
   * Whether an SA is required (default required).
   */
  level?: 'required' | 'use' | 'unique';
  tunnel?: IPsecTunnelEndpoints;
  /**
   * Precedence: a lower number wins when selectors overlap.
   */
  priority?: number;
  appliesTo: IPsecAppliesTo;
  keys?: KeyReference;
}
/**
 * Traffic selector: which packets the policy matches.
 */
export interface IPsecSelector {
  /**
   * An IPv4 or IPv6 network prefix, e.g. 192.0.2.0/24 or 2001:db8::/64.
   */
  source: string;
  /**
   * An IPv4 or IPv6 network prefix, e.g. 192.0.2.0/24 or 2001:db8::/64.
   */
  destination: string;
  /**
   * Upper-layer protocol (default any).
   */
  protocol?: 'any' | 'tcp' | 'udp' | 'icmp' | 'ipv6-icmp' | 'sctp';
  /**
   * Source port (tcp, udp, sctp).
   */
  sourcePort?: number;
  /**
   * Destination port (tcp, udp, sctp).
   */
  destinationPort?: number;
}
/**
 * Outer endpoints (mode tunnel).
 */
export interface IPsecTunnelEndpoints {
  source: IpAddress;
  destination: IpAddress;
}
/**
 * Where the policy is installed.
 */
export interface IPsecAppliesTo {
  /**
   * Nodes by name.
   */
  nodes?: Name[];
  /**
   * An object name: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters (a DNS label). Names are used in file names and kernel labels, so nothing else is allowed.
   */
  relocatableAddress?: string;
}
/**
 * An IKE connection (strongSwan, IKEv2): rendered to swanctl.conf and loaded over VICI on every node that carries it.
 */
export interface IKEConnectionDocument {
  /**
   * Format version of the document.
   */
  apiVersion: 'tandem/v1';
  /**
   * Kind of the document.
   */
  kind: 'IKEConnection';
  metadata: Metadata;
  spec: IKEConnectionSpec;
}
/**
 * An IKE connection negotiated by strongSwan's charon: the SAs that key the traffic its children select.
 */
export interface IKEConnectionSpec {
  /**
   * IKE version (default 2). IKEv1 is deprecated and reported (IKE009).
   */
  version?: 1 | 2;
  appliesTo: IKEAppliesTo;
  local: IKEEndpoint;
  remote: IKEEndpoint;
  /**
   * IKE proposals in order of preference (strongSwan syntax): encryption, integrity (none with AEAD), PRF, DH group.
   *
   * @minItems 1
   * @maxItems 32
   */
  ikeProposals: [IKEProposal, ...IKEProposal[]];
  psk?: KeyReference;
  dpd?: IKEDeadPeerDetection;
  /**
   * IKE_SA rekey time in seconds (swanctl rekey_time; default 14400).
   */
  rekeySeconds?: number;
  /**
   * IKE_SA reauthentication time in seconds (swanctl reauth_time; default 0, off).
   */
  reauthSeconds?: number;
  /**
   * Hard IKE_SA lifetime beyond rekey/reauth time (swanctl over_time; default 10 % of the larger).
   */
  overSeconds?: number;
  /**
   * The CHILD_SAs.
   *
   * @minItems 1
   * @maxItems 64
   */
  children: [IKEChild, ...IKEChild[]];
}
/**
 * Which nodes carry the connection: exactly one of nodes or relocatableAddress.
 */
export interface IKEAppliesTo {
  /**
   * Nodes by name.
   *
   * @minItems 1
   */
  nodes?: [Name, ...Name[]];
  /**
   * An object name: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters (a DNS label). Names are used in file names and kernel labels, so nothing else is allowed.
   */
  relocatableAddress?: string;
}
/**
 * One end of an IKE connection: local is the node carrying the connection, remote the peer.
 */
export interface IKEEndpoint {
  /**
   * An IPv4 or IPv6 address without prefix length, e.g. 192.0.2.1 or 2001:db8::1.
   */
  address: string;
  /**
   * IKE identity (swanctl `id`): an address, FQDN, user@FQDN or distinguished name. Default: the address.
   */
  id?: string;
  /**
   * Authentication method of this end (swanctl `auth`): psk (the connection's psk reference), or a signature with certificates: pubkey (any key type), rsa, rsa/pss, ecdsa, ed25519, ed448, optionally with the signature hash (e.g. rsa/pss-sha256). Checked against RFC 8247 section 4 (IKE002, IKE003).
   */
  auth: string;
  certificate?: IKECertificateReference;
  caCertificate?: IKECaReference;
}
/**
 * auth pubkey, local end: the certificate of this end, in PEM or DER, in a file on the node (never in the repository). Its private key is loaded into charon separately (swanctl private folder or VICI load-key).
 */
export interface IKECertificateReference {
  /**
   * Absolute path of the certificate file on the node, outside the repository (IKE011).
   */
  file: string;
}
/**
 * auth pubkey, remote end: the CA certificate the peer's certificate must chain to, in a file on the node.
 */
export interface IKECaReference {
  /**
   * Absolute path of the CA certificate file on the node, outside the repository (IKE011).
   */
  file: string;
}
/**
 * Dead peer detection.
 */
export interface IKEDeadPeerDetection {
  /**
   * Interval of liveness checks when no traffic was seen (swanctl dpd_delay).
   */
  delaySeconds: number;
  /**
   * What to do with the CHILD_SAs when the peer is dead (swanctl dpd_action; default clear).
   */
  action?: 'clear' | 'restart' | 'trap';
}
/**
 * A CHILD_SA of the connection (a swanctl `children` entry): the traffic it protects with ESP.
 */
export interface IKEChild {
  /**
   * An object name: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters (a DNS label). Names are used in file names and kernel labels, so nothing else is allowed.
   */
  name: string;
  /**
   * IPsec mode (default tunnel, as strongSwan's).
   */
  mode?: 'tunnel' | 'transport';
  /**
   * Local traffic selectors (prefixes). Default: the local address as a host prefix.
   *
   * @minItems 1
   * @maxItems 64
   */
  localTs?: [Prefix, ...Prefix[]];
  /**
   * Remote traffic selectors (prefixes). Default: the remote address as a host prefix.
   *
   * @minItems 1
   * @maxItems 64
   */
  remoteTs?: [Prefix, ...Prefix[]];
  /**
   * ESP proposals in order of preference (strongSwan syntax, e.g. aes256gcm16-ecp384); a DH group here enables PFS on rekeying.
   *
   * @minItems 1
   * @maxItems 32
   */
  espProposals: [IKEProposal, ...IKEProposal[]];
  /**
   * What charon does once the connection is loaded: none (wait for the peer), trap (install policies, negotiate on first packet), start (initiate now). Default trap.
   */
  startAction?: 'none' | 'trap' | 'start';
  /**
   * What charon does when the peer closes the CHILD_SA (default none).
   */
  closeAction?: 'none' | 'trap' | 'start';
  /**
   * CHILD_SA rekey time in seconds (swanctl rekey_time; default 3600).
   */
  rekeySeconds?: number;
  /**
   * Hard CHILD_SA lifetime in seconds (swanctl life_time; default rekeySeconds plus 10 %); must exceed rekeySeconds.
   */
  lifeSeconds?: number;
}
