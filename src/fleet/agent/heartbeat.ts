// The agent's status under `agents/<node>`, put on its lease: it disappears with the
// lease, so a present key means a live agent (or one within its TTL). Written after
// every pass and at least every `everyMs` in between.
import { hostname } from 'node:os';
import type { EtcdClient } from '../etcd/client.js';
import { agentKey } from '../keys.js';
import type { AgentCipInterface, AgentCondition, AgentOwnedAddress, AgentStatus } from '../status-types.js';

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
