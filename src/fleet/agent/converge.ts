// One convergence pass of the agent's own node: observe it through its own transport,
// plan it alone with etcd ownership deciding the relocatable addresses (an address is
// on this node iff this node owns its key: diff/placement.ts, decideFleetPlacement),
// then, if anything is to change, take the node's lock in etcd and the rollout slots of
// its pairs, and run the ordinary applyPlan: gate, uniqueness check, batches, verify,
// rollback, GARP. Static configuration of the node converges the same way.
import { applyPlan, type ApplyResult, type WritableNode } from '../../apply/index.js';
import type { CipPlacement } from '../../diff/cip-intent.js';
import { addressKey } from '../../diff/objects.js';
import { hostPart, parseCidr } from '../../model/ip.js';
import type { DriverOptions } from '../../observe/drivers/index.js';
import type { Inventory, Observation } from '../../observe/model.js';
import { planOutcome, type PlanDocument } from '../../plan/document.js';
import { planEnvironment } from '../../plan/index.js';
import type { AgentAudit } from './audit.js';
import type { Desired } from './desired.js';
import type { HeldAddress } from './fence.js';

export type PassOutcome = 'nothing-to-do' | 'applied' | 'refused' | 'failed' | 'locked' | 'held-back';

/** Exclusion taken for the apply: the node's lock and the pair slots; `release` undoes all. */
export type Exclusion =
  | { ok: true; release: () => Promise<void> }
  /** `waitKey`: the etcd key whose deletion frees the way (a node lock or a rollout slot). */
  | { ok: false; message: string; waitKey?: string };

/** The node's apply lock in etcd (src/fleet/locks.ts), taken around each apply. */
export type NodeLocker = (a: {
  cluster: string;
  node: string;
  lease: string;
  plan: PlanDocument;
}) => Promise<Exclusion>;

export interface PassInput {
  desired: Desired;
  node: string;
  writer: WritableNode;
  /** Owned names -> fencing token: the addresses this node may hold. */
  tokens: ReadonlyMap<string, number>;
  /** Owned names -> the interface each goes on (local recovery). */
  ifaces?: ReadonlyMap<string, string>;
  /** CIP failover interfaces: where each pair's resources go (cip-step.ts). */
  cip?: CipPlacement;
  /** The node as observed at the start of the pass (observed here when absent). */
  observed?: Observation;
  /** Names held here without owning: left alone while their announced grace runs. */
  grace: (heldUnowned: string[]) => ReadonlySet<string>;
  /** Owned names being released (switchover): removed at once, no grace. */
  releasing: ReadonlySet<string>;
  /** Whether writing is allowed now (the lease is being renewed). */
  mayWrite: () => string | undefined;
  exclusion: (plan: PlanDocument) => Promise<Exclusion>;
  driverOptions: DriverOptions;
  env: NodeJS.ProcessEnv;
  cwd: string;
  audit: AgentAudit;
}

export interface PassResult {
  outcome: PassOutcome;
  message: string;
  /** Relocatable names on the node after the pass (as last observed). */
  held: Set<string>;
  /** Where they were seen: what self-fencing removes first, before observing. */
  heldAt: HeldAddress[];
  plan?: PlanDocument;
  apply?: ApplyResult;
  /** Locked out: the key whose deletion should wake the agent. */
  waitKey?: string;
}

export function relocatablesHeld(desired: Desired, obs: Observation): HeldAddress[] {
  if (!obs.ok) return [];
  const names = new Map<string, string>();
  for (const r of desired.model.relocatables) {
    const c = parseCidr(r.doc.spec.address);
    if (c) names.set(hostPart(c.cidr), r.name);
  }
  return obs.state.addresses.flatMap((a) => {
    const name = names.get(hostPart(a.cidr));
    return name ? [{ name, iface: a.interface, cidr: a.cidr }] : [];
  });
}

const namesOf = (list: readonly HeldAddress[]) => new Set(list.map((h) => h.name));

/** Address key -> fencing token, for the inventory and the audit lines of an apply. */
export function tokensByKey(desired: Desired, tokens: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of desired.model.relocatables) {
    const token = tokens.get(r.name);
    const c = parseCidr(r.doc.spec.address);
    if (token !== undefined && c) out.set(addressKey(c.cidr), token);
  }
  return out;
}

export async function convergePass(p: PassInput): Promise<PassResult> {
  const { desired, node } = p;
  const obs = p.observed ?? (await p.writer.observe());
  if (!obs.ok)
    return { outcome: 'failed', message: `cannot observe ${node}: ${obs.error.message}`, held: new Set(), heldAt: [] };
  const heldAt = relocatablesHeld(desired, obs);
  const held = namesOf(heldAt);
  const graced = p.grace([...held].filter((n) => !p.tokens.has(n) && !p.releasing.has(n)));
  const observations = new Map([[node, obs]]);
  const plan = planEnvironment({
    model: desired.model,
    environment: desired.environment,
    desiredDigest: desired.digest,
    commit: desired.commit,
    observations,
    nodes: [node],
    diagnostics: desired.validation.diagnostics,
    fleet: {
      node,
      owned: p.tokens,
      graced,
      ...(p.ifaces ? { ifaces: p.ifaces } : {}),
      ...(p.cip ? { cip: p.cip } : {}),
    },
  });
  const outcome = planOutcome(plan);
  if (outcome === 'refused') {
    const reasons = plan.refusals.slice(0, 3).map((r) => `${r.ruleId}: ${r.explanation}`);
    return { outcome: 'refused', message: `plan refused, nothing applied:\n${reasons.join('\n')}`, held, heldAt, plan };
  }
  if (outcome === 'nothing-to-do') return { outcome, message: `${node} is as desired`, held, heldAt, plan };
  const why = p.mayWrite();
  if (why) return { outcome: 'held-back', message: `${plan.changes.length} changes wait: ${why}`, held, heldAt, plan };
  const excl = await p.exclusion(plan);
  if (!excl.ok)
    return {
      outcome: 'locked',
      message: excl.message,
      held,
      heldAt,
      plan,
      ...(excl.waitKey ? { waitKey: excl.waitKey } : {}),
    };
  const byKey = tokensByKey(desired, p.tokens);
  let apply: ApplyResult;
  let after: Observation;
  try {
    apply = await applyPlan({
      plan,
      model: desired.model,
      envDir: desired.envDir,
      driverOptions: p.driverOptions,
      env: p.env,
      cwd: p.cwd,
      desiredDigest: desired.digest,
      observed: observations,
      auditFile: null,
      onEvent: (e) => p.audit.applyEvent(e, byKey),
      writers: new Map([[node, p.writer]]),
    });
    // One observation after the apply serves both the fencing record and what is held now:
    // each costs a round of `ip` processes, and a release waits for this pass to end.
    after = await p.writer.observe();
    // The inventory records the token each owned address was written under (apply keeps
    // a key's token while the key stays owned: apply/inventory.ts).
    await recordFencing(p.writer, after, byKey);
  } finally {
    await excl.release();
  }
  // Unobservable after the apply: assume the planned additions are there too (fencing removes more, never less).
  const heldAtAfter = after.ok ? relocatablesHeld(desired, after) : heldAt;
  const result: PassOutcome =
    apply.outcome === 'applied' || apply.outcome === 'nothing-to-do'
      ? apply.outcome
      : apply.outcome === 'refused'
        ? 'refused'
        : apply.outcome === 'locked'
          ? 'locked'
          : 'failed';
  return { outcome: result, message: apply.message, held: namesOf(heldAtAfter), heldAt: heldAtAfter, plan, apply };
}

async function recordFencing(
  writer: WritableNode,
  obs: Observation,
  byKey: ReadonlyMap<string, number>,
): Promise<void> {
  if (!obs.ok) return;
  const inv = obs.state.inventory;
  const fencing: Record<string, number> = {};
  for (const key of inv.owned) {
    const token = byKey.get(key) ?? inv.fencing?.[key];
    if (token !== undefined) fencing[key] = token;
  }
  if (JSON.stringify(fencing) === JSON.stringify(inv.fencing ?? {})) return;
  const next: Inventory = { ...inv, fencing };
  if (Object.keys(fencing).length === 0) next.fencing = undefined;
  await writer.writeInventory(JSON.parse(JSON.stringify(next)) as Inventory);
}
