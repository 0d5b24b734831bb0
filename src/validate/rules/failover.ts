// Failover pairs: seed 001 "Failover Configuration" (a non-slave physical or bonded
// interface may name a failover interface on a different CLIM; that interface is a
// non-slave physical or bonded interface; partners that both use failover name each
// other; an interface is the failover target of only one other interface) and seed 000
// "Invalid Failover Configuration" (a missing or disallowed failover interface, a
// broken pair or a different Provider makes failover silently not happen; ifstop
// suppresses failover).
import {
  at,
  findInterface,
  interfaceKey,
  type DesiredModel,
  type Entry,
  type InterfaceRef,
} from '../../model/desired.js';
import type { FailoverTarget, Interface, NodeDocument } from '../../model/generated/desired.js';
import { defineRule, type Finding } from './rule.js';
import { segmentOf, unfitForAddresses } from './util-interfaces.js';
import { didYouMean } from '../suggest.js';

interface FailoverEdge {
  node: Entry<NodeDocument>;
  iface: Interface;
  index: number;
  target: FailoverTarget;
  /** The failover interface, when its node and interface are defined. */
  partner?: InterfaceRef;
}

function* failoverEdges(model: DesiredModel): Generator<FailoverEdge> {
  for (const node of model.nodes) {
    const interfaces = node.doc.spec.interfaces;
    for (let index = 0; index < interfaces.length; index++) {
      const iface = interfaces[index];
      const target = iface.failover;
      if (!target) continue;
      yield { node, iface, index, target, partner: findInterface(model, target.node, target.interface) };
    }
  }
}

const home = (e: FailoverEdge) => `${e.node.name}/${e.iface.name}`;
const dest = (e: FailoverEdge) => `${e.target.node}/${e.target.interface}`;
const failoverAt = (e: FailoverEdge, ...rest: string[]) =>
  at(e.node, 'spec', 'interfaces', e.index, 'failover', ...rest);
const partnerAt = (p: InterfaceRef, ...rest: string[]) => at(p.node, 'spec', 'interfaces', p.index, ...rest);
const lead = (e: FailoverEdge) => `Node/${e.node.name}: ${e.iface.name} fails over to ${dest(e)}`;

export const failoverOtherNode = defineRule({
  id: 'FO001',
  severity: 'error',
  title: 'The failover node differs from the home node',
  rationale: 'Failover exists to survive the loss of the home node; a partner on the same node fails with it.',
  reference:
    'NonStop CIP manual "Failover Configuration" (the failover CLIM must be ' +
    'different from the one on which the interface is configured)',
  check(model) {
    const findings: Finding[] = [];
    for (const e of failoverEdges(model)) {
      if (e.target.node !== e.node.name) continue;
      findings.push({
        summary: `${lead(e)}, on its own node`,
        detail: 'Name an interface on another node as failover partner, or use a bond for failover within the node.',
        objects: [`Node/${e.node.name}`, home(e), dest(e)],
        source: failoverAt(e, 'node'),
      });
    }
    return findings;
  },
});

export const failoverTargetExists = defineRule({
  id: 'FO002',
  severity: 'error',
  title: 'The failover node and failover interface exist',
  rationale: 'A failover interface that does not exist makes failover silently not happen.',
  reference: 'NonStop CIP manual "Invalid Failover Configuration" (failover interface does not exist)',
  check(model) {
    const findings: Finding[] = [];
    for (const e of failoverEdges(model)) {
      if (e.partner) continue;
      const targetNode = model.nodeByName.get(e.target.node);
      findings.push(
        targetNode
          ? {
              summary: `${lead(e)}, but Node/${e.target.node} has no interface ${e.target.interface}`,
              detail:
                `${didYouMean(
                  e.target.interface,
                  targetNode.doc.spec.interfaces.map((x) => x.name),
                )}` + `Define ${e.target.interface} on ${e.target.node}, or correct failover.interface.`,
              objects: [`Node/${e.node.name}`, home(e), `Node/${e.target.node}`],
              source: failoverAt(e, 'interface'),
              related: [{ source: at(targetNode, 'spec', 'interfaces'), note: `interfaces of ${e.target.node}` }],
            }
          : {
              summary: `${lead(e)}, but Node/${e.target.node} is not defined`,
              detail:
                `${didYouMean(e.target.node, model.nodeByName.keys())}` +
                `Define Node/${e.target.node} or correct failover.node.`,
              objects: [`Node/${e.node.name}`, home(e), `Node/${e.target.node}`],
              source: failoverAt(e, 'node'),
            },
      );
    }
    return findings;
  },
});

export const failoverInterfaceKinds = defineRule({
  id: 'FO003',
  severity: 'error',
  title: 'Both ends of a failover pair are non-slave physical or bond interfaces',
  rationale:
    'Loopback, slave and tunnel interfaces cannot take over addresses: ' +
    'slaves are owned by their bond, tunnels follow the interface holding their local address. ' +
    '(A slave or tunnel that has failover itself is reported as BOND006 or TUN003.)',
  reference:
    'NonStop CIP manual "Failover Configuration"; ' +
    'NonStop CIP manual "Invalid Failover Configuration" (not allowed, such as a slave or tunnel interface)',
  check(model) {
    const findings: Finding[] = [];
    for (const e of failoverEdges(model)) {
      // A slave or tunnel with failover of its own is BOND006 and TUN003; one mistake, one report.
      if (e.iface.type === 'loopback') {
        findings.push({
          summary: `Node/${e.node.name}: ${e.iface.name} has failover to ${dest(e)}, but is a loopback interface`,
          detail:
            'Remove the failover: a loopback interface never loses its link and its addresses are local to the node.',
          objects: [`Node/${e.node.name}`, home(e)],
          source: failoverAt(e),
        });
      }
      if (!e.partner) continue;
      const targetProblem = unfitForAddresses(model, e.target.node, e.partner.iface);
      if (targetProblem) {
        findings.push({
          summary: `${lead(e)}, which is ${targetProblem}`,
          detail: `Name a non-slave physical or bond interface of ${e.target.node} as failover interface.`,
          objects: [`Node/${e.node.name}`, home(e), dest(e)],
          source: failoverAt(e, 'interface'),
          related: [{ source: partnerAt(e.partner, 'name'), note: `${dest(e)} defined here` }],
        });
      }
    }
    return findings;
  },
});

export const failoverPairsMutual = defineRule({
  id: 'FO004',
  severity: 'error',
  title: 'If both interfaces of a pair name a failover, they name each other',
  rationale: 'Home and failover interfaces that do not form a pair make the CLIM refuse failover.',
  reference:
    'NonStop CIP manual "Failover Configuration" (they must be configured to use each other); ' +
    'NonStop CIP manual (home and failover interfaces do not form a pair)',
  check(model) {
    const findings: Finding[] = [];
    for (const e of failoverEdges(model)) {
      const back = e.partner?.iface.failover;
      if (!e.partner || !back) continue;
      if (back.node === e.node.name && back.interface === e.iface.name) continue;
      findings.push({
        summary: `${lead(e)}, but ${dest(e)} fails over to ${back.node}/${back.interface}`,
        detail: `Make the pair mutual: either ${dest(e)} fails over to ${home(e)}, or one of them drops its failover.`,
        objects: [`Node/${e.node.name}`, home(e), dest(e), `${back.node}/${back.interface}`],
        source: failoverAt(e),
        related: [{ source: partnerAt(e.partner, 'failover'), note: `failover of ${dest(e)}` }],
      });
    }
    return findings;
  },
});

export const failoverTargetOnce = defineRule({
  id: 'FO005',
  severity: 'error',
  title: 'An interface is the failover target of at most one other interface',
  rationale: 'Two interfaces failing over onto one would both claim it; only one can be served.',
  reference:
    'NonStop CIP manual "Failover Configuration" (can be used as a failover interface by only one other interface)',
  check(model) {
    const findings: Finding[] = [];
    const firstByTarget = new Map<string, FailoverEdge>();
    for (const e of failoverEdges(model)) {
      if (!e.partner) continue;
      const key = interfaceKey(e.target.node, e.target.interface);
      const first = firstByTarget.get(key);
      if (!first) {
        firstByTarget.set(key, e);
        continue;
      }
      findings.push({
        summary: `${lead(e)}, which is already the failover target of ${home(first)}`,
        detail: `Give ${home(e)} or ${home(first)} another failover interface.`,
        objects: [`Node/${e.node.name}`, home(e), dest(e), home(first)],
        source: failoverAt(e),
        related: [{ source: failoverAt(first), note: `${home(first)} fails over to ${dest(e)} here` }],
      });
    }
    return findings;
  },
});

export const failoverSameProvider = defineRule({
  id: 'FO006',
  severity: 'error',
  title: 'Both nodes of a failover pair have the same provider',
  rationale: 'Failover to an interface under another Provider is an invalid configuration: failover does not occur.',
  reference: 'NonStop CIP manual "Invalid Failover Configuration" (not under the same Provider)',
  check(model) {
    const findings: Finding[] = [];
    for (const e of failoverEdges(model)) {
      if (!e.partner || e.partner.node === e.node) continue;
      const mine = e.node.doc.spec.provider;
      const theirs = e.partner.node.doc.spec.provider;
      if (mine === theirs) continue;
      const show = (p: string | undefined) => (p === undefined ? 'no provider' : `provider ${p}`);
      findings.push({
        summary: `${lead(e)}, but ${e.node.name} has ${show(mine)} and ${e.target.node} has ${show(theirs)}`,
        detail: 'Fail over only between nodes of one provider, or correct the provider of one node.',
        objects: [`Node/${e.node.name}`, `Node/${e.target.node}`, home(e), dest(e)],
        source: at(e.node, 'spec', 'provider'),
        related: [{ source: at(e.partner.node, 'spec', 'provider'), note: `provider of ${e.target.node}` }],
      });
    }
    return findings;
  },
});

export const failoverDownSuppressed = defineRule({
  id: 'FO007',
  severity: 'warning',
  title: 'An interface with failover whose desired state is down has its failover suppressed',
  rationale: 'An interface held down (ifstop) does not fail over; its addresses are simply gone.',
  reference:
    'NonStop CIP manual "Interface Status Control" (failover is suppressed when an interface ' +
    'is brought down using ifstop)',
  check(model) {
    const findings: Finding[] = [];
    for (const e of failoverEdges(model)) {
      if (e.iface.state !== 'down') continue;
      findings.push({
        summary: `Node/${e.node.name}: ${e.iface.name} is held down, so its failover to ${dest(e)} is suppressed`,
        detail:
          `Its addresses will not move to ${dest(e)}. Bring it up, ` +
          'or remove the failover if the interface is retired.',
        objects: [`Node/${e.node.name}`, home(e), dest(e)],
        source: at(e.node, 'spec', 'interfaces', e.index, 'state'),
        related: [{ source: failoverAt(e), note: 'failover configured here' }],
      });
    }
    return findings;
  },
});

export const failoverSameSegment = defineRule({
  id: 'FO008',
  severity: 'warning',
  title: 'The failover interface is on the same segment as the home interface',
  rationale:
    'Failover moves the addresses and static routes onto the partner interface; ' +
    'on another network they are unreachable unless that network routes them.',
  reference:
    'NonStop CIP manual "Failover Configuration" (addresses, sockets and routes move to the failover interface)',
  check(model) {
    const findings: Finding[] = [];
    for (const e of failoverEdges(model)) {
      if (!e.partner) continue;
      const mine = segmentOf(model, e);
      const theirs = segmentOf(model, e.partner);
      if (mine === undefined || theirs === undefined || mine === theirs) continue;
      findings.push({
        summary: `${lead(e)}, but ${home(e)} is on segment ${mine} and ${dest(e)} on segment ${theirs}`,
        detail:
          `After failover the addresses of ${home(e)} would sit on segment ${theirs}. ` +
          `Pick a partner on segment ${mine}, or correct the segments.`,
        objects: [`Node/${e.node.name}`, home(e), dest(e)],
        source: failoverAt(e),
        related: [{ source: partnerAt(e.partner, 'name'), note: `${dest(e)} defined here` }],
      });
    }
    return findings;
  },
});

export const failoverRules = [
  failoverOtherNode,
  failoverTargetExists,
  failoverInterfaceKinds,
  failoverPairsMutual,
  failoverTargetOnce,
  failoverSameProvider,
  failoverDownSuppressed,
  failoverSameSegment,
] as const;
