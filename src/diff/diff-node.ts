// Desired against observed for one node: key by key, into typed changes. Ownership
// decides deletions: what tandem manages (an address of the desired state anywhere in
// the cluster) is repaired; what tandem created (its inventory) and no longer wants is
// removed; anything else is left alone unless pruning is asked for.
import type { Change, Deferral, Note } from './changes.js';
import { describeObject, linkKey, sameObject, type NodeObject, type SourceObject } from './objects.js';

export interface NodeDiffInput {
  node: string;
  intent: ReadonlyMap<string, NodeObject>;
  observed: ReadonlyMap<string, NodeObject>;
  /** Keys tandem created on this node (its inventory). */
  owned: ReadonlySet<string>;
  /** Address keys (addr:IP) that belong to the desired state somewhere in the cluster. */
  managedAddresses: ReadonlySet<string>;
  /** Objects that are legitimately here although not desired (failed-over resources). */
  tolerated: ReadonlyMap<string, string>;
  /** Interfaces whose changes are held back, with the reason (failed over, seed 000). */
  frozenInterfaces: ReadonlyMap<string, string>;
  /** Address key of the node's management address: never removed. */
  managementKey?: string;
  prune: boolean;
  /** Why relocatable addresses change (their placement decision), by address key. */
  reasons: ReadonlyMap<string, string>;
  /** RelocatableAddress names by address key, to name an address that leaves a node. */
  relocatableNames: ReadonlyMap<string, string>;
}

export interface NodeDiff {
  changes: Change[];
  deferrals: Deferral[];
  notes: Note[];
  /** Physical interfaces the desired state names that the node does not have. */
  missingInterfaces: string[];
}

function interfaceOf(o: NodeObject): string | undefined {
  switch (o.kind) {
    case 'link':
      return o.name;
    case 'address':
    case 'neighbor':
    case 'sysctl':
    case 'source':
      return o.iface;
    case 'route':
      return o.dev;
    default:
      return undefined;
  }
}

function replaces(before: NodeObject, after: NodeObject): boolean {
  if (before.kind === 'address') return true; // the kernel cannot move or relabel an address in place
  if (before.kind === 'link' && after.kind === 'link') {
    return (
      before.linkType !== after.linkType ||
      before.bond?.mode !== after.bond?.mode ||
      JSON.stringify(before.tunnel) !== JSON.stringify(after.tunnel)
    );
  }
  return false;
}

/** Links whose kind this node cannot create or delete. */
const isHardware = (o: NodeObject) => o.kind === 'link' && (o.linkType === 'physical' || o.linkType === 'loopback');

/**
 * What the desired state leaves open takes the observed value (an interface without
 * `mtu` keeps the MTU it has), as nmstate merges desired with current. Where the
 * observed link kind is one this kernel cannot make (a lab maps bonds onto veths),
 * only what can be set is compared: state and MTU.
 */
export function mergeUnspecified(before: NodeObject, after: NodeObject): NodeObject {
  if (before.kind !== 'link' || after.kind !== 'link') return after;
  const merged = after.mtu === undefined && before.mtu !== undefined ? { ...after, mtu: before.mtu } : after;
  if (before.linkType === merged.linkType || before.linkType !== 'physical') return merged;
  return { ...merged, linkType: before.linkType, bond: before.bond, tunnel: before.tunnel, master: before.master };
}

/** Why an address of the desired state is removed from a node it does not belong on. */
export const BELONGS_ELSEWHERE = 'belongs elsewhere in the desired state';

export function diffNode(input: NodeDiffInput): NodeDiff {
  const { node } = input;
  const result: NodeDiff = { changes: [], deferrals: [], notes: [], missingInterfaces: [] };
  const push = (
    action: Change['action'],
    key: string,
    before: NodeObject | undefined,
    after: NodeObject | undefined,
    reason: string,
  ) => {
    const subject = (after ?? before)!;
    const iface = interfaceOf(subject);
    const frozen = iface !== undefined ? input.frozenInterfaces.get(iface) : undefined;
    if (frozen) {
      result.deferrals.push({
        ruleId: 'TR003',
        node,
        key,
        action,
        description: describeObject(subject),
        reason: frozen,
      });
      return;
    }
    result.changes.push({
      id: `${node}:${key}`,
      node,
      key,
      kind: subject.kind,
      action,
      ...(before ? { before } : {}),
      ...(after ? { after } : {}),
      reason,
    });
  };

  for (const [key, wanted] of input.intent) {
    const have = input.observed.get(key);
    if (!have) {
      // An interface's sysctls exist with it: on a missing interface (reported by its
      // link) there is nothing to set.
      if (wanted.kind === 'sysctl') {
        const link = input.intent.get(linkKey(wanted.iface));
        if (!link || isHardware(link)) continue;
      }
      if (isHardware(wanted)) {
        result.missingInterfaces.push((wanted as { name: string }).name);
        continue;
      }
      push('create', key, undefined, wanted, input.reasons.get(key) ?? settingReason(wanted) ?? 'desired, not present');
      continue;
    }
    const target = mergeUnspecified(have, wanted);
    if (sameObject(have, target)) continue;
    push(
      replaces(have, target) ? 'replace' : 'update',
      key,
      have,
      target,
      input.reasons.get(key) ?? settingReason(wanted) ?? 'differs from the desired state',
    );
  }

  const unmanaged: NodeObject[] = [];
  for (const [key, have] of input.observed) {
    if (input.intent.has(key)) continue;
    // A sysctl tandem is not asked for is the node's own business (promoteSecondaries
    // false or absent): never reset, never reported.
    if (have.kind === 'sysctl') continue;
    if (have.kind === 'source') {
      const back = sourceBack(have, input);
      if (!back) continue;
      const why = input.intent.has(`addr:${have.src}`) ? 'sourceAddress is off' : `${have.src} leaves`;
      push('delete', key, back, undefined, `${why}: the primary ${have.primary} is the subnet's source again`);
      continue;
    }
    const tolerated = input.tolerated.get(key);
    if (tolerated) {
      result.notes.push({ node, subject: describeObject(have), message: tolerated });
      continue;
    }
    if (key === input.managementKey) {
      result.notes.push({
        node,
        subject: describeObject(have),
        message: 'management address kept although not desired: a plan never removes it',
      });
      continue;
    }
    if (isHardware(have)) continue;
    if (have.kind === 'address' && input.managedAddresses.has(key)) {
      const name = input.relocatableNames.get(key);
      push(
        'delete',
        key,
        name ? { ...have, relocatable: name } : have,
        undefined,
        input.reasons.get(key) ?? BELONGS_ELSEWHERE,
      );
    } else if (input.owned.has(key)) {
      push('delete', key, have, undefined, 'created by tandem, no longer desired');
    } else if (input.prune) {
      push('delete', key, have, undefined, 'not desired (pruning)');
    } else {
      unmanaged.push(have);
    }
  }
  // Each one named, with both ways out: a reviewer decides per object, not per count.
  for (const o of unmanaged.slice(0, MAX_UNMANAGED_NAMED))
    result.notes.push({ node, subject: `unmanaged ${describeObject(o)}`, message: unmanagedAdvice(node, o) });
  if (unmanaged.length > MAX_UNMANAGED_NAMED) {
    const more = unmanaged.length - MAX_UNMANAGED_NAMED;
    result.notes.push({
      node,
      subject: `${more} more unmanaged object${more === 1 ? '' : 's'}`,
      message:
        'not created by tandem and not desired: left in place; tandem observe shows them all, ' +
        'tandem apply --prune removes them',
    });
  }
  return result;
}

/** Why a kernel setting is written, in the words of the field that asks for it. */
function settingReason(wanted: NodeObject): string | undefined {
  if (wanted.kind === 'sysctl') return 'promoteSecondaries: true in the Cluster defaults';
  if (wanted.kind === 'source') return `sourceAddress: traffic to ${wanted.to} leaves from ${wanted.src}`;
  return undefined;
}

/**
 * A connected route whose source tandem set (an address of the desired state, or one
 * in its inventory) and no longer wants: it goes back to the interface's primary. Any
 * other source (the primary itself, one the administrator chose) is left alone.
 */
function sourceBack(have: SourceObject, input: NodeDiffInput): SourceObject | undefined {
  if (have.primary === undefined || have.src === have.primary) return undefined;
  const addr = `addr:${have.src}`;
  if (!input.managedAddresses.has(addr) && !input.owned.has(have.key)) return undefined;
  const name = input.relocatableNames.get(addr);
  return name ? { ...have, relocatable: name } : have;
}

/** Unmanaged objects named one by one per node; past this, counted (a node full of foreign routes). */
export const MAX_UNMANAGED_NAMED = 20;

/** How to adopt an object tandem found but did not create, or to prune it. */
function unmanagedAdvice(node: string, o: NodeObject): string {
  const lead = 'not created by tandem and not desired: left in place. ';
  const prune = 'To remove it: tandem apply --prune (or spec.prune: true in the Cluster).';
  switch (o.kind) {
    case 'address':
      return `${lead}To adopt it: add ${o.cidr} to the addresses of ${o.iface} in Node/${node}. ${prune}`;
    case 'route': {
      const yaml = `{ to: ${o.to}${o.via ? `, via: ${o.via}` : ''} }`;
      return `${lead}To adopt it: add ${yaml} to the routes of ${o.dev} in Node/${node}. ${prune}`;
    }
    case 'neighbor': {
      const yaml = `{ address: ${o.address}, lladdr: "${o.lladdr}" }`;
      return `${lead}To adopt it: add ${yaml} to the neighbors of ${o.iface} in Node/${node}. ${prune}`;
    }
    case 'link':
      return `${lead}To adopt it: add interface ${o.name} to Node/${node}. ${prune}`;
    default:
      return `${lead}To adopt it: declare it in the environment (tandem import writes what a node has). ${prune}`;
  }
}
