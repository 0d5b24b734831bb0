// The agent's lines in the audit log ($TANDEM_STATE_DIR/audit.ndjson, shared with apply
// and reconcile): its own events (lease, claims, releases, fencing) and the events of the
// applies it runs, each carrying the fencing token of every owned address it concerns.
// Appended synchronously: a line about to be acted on is on disk before the act.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditEvent } from '../../apply/index.js';

export interface AgentEvent {
  event:
    | 'agent-start'
    | 'agent-lease'
    | 'agent-claim'
    // A restarted agent taking over its node's key from its previous lease (ownership.ts adopt).
    | 'agent-adopt'
    | 'agent-release'
    | 'agent-lost'
    | 'agent-grace'
    | 'agent-remove'
    | 'agent-fence'
    | 'agent-stop'
    | 'agent-slot'
    | 'agent-converge'
    // Run-time transitions (runtime-step.ts): each with its reason in `detail`.
    | 'agent-local-recovery'
    | 'agent-back-to-primary'
    | 'agent-failover-release'
    | 'agent-switchback'
    // CIP interface failover (cip-step.ts): `address` is the pair, homeNode/homeIface.
    | 'agent-cip-claim'
    | 'agent-cip-release'
    | 'agent-cip-lost'
    // Coordinator loss hold (coordinator-loss.ts): kept without etcd, and how that ended.
    | 'agent-hold'
    | 'agent-hold-end';
  address?: string;
  /** The owner key's create revision the act was done under. */
  fencing?: number;
  result?: string;
  error?: string;
  detail?: unknown;
}

export class AgentAudit {
  private ready = false;

  constructor(
    readonly file: string | undefined,
    readonly node: string,
    readonly agent: string,
    private readonly echo?: (line: string) => void,
  ) {}

  private append(obj: object): void {
    if (!this.file) return;
    if (!this.ready) {
      mkdirSync(dirname(this.file), { recursive: true });
      this.ready = true;
    }
    appendFileSync(this.file, JSON.stringify(obj) + '\n');
  }

  record(e: AgentEvent): void {
    this.append({ time: new Date().toISOString(), node: this.node, agent: this.agent, ...e });
  }

  /**
   * An apply's event with the fencing tokens it concerns: a step's own address, or for
   * events of the whole apply, every owned address of the plan (`fencing` by address key).
   */
  applyEvent(e: AuditEvent, byKey: ReadonlyMap<string, number>): void {
    let fencing: unknown;
    if (e.step) {
      const key = e.step.slice(e.step.indexOf(':') + 1);
      fencing = byKey.get(key);
    } else if (byKey.size) {
      fencing = Object.fromEntries(byKey);
    }
    this.append({ ...e, agent: this.agent, ...(fencing === undefined ? {} : { fencing }) });
    this.echo?.(
      `${e.event}${e.node ? ` ${e.node}` : ''}${e.step ? ` ${e.step}` : ''}${e.result ? ` ${e.result}` : ''}` +
        (e.error ? `: ${e.error}` : ''),
    );
  }
}
