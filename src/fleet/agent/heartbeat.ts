// The agent's status under `agents/<node>`, put on its lease: it disappears with the
// lease, so a present key means a live agent (or one within its TTL). Written after
// every pass and at least every `everyMs` in between.
import { hostname } from 'node:os';
import { parseCidr } from '../../model/ip.js';
import type { EtcdClient } from '../etcd/client.js';
import { agentKey } from '../keys.js';
import type { AgentCipInterface, AgentCondition, AgentOwnedAddress, AgentStatus } from '../status-types.js';
import { coordinatorLossOf } from './coordinator-loss.js';
import type { Desired } from './desired.js';
import type { OwnerRecord } from './ownership.js';

export interface HeartbeatState {
  condition: AgentCondition;
  message: string;
  revision?: string;
  digest?: string;
  owned: AgentOwnedAddress[];
  unhealthy?: string[];
  cip?: AgentCipInterface[];
  lastPass?: AgentStatus['lastPass'];
}

type Transition = NonNullable<AgentOwnedAddress['lastTransition']>;

/**
 * What the heartbeat reports: each owned address with what the last pass's run-time step
 * said of it (health, interface, mode), its last transition (the run-time step's or the
 * coordinator-loss hold's, whichever is later) and its coordinator-loss policy.
 */
export function heartbeatState(s: {
  condition: AgentCondition;
  message: string;
  desired: Desired;
  owned: ReadonlyMap<string, OwnerRecord>;
  report: { owned: readonly AgentOwnedAddress[]; unhealthy: string[] };
  holdTransitions: ReadonlyMap<string, Transition>;
  cip: AgentCipInterface[];
  last?: { outcome: string; durationMs: number };
}): HeartbeatState {
  const d = s.desired;
  return {
    condition: s.condition,
    message: s.message,
    ...(d.commit ? { revision: d.commit } : {}),
    digest: d.digest,
    owned: [...s.owned].map(([name, rec]) => {
      const reported = s.report.owned.find((o) => o.address === name && o.token === rec.token);
      const reloc = d.model.relocatables.find((r) => r.name === name);
      const held = s.holdTransitions.get(name);
      const lastTransition =
        held && (!reported?.lastTransition || held.at > reported.lastTransition.at) ? held : reported?.lastTransition;
      return {
        ...reported,
        ...(lastTransition ? { lastTransition } : {}),
        ...(reloc ? { coordinatorLoss: coordinatorLossOf(reloc.doc, d.model.cluster?.doc) } : {}),
        address: name,
        cidr: parseCidr(reloc?.doc.spec.address ?? '')?.cidr ?? '',
        token: rec.token,
        since: rec.since,
      };
    }),
    unhealthy: s.report.unhealthy,
    cip: s.cip,
    ...(s.last
      ? {
          lastPass: {
            result: s.last.outcome,
            at: new Date().toISOString(),
            durationMs: Math.round(s.last.durationMs),
          },
        }
      : {}),
  };
}

export function agentId(): string {
  return `${hostname()}:${process.pid}`;
}

export class Heartbeat {
  readonly startedAt = new Date().toISOString();
  state: HeartbeatState = { condition: 'Reconciling', message: 'starting', owned: [] };

  constructor(
    private readonly client: EtcdClient,
    readonly cluster: string,
    readonly node: string,
    readonly source: string,
  ) {}

  status(lease: string, ttlS: number): AgentStatus {
    return {
      version: 1,
      node: this.node,
      agent: agentId(),
      pid: process.pid,
      host: hostname(),
      lease,
      ttlS,
      startedAt: this.startedAt,
      heartbeatAt: new Date().toISOString(),
      source: this.source,
      ...(this.state.revision ? { revision: this.state.revision } : {}),
      ...(this.state.digest ? { digest: this.state.digest } : {}),
      condition: this.state.condition,
      message: this.state.message,
      owned: this.state.owned,
      ...(this.state.unhealthy?.length ? { unhealthy: this.state.unhealthy } : {}),
      ...(this.state.cip?.length ? { cip: this.state.cip } : {}),
      ...(this.state.lastPass ? { lastPass: this.state.lastPass } : {}),
    };
  }

  async beat(lease: string, ttlS: number): Promise<void> {
    await this.client.put(agentKey(this.cluster, this.node), JSON.stringify(this.status(lease, ttlS)), { lease });
  }
}
