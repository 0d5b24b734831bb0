// One pass's CIP interface failover for the agent's node (decisions: cip.ts). Reads the
// keys of the pairs this node is home or partner of and the other nodes' heartbeats,
// claims what cip.ts says to claim, and returns where each pair's resources go for the
// plan (diff/cip-intent.ts). A key to release is released by the agent only after the
// pass removed the resources and they were observed gone (releaseVerified).
import { interfaceHealthy } from '../../diff/placement.js';
import { cipPairs, migratingObjects, type CipPair, type CipWhere } from '../../diff/cip-intent.js';
import type { WritableNode } from '../../apply/writable-node.js';
import { hostPart } from '../../model/ip.js';
import { addressChecks } from '../../plan/checks.js';
import type { KernelOp } from '../../plan/ops.js';
import type { Observation } from '../../observe/model.js';
import type { EtcdClient, Op } from '../etcd/client.js';
import { agentKey, cipKey, cipStandbyKey } from '../keys.js';
import type { AgentCipInterface, AgentStatus } from '../status-types.js';
import type { AgentAudit } from './audit.js';
import { cipDecision, peerFacts, type CipRole } from './cip.js';
import type { Desired } from './desired.js';
import { STARTUP_GRACE_MS } from './runtime.js';

export interface CipInput {
  desired: Desired;
  node: string;
  obs: Observation;
  writer: WritableNode;
  client: EtcdClient;
  cluster: string;
  agent: string;
  lease: string;
  /** The lease is being renewed: claims are allowed. */
  mayClaim: boolean;
  audit: AgentAudit;
  log: (line: string) => void;
}

export interface CipStepResult {
  /** Where each pair's resources go, for this node's plan. */
  placement: Map<string, CipWhere>;
  /** Pairs this node gives up: released once the pass verified their resources gone. */
  releasing: Map<string, string>;
  claimed: string[];
  retryInMs?: number;
}

interface Held {
  token: number;
  since: string;
  role: CipRole;
}

interface CipValue {
  node: string;
  agent: string;
  since: string;
  role: CipRole;
  reason: string;
}

const roleOf = (pair: CipPair, node: string): CipRole => (pair.home.node === node ? 'home' : 'partner');
const ifaceOf = (pair: CipPair, role: CipRole) => (role === 'home' ? pair.home.iface : pair.partner.iface);
const peerOf = (pair: CipPair, role: CipRole) => (role === 'home' ? pair.partner.node : pair.home.node);

/** Everything of a pair's placement unknown (no lease, etcd not read): the plan leaves it as it is. */
export function cipUnknown(desired: Desired, node: string): Map<string, CipWhere> {
  return new Map(
    cipPairs(desired.model)
      .filter((p) => p.home.node === node || p.partner.node === node)
      .map((p) => [p.key, 'keep' as const]),
  );
}

function holderNode(value: string | undefined): string | undefined {
  try {
    return value === undefined ? undefined : (JSON.parse(value) as Partial<CipValue>).node;
  } catch {
    return undefined;
  }
}

/**
 * Where a pair's resources go on this node's plan: with the holder. Nobody holding: off
 * the partner, and off the home too (the partner is about to claim it) unless the home
 * would have claimed it but could not write to etcd (left as it is).
 */
export function whereFor(role: CipRole, holds: boolean, holder: 'self' | 'other' | 'none', unsure: boolean): CipWhere {
  if (role === 'partner') return holds ? 'partner' : 'home';
  if (holds) return 'home';
  return holder === 'none' && unsure ? 'keep' : 'partner';
}

export class CipState {
  /** Pairs whose key this agent holds. */
  readonly held = new Map<string, Held>();
  private readonly releasedAt = new Map<string, number>();
  private readonly peerSince = new Map<string, number>();
  private readonly transitions = new Map<string, NonNullable<AgentCipInterface['lastTransition']>>();
  private readonly seenAlive = new Set<string>();
  /** Peers whose heartbeat reports no pass yet, since when this agent saw it so. */
  private readonly beforePassSince = new Map<string, number>();
  private readonly startedAt = performance.now();
  private report: AgentCipInterface[] = [];
  /** Pairs not taken over because a home address still answers: the address, logged once. */
  private readonly answering = new Map<string, string>();

  private transition(
    p: CipInput,
    pair: string,
    event: 'agent-cip-claim' | 'agent-cip-release' | 'agent-cip-lost',
    reason: string,
    token?: number,
  ): void {
    const at = new Date().toISOString();
    this.transitions.set(pair, { event, reason, at, ...(token !== undefined ? { token } : {}) });
    p.audit.record({ event, address: pair, ...(token !== undefined ? { fencing: token } : {}), detail: { reason } });
    p.log(`${pair}: ${event}${token !== undefined ? ` (fencing token ${token})` : ''}: ${reason}`);
  }

  async step(p: CipInput): Promise<CipStepResult> {
    const { node, obs } = p;
    const now = performance.now();
    const out: CipStepResult = { placement: new Map(), releasing: new Map(), claimed: [] };
    const pairs = cipPairs(p.desired.model).filter((x) => x.home.node === node || x.partner.node === node);
    for (const key of [...this.held.keys()])
      if (!pairs.some((x) => x.key === key)) out.releasing.set(key, 'left the desired state');
    if (pairs.length === 0 && out.releasing.size === 0) {
      this.report = [];
      return out;
    }
    const keys = pairs.map((x) => cipKey(p.cluster, x.home.node, x.home.iface));
    const peers = [...new Set(pairs.map((x) => peerOf(x, roleOf(x, node))))];
    const kvs = await p.client.getMany([...keys, ...peers.map((n) => agentKey(p.cluster, n))]);
    const status = new Map<string, Partial<AgentStatus> | undefined>();
    for (const n of peers) {
      const kv = kvs.get(agentKey(p.cluster, n));
      if (!kv) continue;
      this.seenAlive.add(n);
      try {
        const beat = JSON.parse(kv.value) as Partial<AgentStatus>;
        status.set(n, beat);
        if (beat.lastPass) this.beforePassSince.delete(n);
        else if (!this.beforePassSince.has(n)) this.beforePassSince.set(n, now);
      } catch {
        status.set(n, undefined);
      }
    }
    const report: AgentCipInterface[] = [];
    for (const pair of pairs) {
      const role = roleOf(pair, node);
      const iface = ifaceOf(pair, role);
      const peer = peerOf(pair, role);
      const kv = kvs.get(cipKey(p.cluster, pair.home.node, pair.home.iface));
      const mine = this.held.get(pair.key);
      if (mine && kv?.createRevision !== mine.token) {
        this.held.delete(pair.key);
        this.transition(p, pair.key, 'agent-cip-lost', 'its key is gone or recreated (lease ended)', mine.token);
      }
      const selfUsable = obs.ok && obs.state.links.some((l) => l.name === iface) && interfaceHealthy(obs, iface);
      const peerStatus = status.get(peer);
      const starting = !this.seenAlive.has(peer) && now - this.startedAt < STARTUP_GRACE_MS;
      // A peer that may be starting counts as usable: it gets its turn first.
      const { alive: peerAlive, usable: peerUsable } = peerFacts(
        peerStatus,
        status.has(peer),
        pair.key,
        role,
        starting,
        now - (this.beforePassSince.get(peer) ?? now),
      );
      const peerUsableForMs = this.heldFor(pair.key, peerAlive && peerUsable, now);
      const released = this.releasedAt.get(pair.key);
      const holder = this.held.has(pair.key) ? 'self' : kv ? 'other' : 'none';
      const d = cipDecision({
        role,
        stopped: pair.stopped,
        selfUsable,
        holder,
        peerAlive,
        peerUsable,
        peerUsableForMs,
        ...(released !== undefined ? { releasedForMs: now - released } : {}),
      });
      let holds = holder === 'self';
      // A home whose agent is gone may still be up with its addresses (an agent stopped,
      // not a node dead): the partner claims only when none of them answers on the segment.
      const answering =
        d.act === 'claim' && role === 'partner' && !peerAlive ? await this.stillAnswers(p, pair) : undefined;
      if (answering) {
        if (this.answering.get(pair.key) !== answering)
          p.log(
            `${pair.key}: not taken over: ${answering} still answers on the segment ` +
              '(its agent is gone, its node is not)',
          );
        this.answering.set(pair.key, answering);
      } else this.answering.delete(pair.key);
      if (d.act === 'claim' && p.mayClaim && !answering) {
        const token = await this.claim(p, pair, role, d.why);
        if (token !== undefined) {
          holds = true;
          out.claimed.push(pair.key);
        }
      } else if (d.act === 'release') {
        out.releasing.set(pair.key, `${d.why}: ${d.detail}`);
        holds = false;
      } else if (d.act === 'none' && d.retryInMs !== undefined) {
        out.retryInMs = Math.min(out.retryInMs ?? Infinity, d.retryInMs);
      }
      // A key naming this node from an earlier run of its agent (a restart) is this node's
      // until it expires: what it holds stays, and it is claimed afresh after.
      const earlier = holder === 'other' && holderNode(kv?.value) === node;
      out.placement.set(pair.key, whereFor(role, holds || earlier, holder, d.act === 'claim' && !p.mayClaim));
      const h = this.held.get(pair.key);
      report.push({
        pair: pair.key,
        role,
        iface,
        usable: selfUsable,
        ...(h && holds ? { held: { token: h.token, since: h.since } } : {}),
        ...(this.transitions.has(pair.key) ? { lastTransition: this.transitions.get(pair.key)! } : {}),
      });
    }
    this.report = report;
    return out;
  }

  /** The first of the pair's IPv4 addresses another host answers for (arping -D), if any. */
  private async stillAnswers(p: CipInput, pair: CipPair): Promise<string | undefined> {
    const iface = p.desired.model.interfaceByKey.get(pair.key)?.iface;
    if (!iface) return undefined;
    const cluster = p.desired.model.cluster?.doc;
    for (const o of migratingObjects(p.desired.model, pair.home.node, iface)) {
      if (o.kind !== 'address' || o.family !== 4 || o.iface !== pair.home.iface) continue;
      for (const check of addressChecks(p.node, { ...o, iface: pair.partner.iface }, undefined, cluster).pre) {
        const r = await p.writer.runCheck(check);
        if (!r.ok) return o.cidr;
      }
    }
    return undefined;
  }

  /**
   * Removes what this node hosts for the pairs it holds as the partner (graceful stop,
   * self-fencing): no plan, no etcd; the addresses are observed gone afterwards. Returns
   * the pairs whose resources are gone from the node and those still held.
   */
  async removeHosted(writer: WritableNode, desired: Desired): Promise<{ gone: string[]; remaining: string[] }> {
    const model = desired.model;
    const pairs = cipPairs(model).filter((x) => this.held.get(x.key)?.role === 'partner');
    if (pairs.length === 0) return { gone: [], remaining: [] };
    const obs = await writer.observe();
    if (!obs.ok) return { gone: [], remaining: pairs.map((x) => x.key) };
    const addrs = new Map(obs.state.addresses.map((a) => [hostPart(a.cidr), a]));
    const ops: KernelOp[] = [];
    const ipsOf = new Map<string, string[]>();
    for (const pair of pairs) {
      const iface = model.interfaceByKey.get(pair.key)!.iface;
      const ips: string[] = [];
      for (const o of migratingObjects(model, pair.home.node, iface)) {
        const dev = (d: string) => (d === pair.home.iface ? pair.partner.iface : d);
        if (o.kind === 'address') {
          ips.push(hostPart(o.cidr));
          const a = addrs.get(hostPart(o.cidr));
          if (a) ops.push({ op: 'addr-del', iface: a.interface, cidr: a.cidr });
        } else if (o.kind === 'route') {
          const r = obs.state.routes.find((x) => x.to === o.to && x.table === o.table && x.device === dev(o.dev));
          if (r)
            ops.push({ op: 'route-del', to: o.to, dev: dev(o.dev), table: o.table, ...(o.via ? { via: o.via } : {}) });
        } else if (o.kind === 'link' && obs.state.links.some((l) => l.name === o.name)) {
          ops.push({ op: 'link-del', iface: o.name });
        }
      }
      ipsOf.set(pair.key, ips);
    }
    if (ops.length) await writer.apply(ops);
    const after = await writer.observe();
    const still = new Set(after.ok ? after.state.addresses.map((a) => hostPart(a.cidr)) : [...addrs.keys()]);
    const gone: string[] = [];
    const remaining: string[] = [];
    for (const [key, ips] of ipsOf) (ips.some((ip) => still.has(ip)) ? remaining : gone).push(key);
    return { gone, remaining };
  }

  /** Deletes the key of a pair whose resources are verified gone (graceful stop), only while it is still ours. */
  async releaseGone(
    client: EtcdClient,
    cluster: string,
    desired: Desired,
    node: string,
    key: string,
  ): Promise<boolean> {
    const mine = this.held.get(key);
    const pair = cipPairs(desired.model).find((x) => x.key === key);
    if (!mine || !pair) return false;
    const other = pair.home.node === node ? pair.partner.node : pair.home.node;
    const standby: Op = { delete: { key: cipStandbyKey(cluster, other, pair.home.node, pair.home.iface) } };
    this.held.delete(key);
    return client.deleteIfCreateRevision(cipKey(cluster, pair.home.node, pair.home.iface), mine.token, [standby]);
  }

  private heldFor(key: string, healthy: boolean, now: number): number {
    if (!healthy) {
      this.peerSince.delete(key);
      return 0;
    }
    const from = this.peerSince.get(key) ?? now;
    this.peerSince.set(key, from);
    return now - from;
  }

  private async claim(p: CipInput, pair: CipPair, role: CipRole, why: string): Promise<number | undefined> {
    const since = new Date().toISOString();
    const value: CipValue = { node: p.node, agent: p.agent, since, role, reason: why };
    const other = role === 'home' ? pair.partner.node : pair.home.node;
    const standby: Op = {
      put: {
        key: cipStandbyKey(p.cluster, other, pair.home.node, pair.home.iface),
        value: JSON.stringify({ node: p.node, agent: p.agent }),
        lease: p.lease,
      },
    };
    const r = await p.client.createIfAbsent(
      cipKey(p.cluster, pair.home.node, pair.home.iface),
      JSON.stringify(value),
      p.lease,
      [standby],
    );
    if (!r.created) return undefined;
    const token = r.kv.createRevision;
    this.held.set(pair.key, { token, since, role });
    this.releasedAt.delete(pair.key);
    this.transition(p, pair.key, 'agent-cip-claim', `${role}: ${why}`, token);
    return token;
  }

  /**
   * Releases the pairs whose resources the pass removed, once `after` (the node observed
   * after the pass) no longer holds any of their addresses: only then is the key deleted,
   * and only while it still has its create revision.
   */
  async releaseVerified(p: CipInput, releasing: ReadonlyMap<string, string>, after: Observation): Promise<string[]> {
    if (!after.ok) return [];
    const here = new Set(after.state.addresses.map((a) => hostPart(a.cidr)));
    const done: string[] = [];
    for (const [key, reason] of releasing) {
      const mine = this.held.get(key);
      if (!mine) continue;
      const pair = cipPairs(p.desired.model).find((x) => x.key === key);
      const iface = pair ? p.desired.model.interfaceByKey.get(key)?.iface : undefined;
      const addresses =
        pair && iface
          ? migratingObjects(p.desired.model, pair.home.node, iface).flatMap((o) =>
              o.kind === 'address' ? [hostPart(o.cidr)] : [],
            )
          : [];
      const still = addresses.filter((a) => here.has(a));
      if (still.length) {
        p.log(`${key}: not released yet, ${still.join(', ')} still on ${p.node}`);
        continue;
      }
      const [homeNode, homeIface] = key.split('/');
      const other = pair ? (pair.home.node === p.node ? pair.partner.node : pair.home.node) : undefined;
      const also: Op[] = other ? [{ delete: { key: cipStandbyKey(p.cluster, other, homeNode, homeIface) } }] : [];
      const deleted = await p.client.deleteIfCreateRevision(cipKey(p.cluster, homeNode, homeIface), mine.token, also);
      this.held.delete(key);
      this.releasedAt.set(key, performance.now());
      this.transition(
        p,
        key,
        'agent-cip-release',
        `${reason}; verified gone from ${p.node}${deleted ? '' : ' (the key was already gone)'}`,
        mine.token,
      );
      done.push(key);
    }
    return done;
  }

  /** What the heartbeat reports: each pair's interface, link, holding and last transition. */
  get reported(): AgentCipInterface[] {
    return this.report;
  }

  forgetAll(): void {
    this.held.clear();
  }
}
