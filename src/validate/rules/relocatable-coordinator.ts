// What a relocatable address does when its owner's agent loses etcd (fleet mode,
// docs/fleet.md "Coordinator loss"). `hold` keeps the address on a node whose lease may
// expire meanwhile; another placement can then win the owner key, and only its
// uniqueness check (arping -D / DAD before the add, seed 004's "unused resource" check)
// keeps it from bringing up a duplicate. So `hold` without that check is refused.
import { at, type Entry } from '../../model/desired.js';
import type { ClusterDocument, RelocatableAddressDocument } from '../../model/generated/desired.js';
import { defineRule, type Finding } from './rule.js';

type Reloc = Entry<RelocatableAddressDocument>;

export function coordinatorLossOf(r: RelocatableAddressDocument, cluster: ClusterDocument | undefined) {
  return r.spec.coordinatorLoss ?? cluster?.spec.defaults?.coordinatorLoss ?? 'release';
}

export function uniquenessCheckEnabled(r: RelocatableAddressDocument, cluster: ClusterDocument | undefined): boolean {
  return (r.spec.uniquenessCheck?.enabled ?? cluster?.spec.defaults?.uniquenessCheck?.enabled) !== false;
}

export const holdNeedsUniquenessCheck = defineRule({
  id: 'RA012',
  severity: 'error',
  title: '`coordinatorLoss: hold` requires the uniqueness check',
  rationale:
    'An owner holding its address without etcd may lose its lease; the next placement then wins the owner key, ' +
    'and only its uniqueness check before the add (arping -D, DAD) finds the address still in use and keeps it ' +
    'from being brought up on two nodes.',
  reference:
    'LifeKeeper for Linux, IP Recovery Kit (IP resource uniqueness check before an address is brought in service); ' +
    'docs/fleet.md, "Coordinator loss"',
  check(model) {
    const findings: Finding[] = [];
    const cluster = model.cluster;
    for (const r of model.relocatables as readonly Reloc[]) {
      if (coordinatorLossOf(r.doc, cluster?.doc) !== 'hold') continue;
      if (uniquenessCheckEnabled(r.doc, cluster?.doc)) continue;
      const ownPolicy = r.doc.spec.coordinatorLoss !== undefined;
      const ownCheck = r.doc.spec.uniquenessCheck?.enabled !== undefined;
      const related = [
        ...(!ownPolicy && cluster
          ? [{ source: at(cluster, 'spec', 'defaults', 'coordinatorLoss'), note: 'hold is the cluster default' }]
          : []),
        ...(!ownCheck && cluster
          ? [
              {
                source: at(cluster, 'spec', 'defaults', 'uniquenessCheck', 'enabled'),
                note: 'the uniqueness check is disabled by the cluster default',
              },
            ]
          : []),
      ];
      findings.push({
        summary: `RelocatableAddress/${r.name}: coordinatorLoss hold with the uniqueness check disabled`,
        detail:
          'Enable uniquenessCheck for this address, or use coordinatorLoss: release (the owner removes the ' +
          'address before its lease can expire).',
        objects: [`RelocatableAddress/${r.name}`],
        source: ownPolicy
          ? at(r, 'spec', 'coordinatorLoss')
          : ownCheck
            ? at(r, 'spec', 'uniquenessCheck', 'enabled')
            : at(r, 'spec', 'address'),
        ...(related.length ? { related } : {}),
      });
    }
    return findings;
  },
});
