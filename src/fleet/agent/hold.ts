// The agent's side of coordinator loss `hold` (coordinator-loss.ts decides per address):
// which owned addresses stay on the node once the lease deadline passes, the partner
// pings every PARTNER_CHECK_MS while they are held, dropping an address as soon as no
// partner answers, and how each hold ended (etcd answered and the lease was still ours,
// or the lease had expired). Every step is an audit line with the fencing token and a
// log line; the last one is reported in the heartbeat once etcd can be written again.
import type { WritableNode } from '../../apply/writable-node.js';
import type { AgentAudit } from './audit.js';
import { relocatablesHeld } from './converge.js';
import { coordinatorLossOf, holdVerdicts, type HoldVerdict } from './coordinator-loss.js';
import type { Desired } from './desired.js';
import { removeRelocatables, type HeldAddress } from './fence.js';

export interface HoldContext {
  node: string;
  writer: () => WritableNode;
  desired: () => Desired;
  audit: AgentAudit;
  log: (line: string) => void;
}

interface Held {
  token?: number;
  since: string;
  sinceMs: number;
}

export class CoordinatorHold {
  readonly held = new Map<string, Held>();
  /** The last hold transition of each address, for the heartbeat's lastTransition. */
  readonly transitions = new Map<string, { event: string; reason: string; at: string }>();

  constructor(private readonly c: HoldContext) {}

  /** Names among `owned` whose policy is hold. */
  holdable(owned: Iterable<string>): string[] {
    const d = this.c.desired();
    return [...owned].filter((name) => {
      const r = d.model.relocatables.find((x) => x.name === name);
      return r !== undefined && coordinatorLossOf(r.doc, d.model.cluster?.doc) === 'hold';
    });
  }

  private note(name: string, event: 'agent-hold' | 'agent-hold-end', reason: string, token?: number): void {
    this.transitions.set(name, { event, reason, at: new Date().toISOString() });
    this.c.audit.record({
      event,
      address: name,
      ...(token !== undefined ? { fencing: token } : {}),
      detail: { reason },
    });
    this.c.log(`${name}: ${event}${token !== undefined ? ` (fencing token ${token})` : ''}: ${reason}`);
  }

  /**
   * At the fencing deadline: each candidate stays while a partner answers; the others are
   * removed now. Returns the names kept.
   */
  async begin(
    candidates: readonly string[],
    lastHeld: readonly HeldAddress[],
    tokens: ReadonlyMap<string, number>,
  ): Promise<string[]> {
    let where = lastHeld;
    if (candidates.some((n) => !lastHeld.some((h) => h.name === n))) {
      // Not seen by the last pass (one still running, or it could not observe): look now.
      const obs = await this.c.writer().observe();
      if (obs.ok) where = relocatablesHeld(this.c.desired(), obs);
    }
    const heldOn = new Map(where.map((h) => [h.name, h.iface]));
    const verdicts = await holdVerdicts(this.c.writer(), this.c.desired().model, this.c.node, candidates, heldOn);
    await this.drop(
      verdicts.filter((v) => !v.hold),
      lastHeld,
      tokens,
    );
    const now = performance.now();
    for (const v of verdicts.filter((x) => x.hold)) {
      const token = tokens.get(v.name);
      this.held.set(v.name, {
        ...(token !== undefined ? { token } : {}),
        since: new Date().toISOString(),
        sinceMs: now,
      });
      this.note(
        v.name,
        'agent-hold',
        `etcd unreachable, lease not renewed: held without coordinator (${v.why})`,
        token,
      );
    }
    return [...this.held.keys()];
  }

  /** While holding: the partners pinged again; an address none answers for is removed now. */
  async recheck(): Promise<void> {
    if (this.held.size === 0) return;
    const d = this.c.desired();
    const writer = this.c.writer();
    const obs = await writer.observe();
    const where = obs.ok ? relocatablesHeld(d, obs) : [];
    const heldOn = new Map(where.map((h) => [h.name, h.iface]));
    const verdicts = await holdVerdicts(writer, d.model, this.c.node, this.held.keys(), heldOn);
    const tokens = new Map([...this.held].flatMap(([n, h]) => (h.token !== undefined ? [[n, h.token] as const] : [])));
    await this.drop(
      verdicts.filter((v) => !v.hold),
      where,
      tokens,
    );
  }

  private async drop(
    verdicts: readonly HoldVerdict[],
    lastHeld: readonly HeldAddress[],
    tokens: ReadonlyMap<string, number>,
  ): Promise<void> {
    if (verdicts.length === 0) return;
    const names = new Set(verdicts.map((v) => v.name));
    const r = await removeRelocatables(this.c.writer(), this.c.desired().model, names, lastHeld);
    for (const v of verdicts) {
      const was = this.held.get(v.name);
      this.held.delete(v.name);
      const left = r.remaining.find((x) => x.startsWith(`${v.name} `));
      const reason =
        `no partner reachable without coordinator (${v.why}): ` +
        (left ? `removal FAILED, still held: ${left}${r.error ? ` (${r.error})` : ''}` : 'removed');
      if (was) this.note(v.name, 'agent-hold-end', reason, was.token);
      else {
        this.c.audit.record({
          event: 'agent-fence',
          address: v.name,
          ...(tokens.has(v.name) ? { fencing: tokens.get(v.name) } : {}),
          result: left ? 'failed' : 'ok',
          detail: { reason, durationMs: Math.round(r.durationMs) },
        });
        this.c.log(`${v.name}: not held: ${reason}`);
      }
    }
  }

  /** The hold ended: `resumed` (a renewal succeeded, the keys are still ours) or `lost` (the lease expired). */
  end(how: 'resumed' | 'lost', detail: string): void {
    const now = performance.now();
    for (const [name, h] of this.held) {
      const s = ((now - h.sinceMs) / 1000).toFixed(1);
      this.note(
        name,
        'agent-hold-end',
        how === 'resumed'
          ? `held without coordinator from ${h.since} for ${s} s; etcd answered again and the lease is still ours: kept`
          : `held without coordinator from ${h.since} for ${s} s; ${detail}: removing it`,
        h.token,
      );
    }
    this.held.clear();
  }
}
