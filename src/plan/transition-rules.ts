// Transition rules: checked on the plan, by simulating it step by step over the
// observed state (gate.ts) or while deciding it (diff/). Catalogued with the static
// rules so docs/rules.md lists every id tandem can print.
import { defineRule } from '../validate/rules/rule.js';

export const transitionRules = [
  defineRule({
    id: 'TR001',
    severity: 'error',
    enforcedBy: 'planner',
    title: 'At no point is an address active on two nodes',
    rationale:
      'Two nodes answering ARP for one address split the clients between them; ' +
      'a move removes it, confirms it is gone and checks the segment before adding it elsewhere.',
    reference:
      'LifeKeeper for Linux, IP Recovery Kit (IP resource uniqueness check, "unused resource"); ' +
      'HP-UX IPSec guide, Serviceguard appendix (package address on one node at a time)',
  }),
  defineRule({
    id: 'TR002',
    severity: 'error',
    enforcedBy: 'planner',
    title:
      'IPsec policy reaches the destination node before the address, and leaves the source only after the address left',
    rationale:
      'Traffic to an address without its policy goes out in clear or is dropped; ' +
      'IPsec configuration does not move with the address.',
    reference:
      'NonStop CIP manual ("IPSec parameters are not migrated during failover"); HP-UX IPSec ' +
      'guide, Serviceguard appendix',
  }),
  defineRule({
    id: 'TR003',
    severity: 'error',
    enforcedBy: 'planner',
    title: 'An interface observed failed over is not changed until it is restored (changes are deferred)',
    rationale: 'Changes to a failed-over interface do not take effect until it is restored to its home interface.',
    reference:
      'NonStop CIP manual ("When an interface has failed over, changes made to its configuration ' +
      'do not take effect until the interface is restored")',
  }),
  defineRule({
    id: 'TR004',
    severity: 'error',
    enforcedBy: 'planner',
    title:
      'A change to a failover pair reaches both nodes; if the failover node cannot be observed, the plan is refused',
    rationale:
      'The failover node keeps a mirror of the home interface; a stale mirror silently stops failover from working.',
    reference:
      'NonStop CIP manual ("The failover configuration is propagated to all CLIMs containing failover interfaces")',
  }),
  defineRule({
    id: 'TR005',
    severity: 'error',
    enforcedBy: 'planner',
    title:
      "A step never removes a node's management address, " +
      'nor the address tandem reaches it by (connection.host, when an IP address)',
    rationale: 'Removing it cuts tandem (and the operator) off the node mid-rollout.',
    reference:
      'docs/rules.md; LifeKeeper for Linux, IP Recovery Kit (do not put IP resources on the administrative address)',
  }),
  defineRule({
    id: 'TR006',
    severity: 'error',
    enforcedBy: 'planner',
    title: 'A step never removes the last address of an interface that relocatable addresses depend on',
    rationale: 'A relocatable address needs a base address of its subnet on the interface to be routed.',
    reference: 'LifeKeeper for Linux, IP Recovery Kit (the IP resource requires a base address on the interface)',
  }),
  defineRule({
    id: 'TR007',
    severity: 'error',
    enforcedBy: 'planner',
    title: 'Removing an IPv4 primary address does not silently remove the secondaries that must stay',
    rationale:
      'Without promote_secondaries the kernel deletes every secondary of the subnet with its primary; ' +
      'the plan restores them or refuses.',
    reference: 'Linux: net.ipv4.conf.*.promote_secondaries (ip-address(8))',
  }),
  defineRule({
    id: 'TR008',
    severity: 'error',
    enforcedBy: 'planner',
    title: 'A wave never changes both members of a failover pair, or every placement of a relocatable address',
    rationale: 'A wave that fails would then take down the address with no place left to run.',
    reference: 'docs/apply.md (Execution model: rollout); NonStop CIP manual (failover pairs)',
  }),
  defineRule({
    id: 'TR009',
    severity: 'error',
    enforcedBy: 'planner',
    title:
      'A plan never leaves a node that holds addresses without a single one ' +
      '(loopback addresses on lo and IPv6 link-local addresses do not count)',
    rationale:
      'An empty or half-read desired state must not be read as "delete everything", and a node without ' +
      'an address is cut off. Addresses tandem manages may all go while another remains: ' +
      'a switchover leaves a node that held only the moving address.',
    reference: 'docs/apply.md (pruning: only with --prune)',
  }),
  defineRule({
    id: 'TR010',
    severity: 'error',
    enforcedBy: 'planner',
    title: 'A relocatable address is only changed when every node it may live on was observed',
    rationale:
      'On an unobserved node the address could be active already; adding it elsewhere could make it active twice.',
    reference: 'LifeKeeper for Linux, IP Recovery Kit (uniqueness); docs/rules.md',
  }),
  defineRule({
    id: 'TR011',
    severity: 'error',
    enforcedBy: 'planner',
    title: 'Every physical or loopback interface of the desired state exists on the node',
    rationale: 'tandem cannot create hardware; addresses and routes on a missing interface cannot be applied.',
    reference: 'NonStop CIP manual ("Failover interface does not exist")',
  }),
  defineRule({
    id: 'TR012',
    severity: 'error',
    enforcedBy: 'planner',
    title:
      'The plan, simulated over the observed state, reaches the desired state ' +
      'with every step accepted by the kernel model',
    rationale: 'A plan that fails half-way or does not converge is refused before it touches a node.',
    reference: 'Linux kernel behaviour (sim kernel model)',
  }),
  defineRule({
    id: 'TR014',
    severity: 'error',
    enforcedBy: 'planner',
    title: 'A relocatable address never moves from a node where it works to an interface observed down or without link',
    rationale:
      'The move would take the address off the network: it leaves a working node for a dead link, ' +
      'and rolling back the arrival cannot bring it back on the old node.',
    reference:
      'LifeKeeper for Linux, IP Recovery Kit (IP resources are brought in service on an ' +
      'interface with link; link health check)',
  }),
  defineRule({
    id: 'TR013',
    severity: 'warning',
    enforcedBy: 'planner',
    title: 'A node that cannot be observed is left out of the plan',
    rationale: 'Nothing can be planned safely for a node whose state is unknown.',
    reference: 'docs/decisions.md (Observed state)',
  }),
  defineRule({
    id: 'TR015',
    severity: 'error',
    enforcedBy: 'planner',
    title:
      'An address never arrives on a node before the IKE connections that follow it are loaded there; ' +
      'their SA is initiated only after it arrived, and the old node drops its SA only after it left',
    rationale:
      'Traffic of an address on a node without its connection goes out unprotected or is dropped; an SA ' +
      'initiated before the address is there cannot be negotiated from it (src/plan/ike-steps.ts).',
    reference: 'HP-UX IPSec guide, Serviceguard appendix (same IPsec configuration on every node of a package)',
  }),
] as const;
