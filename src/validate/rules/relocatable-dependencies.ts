// Dependencies between relocatable addresses: seed 004 "Guidelines for Creating an IP
// Dependency". A LifeKeeper hierarchy is brought up child first on one server, and a
// dependency is extended to every server its parent is extended to; so references must
// exist, form no cycle, and the two addresses must be able to live on the same nodes.
import { at, type DesiredModel, type Entry } from '../../model/desired.js';
import type { RelocatableAddressDocument } from '../../model/generated/desired.js';
import { defineRule, type Finding } from './rule.js';
import { didYouMean } from '../suggest.js';

type Reloc = Entry<RelocatableAddressDocument>;

const ra = (r: Reloc) => `RelocatableAddress/${r.name}`;

export const dependenciesAcyclic = defineRule({
  id: 'RA009',
  severity: 'error',
  title: '`dependsOn` names existing relocatable addresses and has no cycles',
  rationale: 'A missing dependency or a cycle means the address can never be brought up.',
  reference:
    'LifeKeeper for Linux, IP Recovery Kit "Guidelines for Creating an IP Dependency" ' +
    '(parent/child resource hierarchies)',
  check(model) {
    const findings: Finding[] = [];
    for (const r of model.relocatables) {
      (r.doc.spec.dependsOn ?? []).forEach((name, j) => {
        if (model.relocatableByName.has(name)) return;
        findings.push({
          summary: `${ra(r)}: depends on RelocatableAddress/${name}, which is not defined`,
          detail:
            `${didYouMean(name, model.relocatableByName.keys())}` +
            `Define RelocatableAddress/${name} or remove it from dependsOn.`,
          objects: [ra(r), `RelocatableAddress/${name}`],
          source: at(r, 'spec', 'dependsOn', j),
        });
      });
    }
    // Iterative depth-first search: a back edge to a node on the stack closes a cycle.
    const state = new Map<string, 'open' | 'done'>();
    for (const root of model.relocatables) {
      if (state.has(root.name)) continue;
      // Most addresses depend on none: done at once, without a search of their own.
      if ((root.doc.spec.dependsOn ?? []).length === 0) {
        state.set(root.name, 'done');
        continue;
      }
      const stack: Array<{ r: Reloc; next: number }> = [{ r: root, next: 0 }];
      const depth = new Map<string, number>([[root.name, 0]]);
      state.set(root.name, 'open');
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        const deps = top.r.doc.spec.dependsOn ?? [];
        if (top.next >= deps.length) {
          state.set(top.r.name, 'done');
          depth.delete(top.r.name);
          stack.pop();
          continue;
        }
        const j = top.next++;
        const dep = model.relocatableByName.get(deps[j]);
        if (!dep) continue;
        const seen = state.get(dep.name);
        if (seen === undefined) {
          state.set(dep.name, 'open');
          depth.set(dep.name, stack.length);
          stack.push({ r: dep, next: 0 });
        } else if (seen === 'open') {
          const members = stack.slice(depth.get(dep.name));
          const path = [...members.map((m) => m.r.name), dep.name].join(' -> ');
          findings.push({
            summary: `${ra(top.r)}: dependsOn forms a cycle ${path}`,
            detail: 'Break the cycle: a dependency must come up before the address that depends on it.',
            objects: members.map((m) => ra(m.r)),
            source: at(top.r, 'spec', 'dependsOn', j),
            related: members
              .filter((m) => m !== top)
              .map((m) => ({
                source: at(m.r, 'spec', 'dependsOn', m.next - 1),
                note: `${m.r.name} depends on the next in the cycle`,
              })),
          });
        }
      }
    }
    return findings;
  },
});

function* dependencyEdges(model: DesiredModel): Generator<{ r: Reloc; dep: Reloc; j: number }> {
  for (const r of model.relocatables) {
    const deps = r.doc.spec.dependsOn ?? [];
    for (let j = 0; j < deps.length; j++) {
      const dep = model.relocatableByName.get(deps[j]);
      if (dep && dep !== r) yield { r, dep, j };
    }
  }
}

export const dependenciesColocated = defineRule({
  id: 'RA010',
  severity: 'error',
  title: 'A dependency can live on every node of the address that depends on it',
  rationale:
    'The address cannot come up on a node its dependency can never reach: ' +
    'that placement promises a failover that cannot happen.',
  reference:
    'LifeKeeper for Linux, IP Recovery Kit "Guidelines for Creating an IP Dependency" (a ' +
    'dependency is extended to the same servers as its parent)',
  check(model) {
    const findings: Finding[] = [];
    for (const { r, dep, j } of dependencyEdges(model)) {
      const depNodes = new Set(dep.doc.spec.placements.map((p) => p.node));
      const missing = [...new Set(r.doc.spec.placements.map((p) => p.node))].filter((n) => !depNodes.has(n));
      if (missing.length === 0) continue;
      findings.push({
        summary: `${ra(r)}: depends on ${ra(dep)}, which has no placement on ${missing.join(', ')}`,
        detail: `Add placements for ${ra(dep)} on ${missing.join(', ')}, or remove those placements from ${ra(r)}.`,
        objects: [ra(r), ra(dep), ...missing.map((n) => `Node/${n}`)],
        source: at(r, 'spec', 'dependsOn', j),
        related: [{ source: at(dep, 'spec', 'placements'), note: `placements of ${ra(dep)}` }],
      });
    }
    return findings;
  },
});

export const dependenciesSameActive = defineRule({
  id: 'RA011',
  severity: 'error',
  title: 'An address and its dependencies are active on the same node',
  rationale: 'A dependency must be active on the same node first; different active nodes ask for the impossible.',
  reference:
    'LifeKeeper for Linux, IP Recovery Kit "Guidelines for Creating an IP Dependency" (a ' +
    'hierarchy is in service on one server)',
  check(model) {
    const findings: Finding[] = [];
    for (const { r, dep } of dependencyEdges(model)) {
      if (r.doc.spec.active === dep.doc.spec.active) continue;
      findings.push({
        summary:
          `${ra(r)} is active on ${r.doc.spec.active}, ` +
          `but its dependency ${ra(dep)} is active on ${dep.doc.spec.active}`,
        detail: 'Make both active on one node (a switchover moves them together).',
        objects: [ra(r), ra(dep), `Node/${r.doc.spec.active}`, `Node/${dep.doc.spec.active}`],
        source: at(r, 'spec', 'active'),
        related: [{ source: at(dep, 'spec', 'active'), note: `active node of ${ra(dep)}` }],
      });
    }
    return findings;
  },
});

export const dependencyRules = [dependenciesAcyclic, dependenciesColocated, dependenciesSameActive] as const;
