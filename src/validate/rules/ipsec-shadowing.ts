// IPSEC005 and IPSEC006, shadowed policies. The kernel tries XFRM policies in priority
// order (lower number first) and uses the first whose selector matches; a policy whose
// every packet is already matched by a higher-precedence one never takes effect. With a
// different action that hides a decision the reviewer believes in (error); with the
// same action it is dead weight (warning). Seeds 000 and 003 (IPsec policies on the
// CLIM and on Serviceguard nodes); Linux ip-xfrm(8) for the precedence.
import { at, type DesiredModel } from '../../model/desired.js';
import { networkKeyAt } from '../../model/ip.js';
import type { Family } from '../../observe/model.js';
import { defineRule, type Finding } from './rule.js';
import { actionSignature, ipsecName, policyNodes, priorityOf, selectorOf, type Policy } from './util-ipsec.js';

interface Shadowing {
  shadowed: Policy;
  /** The highest-precedence policy that matches everything `shadowed` matches. */
  by: Policy;
}

/**
 * True when every packet `q` matches (protocol, ports, directions, nodes) `p` matches too;
 * selectors are checked by the index.
 */
function covers(model: DesiredModel, p: Policy, q: Policy): boolean {
  const ps = p.doc.spec;
  const qs = q.doc.spec;
  const pProto = ps.selector.protocol ?? 'any';
  if (pProto !== 'any' && pProto !== (qs.selector.protocol ?? 'any')) return false;
  if (ps.selector.sourcePort !== undefined && ps.selector.sourcePort !== qs.selector.sourcePort) return false;
  if (ps.selector.destinationPort !== undefined && ps.selector.destinationPort !== qs.selector.destinationPort)
    return false;
  if (!qs.directions.every((d) => ps.directions.includes(d))) return false;
  const pNodes = policyNodes(model, p);
  for (const n of policyNodes(model, q)) if (!pNodes.has(n)) return false;
  return true;
}

const cache = new WeakMap<DesiredModel, Shadowing[]>();

/** Every fully shadowed policy with its strongest shadower, in document order. */
export function shadowedPolicies(model: DesiredModel): Shadowing[] {
  const cached = cache.get(model);
  if (cached) return cached;
  const order = new Map<Policy, number>();
  const byPair = new Map<string, Policy[]>();
  const combos: Record<Family, Map<string, [number, number]>> = { 4: new Map(), 6: new Map() };
  model.ipsecPolicies.forEach((p, i) => {
    order.set(p, i);
    const sel = selectorOf(p);
    if (!sel) return;
    const sourceKey = networkKeyAt(sel.source, sel.source.prefix);
    const destinationKey = networkKeyAt(sel.destination, sel.destination.prefix);
    const key = `${sourceKey} ${destinationKey}`;
    const list = byPair.get(key);
    if (list) list.push(p);
    else byPair.set(key, [p]);
    combos[sel.family].set(`${sel.source.prefix}/${sel.destination.prefix}`, [
      sel.source.prefix,
      sel.destination.prefix,
    ]);
  });
  for (const list of byPair.values())
    list.sort((a, b) => priorityOf(a) - priorityOf(b) || order.get(a)! - order.get(b)!);
  const result: Shadowing[] = [];
  for (const q of model.ipsecPolicies) {
    const sel = selectorOf(q);
    if (!sel || policyNodes(model, q).size === 0) continue;
    let best: Policy | undefined;
    for (const [ls, ld] of combos[sel.family].values()) {
      if (ls > sel.source.prefix || ld > sel.destination.prefix) continue;
      const candidates = byPair.get(`${networkKeyAt(sel.source, ls)} ${networkKeyAt(sel.destination, ld)}`) ?? [];
      // Buckets are in precedence order: the first covering candidate is the bucket's best.
      for (const p of candidates) {
        if (priorityOf(p) >= priorityOf(q)) break;
        if (!covers(model, p, q)) continue;
        if (
          !best ||
          priorityOf(p) < priorityOf(best) ||
          (priorityOf(p) === priorityOf(best) && order.get(p)! < order.get(best)!)
        )
          best = p;
        break;
      }
    }
    if (best) result.push({ shadowed: q, by: best });
  }
  cache.set(model, result);
  return result;
}

const precedence = (s: Shadowing) => `priority ${priorityOf(s.by)} before ${priorityOf(s.shadowed)}`;

export const shadowedConflicting = defineRule({
  id: 'IPSEC005',
  severity: 'error',
  title: 'No policy is fully shadowed by a higher-precedence policy with a different action',
  rationale:
    'The shadowed policy never takes effect: its traffic gets the other action, contrary to what the file says.',
  reference:
    'Linux ip-xfrm(8) (policy priority, first match wins); NonStop CIP manual and HP-UX IPSec guide (IPsec policies)',
  check(model) {
    const findings: Finding[] = [];
    for (const s of shadowedPolicies(model)) {
      const mine = actionSignature(s.shadowed);
      const theirs = actionSignature(s.by);
      if (mine === theirs) continue;
      findings.push({
        summary:
          `${ipsecName(s.shadowed)} (${mine}) never applies: ` +
          `${ipsecName(s.by)} (${theirs}, ${precedence(s)}) matches all its traffic`,
        detail:
          `Give ${ipsecName(s.shadowed)} a lower priority number than ${ipsecName(s.by)}, ` +
          `narrow the selector of ${ipsecName(s.by)}, or remove one of them.`,
        objects: [ipsecName(s.shadowed), ipsecName(s.by)],
        source: at(s.shadowed, 'spec', 'selector'),
        related: [{ source: at(s.by, 'spec', 'selector'), note: `selector of ${ipsecName(s.by)}` }],
      });
    }
    return findings;
  },
});

export const shadowedRedundant = defineRule({
  id: 'IPSEC006',
  severity: 'warning',
  title: 'No policy is fully shadowed by a higher-precedence policy with the same action (redundant)',
  rationale: 'A redundant policy changes nothing today but misleads whoever edits the shadowing one later.',
  reference:
    'Linux ip-xfrm(8) (policy priority, first match wins); NonStop CIP manual and HP-UX IPSec guide (IPsec policies)',
  check(model) {
    const findings: Finding[] = [];
    for (const s of shadowedPolicies(model)) {
      if (actionSignature(s.shadowed) !== actionSignature(s.by)) continue;
      findings.push({
        summary:
          `${ipsecName(s.shadowed)} is redundant: ${ipsecName(s.by)} (${precedence(s)}) ` +
          `matches all its traffic with the same action (${actionSignature(s.by)})`,
        detail: `Remove ${ipsecName(s.shadowed)}, or narrow ${ipsecName(s.by)} if the two are meant to differ.`,
        objects: [ipsecName(s.shadowed), ipsecName(s.by)],
        source: at(s.shadowed, 'spec', 'selector'),
        related: [{ source: at(s.by, 'spec', 'selector'), note: `selector of ${ipsecName(s.by)}` }],
      });
    }
    return findings;
  },
});

/**
 * The kernel keeps one XFRM policy per selector and direction: a second policy with the
 * same ones on the same node would replace the first (or be refused), so which of the two
 * protects the traffic would depend on the order of the files.
 */
export const sameSelectorTwice = defineRule({
  id: 'IPSEC010',
  severity: 'error',
  title: 'Two IPsec policies installed on one node never share a selector and a direction',
  rationale:
    'The kernel holds one policy per selector and direction; the second silently replaces the first or is refused.',
  reference:
    'Linux XFRM (ip-xfrm(8): a policy is identified by its selector and direction); NonStop ' +
    'CIP manual, HP-UX IPSec guide',
  check(model) {
    const findings: Finding[] = [];
    const first = new Map<string, Policy>();
    const reported = new Set<string>();
    for (const p of model.ipsecPolicies) {
      const sel = selectorOf(p);
      if (!sel) continue;
      const s = p.doc.spec.selector;
      const match =
        `${sel.source.network}>${sel.destination.network}:` +
        `${s.protocol ?? 'any'}:${s.sourcePort ?? ''}:${s.destinationPort ?? ''}`;
      for (const node of policyNodes(model, p)) {
        for (const dir of new Set(p.doc.spec.directions)) {
          const key = `${node}|${dir}|${match}`;
          const other = first.get(key);
          if (!other) {
            first.set(key, p);
            continue;
          }
          const pair = `${other.name}|${p.name}`;
          if (other === p || reported.has(pair)) continue;
          reported.add(pair);
          findings.push({
            summary:
              `${ipsecName(p)} and ${ipsecName(other)} both ` +
              `install ${dir} ${sel.source.network} -> ${sel.destination.network} on ${node}`,
            detail: 'Merge them into one policy, or make their selectors differ (prefix, protocol or ports).',
            objects: [ipsecName(p), ipsecName(other), `Node/${node}`],
            source: at(p, 'spec', 'selector'),
            related: [{ source: at(other, 'spec', 'selector'), note: 'the other policy' }],
          });
        }
      }
    }
    return findings;
  },
});

export const shadowingRules = [shadowedConflicting, shadowedRedundant, sameSelectorTwice] as const;
