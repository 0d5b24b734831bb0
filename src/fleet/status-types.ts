// What an agent publishes under `agents/<node>` (on its lease, so it vanishes with the
// agent): written by src/fleet/agent/heartbeat.ts, read by `tandem status --fleet`.
// Plain JSON; `version` changes only with an incompatible change.

export type AgentCondition =
  /** The node matches the desired state for what it owns. */
  | 'Ready'
  /** Working on it: a plan is being applied, a switchover or a rollout slot is awaited. */
  | 'Reconciling'
  /** The desired state is invalid or refused, or an apply failed: needs a person. */
  | 'Stalled'
  /** Renewing the lease failed: owned addresses removed (self-fencing). */
  | 'Fenced'
  /** Graceful stop under way (SIGTERM). */
  | 'Stopping';

export interface AgentOwnedAddress {
  /** RelocatableAddress name. */
  address: string;
  cidr: string;
  /** Fencing token: the owner key's create revision. */
  token: number;
  since: string;
  /** The owner's last health check of the address (link, presence, ping list), when it ran one. */
  health?: { ok: boolean; checkedAt: string; detail?: string };
  /** The interface it is on: the placement's, or its backup after local recovery. */
  iface?: string;
  /** Claimed by the desired active node (planned) or as a failover. */
  mode?: 'planned' | 'failover';
  /** The owner's last run-time transition of this address: what, why, when. */
  lastTransition?: { event: string; reason: string; at: string };
  /** What the owner does when it cannot renew its lease (docs/fleet.md, "Coordinator loss"). */
  coordinatorLoss?: 'release' | 'hold';
}

/** A CIP failover interface this node is the home or the partner of (fleet/agent/cip.ts). */
export interface AgentCipInterface {
  /** `homeNode/homeIface`: the pair, named by its home interface. */
  pair: string;
  role: 'home' | 'partner';
  /** This node's interface of the pair: the home interface, or the failover interface. */
  iface: string;
  /** It exists and has link. */
  usable: boolean;
  /** This node holds the pair's resources: the key's fencing token and since when. */
  held?: { token: number; since: string };
  /** This agent's last transition of the pair: what, why, when. */
  lastTransition?: { event: string; reason: string; at: string; token?: number };
}

export interface AgentStatus {
  version: 1;
  node: string;
  /** host:pid of the agent process. */
  agent: string;
  pid: number;
  host: string;
  /** Lease id (decimal string) and its TTL in seconds. */
  lease: string;
  ttlS: number;
  startedAt: string;
  /** When this status was written (the heartbeat). */
  heartbeatAt: string;
  /** Where the desired state is read: a folder, or repo@ref:path. */
  source: string;
  /** Commit converged on (git source), and the desired state's digest. */
  revision?: string;
  digest?: string;
  condition: AgentCondition;
  message: string;
  owned: AgentOwnedAddress[];
  /**
   * Addresses whose placement on this node fails its checks (or did within the hold-down):
   * the other placements do not wait for this node to claim them.
   */
  unhealthy?: string[];
  /** CIP failover interfaces of this node: link, holding, last transition. */
  cip?: AgentCipInterface[];
  /** Result of the last convergence pass and when it ended. */
  lastPass?: { result: string; at: string; durationMs: number };
}
