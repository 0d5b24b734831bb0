// Relocatable addresses: seed 004 (SIOS LifeKeeper IP Recovery Kit). An IP resource
// lives on one server of its hierarchy at a time; servers have unique priorities from
// 1 to 999 ("no two servers can have the same priority for a given resource"); local
// recovery moves it to a backup interface "attached to the same physical network as
// the primary interface"; at most one resource per subnet should set the source
// address ("only a single IP address can actually be the source address"); a ping list
// must not hold addresses "that exist on the LifeKeeper systems themselves".
// Dependencies (RA009-RA011) are in relocatable-dependencies.ts, the coordinator-loss
// policy (RA012) in relocatable-coordinator.ts.
import type { SourcePos } from '../../diagnostics.js';
import { at, findInterface, type DesiredModel, type Entry, type StaticAddressRef } from '../../model/desired.js';
import type { NodeDocument, PingCheck, RelocatableAddressDocument } from '../../model/generated/desired.js';
import { parseCidr, parseIp } from '../../model/ip.js';
import { defineRule, type Finding } from './rule.js';
import { dependencyRules } from './relocatable-dependencies.js';
import { holdNeedsUniquenessCheck } from './relocatable-coordinator.js';
import { relocatableCidr, segmentOf, slaveOf } from './util-interfaces.js';
import { didYouMean } from '../suggest.js';

type Reloc = Entry<RelocatableAddressDocument>;

const ra = (r: Reloc) => `RelocatableAddress/${r.name}`;
const placementAt = (r: Reloc, i: number, ...rest: string[]) => at(r, 'spec', 'placements', i, ...rest);
const interfaceNames = (model: DesiredModel, node: string): string[] =>
  model.nodeByName.get(node)?.doc.spec.interfaces.map((x) => x.name) ?? [];

const PLACEMENT_INTERFACES = ['interface', 'backupInterface'] as const;

export const placementsExist = defineRule({
  id: 'RA001',
  severity: 'error',
  title: 'Placements name existing nodes and existing non-slave interfaces (primary and backup)',
  rationale:
    'An address placed on a missing node or interface, or on a bond slave, cannot be brought up there when it moves.',
  reference:
    'LifeKeeper for Linux, IP Recovery Kit "Creating an IP Resource" ' +
    '(Network Interface, Backup Interface: valid choices depend on the configuration)',
  check(model) {
    const findings: Finding[] = [];
    for (const r of model.relocatables) {
      r.doc.spec.placements.forEach((p, i) => {
        if (!model.nodeByName.has(p.node)) {
          findings.push({
            summary: `${ra(r)}: placement on Node/${p.node}, which is not defined`,
            detail: `${didYouMean(p.node, model.nodeByName.keys())}Define Node/${p.node} or remove the placement.`,
            objects: [ra(r), `Node/${p.node}`],
            source: placementAt(r, i, 'node'),
          });
          return;
        }
        for (const field of PLACEMENT_INTERFACES) {
          const name = p[field];
          if (name === undefined) continue;
          const role = field === 'interface' ? 'interface' : 'backup interface';
          const ref = findInterface(model, p.node, name);
          if (!ref) {
            findings.push({
              summary: `${ra(r)}: ${role} ${p.node}/${name} is not defined on Node/${p.node}`,
              detail:
                `${didYouMean(name, interfaceNames(model, p.node))}` +
                `Define ${name} on ${p.node} or choose one of its interfaces.`,
              objects: [ra(r), `Node/${p.node}`, `${p.node}/${name}`],
              source: placementAt(r, i, field),
              related: [
                { source: at(model.nodeByName.get(p.node)!, 'spec', 'interfaces'), note: `interfaces of ${p.node}` },
              ],
            });
            continue;
          }
          const bond = slaveOf(model, p.node, name);
          if (bond !== undefined) {
            findings.push({
              summary: `${ra(r)}: ${role} ${p.node}/${name} is a slave of bond ${bond}`,
              detail: `Place the address on ${p.node}/${bond}: a slave carries no addresses.`,
              objects: [ra(r), `${p.node}/${name}`, `${p.node}/${bond}`],
              source: placementAt(r, i, field),
              related: [
                {
                  source: at(ref.node, 'spec', 'interfaces', ref.index, 'name'),
                  note: `${p.node}/${name} defined here`,
                },
              ],
            });
          }
        }
      });
    }
    return findings;
  },
});

export const prioritiesUnique = defineRule({
  id: 'RA002',
  severity: 'error',
  title: 'Placement priorities are unique within an address (1 to 999 is enforced by the schema)',
  rationale:
    'The priority orders the cascading failover; two placements with one priority leave the next node ambiguous.',
  reference:
    'LifeKeeper for Linux, IP Recovery Kit "Extending an IP Resource" (no two servers can have ' +
    'the same priority for a given resource)',
  check(model) {
    const findings: Finding[] = [];
    for (const r of model.relocatables) {
      const first = new Map<number, number>();
      r.doc.spec.placements.forEach((p, i) => {
        const prev = first.get(p.priority);
        if (prev === undefined) return void first.set(p.priority, i);
        const other = r.doc.spec.placements[prev];
        findings.push({
          summary: `${ra(r)}: placements on ${p.node} and ${other.node} both have priority ${p.priority}`,
          detail: 'Give every placement its own priority (1 is highest).',
          objects: [ra(r), `Node/${p.node}`, `Node/${other.node}`],
          source: placementAt(r, i, 'priority'),
          related: [{ source: placementAt(r, prev, 'priority'), note: `priority of the placement on ${other.node}` }],
        });
      });
    }
    return findings;
  },
});

export const activeIsPlaced = defineRule({
  id: 'RA003',
  severity: 'error',
  title: '`active` is one of the placement nodes',
  rationale: 'The address can only be brought up where a placement says on which interface.',
  reference: 'LifeKeeper for Linux, IP Recovery Kit (a resource is in service on one server of its hierarchy)',
  check(model) {
    const findings: Finding[] = [];
    for (const r of model.relocatables) {
      const { active, placements } = r.doc.spec;
      if (placements.some((p) => p.node === active)) continue;
      findings.push({
        summary:
          `${ra(r)}: active node ${active} is not one of its ` +
          `placements (${placements.map((p) => p.node).join(', ')})`,
        detail:
          `${didYouMean(
            active,
            placements.map((p) => p.node),
          )}` + `Set active to a placement node, or add a placement on ${active}.`,
        objects: [ra(r), `Node/${active}`],
        source: at(r, 'spec', 'active'),
        related: [{ source: at(r, 'spec', 'placements'), note: 'placements' }],
      });
    }
    return findings;
  },
});

export const nodePlacedOnce = defineRule({
  id: 'RA004',
  severity: 'error',
  title: 'A node appears at most once in the placements of an address',
  rationale: 'Two placements on one node give the address two interfaces there; only one can carry it.',
  reference:
    'LifeKeeper for Linux, IP Recovery Kit (one IP resource instance per server; local ' +
    'recovery uses the backup interface instead)',
  check(model) {
    const findings: Finding[] = [];
    for (const r of model.relocatables) {
      const first = new Map<string, number>();
      r.doc.spec.placements.forEach((p, i) => {
        const prev = first.get(p.node);
        if (prev === undefined) return void first.set(p.node, i);
        findings.push({
          summary: `${ra(r)}: Node/${p.node} has two placements`,
          detail: 'Keep one placement per node; for a second interface on that node use backupInterface.',
          objects: [ra(r), `Node/${p.node}`],
          source: placementAt(r, i, 'node'),
          related: [{ source: placementAt(r, prev, 'node'), note: 'first placement on this node' }],
        });
      });
    }
    return findings;
  },
});

export const backupInterfaceValid = defineRule({
  id: 'RA005',
  severity: 'error',
  title: 'A backup interface differs from the primary interface and is on the same segment',
  rationale: 'Local recovery moves the address to the backup interface; on another network it is unreachable.',
  reference:
    'LifeKeeper for Linux, IP Recovery Kit "IP Local Recovery" (the backup interface must be ' +
    'attached to the same physical network as the primary interface)',
  check(model) {
    const findings: Finding[] = [];
    for (const r of model.relocatables) {
      r.doc.spec.placements.forEach((p, i) => {
        if (p.backupInterface === undefined) return;
        const pair = `${p.node}/${p.interface}`;
        const backupName = `${p.node}/${p.backupInterface}`;
        if (p.backupInterface === p.interface) {
          findings.push({
            summary: `${ra(r)}: backup interface ${backupName} is the primary interface itself`,
            detail: 'Name another interface of the same segment as backup, or remove backupInterface.',
            objects: [ra(r), pair],
            source: placementAt(r, i, 'backupInterface'),
          });
          return;
        }
        const primary = findInterface(model, p.node, p.interface);
        const backup = findInterface(model, p.node, p.backupInterface);
        if (!primary || !backup) return;
        const a = segmentOf(model, primary);
        const b = segmentOf(model, backup);
        if (a === b) return;
        const show = (s: string | undefined) => (s === undefined ? 'no known segment' : `segment ${s}`);
        findings.push({
          summary:
            `${ra(r)}: primary interface ${pair} is on ${show(a)}, ` +
            `but backup interface ${backupName} is on ${show(b)}`,
          detail: 'Choose a backup interface cabled to the same segment as the primary (declare `segment` on both).',
          objects: [ra(r), pair, backupName],
          source: placementAt(r, i, 'backupInterface'),
          related: [
            { source: at(primary.node, 'spec', 'interfaces', primary.index, 'name'), note: `${pair} defined here` },
            { source: at(backup.node, 'spec', 'interfaces', backup.index, 'name'), note: `${backupName} defined here` },
          ],
        });
      });
    }
    return findings;
  },
});

export const backupInterfaceOnce = defineRule({
  id: 'RA006',
  severity: 'error',
  title: 'A backup interface backs at most one relocatable address on its node',
  rationale:
    'Moving one address to the backup interface unconfigures the other addresses of its subnet there; ' +
    'two owners of one backup recover into each other.',
  reference:
    'LifeKeeper for Linux, IP Recovery Kit "IP Local Recovery" and "lkipbu" (one backup ' +
    'interface per IP resource instance)',
  check(model) {
    const findings: Finding[] = [];
    const first = new Map<string, { r: Reloc; i: number }>();
    for (const r of model.relocatables) {
      r.doc.spec.placements.forEach((p, i) => {
        if (p.backupInterface === undefined) return;
        const key = `${p.node}/${p.backupInterface}`;
        const prev = first.get(key);
        if (!prev) return void first.set(key, { r, i });
        findings.push({
          summary: `${ra(r)}: backup interface ${key} already backs ${ra(prev.r)}`,
          detail: `Use another backup interface on ${p.node}, or bond the interfaces instead.`,
          objects: [ra(r), ra(prev.r), key],
          source: placementAt(r, i, 'backupInterface'),
          related: [{ source: placementAt(prev.r, prev.i, 'backupInterface'), note: `backup of ${ra(prev.r)}` }],
        });
      });
    }
    return findings;
  },
});

export const sourceAddressOnce = defineRule({
  id: 'RA007',
  severity: 'error',
  title: 'At most one relocatable address per subnet per node has sourceAddress: true',
  rationale:
    'Only one address can be the source of outgoing traffic on a subnet; ' +
    'with two, whichever came up last silently wins.',
  reference: 'LifeKeeper for Linux, IP Recovery Kit "Important Notes About the Source Address Setting"',
  check(model) {
    const findings: Finding[] = [];
    const first = new Map<string, Reloc>();
    for (const r of model.relocatables) {
      if (r.doc.spec.sourceAddress !== true) continue;
      const cidr = relocatableCidr(r);
      if (!cidr) continue;
      for (const node of new Set(r.doc.spec.placements.map((p) => p.node))) {
        const key = `${node} ${cidr.network}`;
        const prev = first.get(key);
        if (!prev) {
          first.set(key, r);
          continue;
        }
        findings.push({
          summary: `${ra(r)} and ${ra(prev)} are both the source address of ${cidr.network} on ${node}`,
          detail: `Set sourceAddress: true on at most one of them.`,
          objects: [ra(r), ra(prev), `Node/${node}`],
          source: at(r, 'spec', 'sourceAddress'),
          related: [{ source: at(prev, 'spec', 'sourceAddress'), note: `sourceAddress of ${ra(prev)}` }],
        });
      }
    }
    return findings;
  },
});

/** What holds an own address: described only for a hit. */
type OwnAddress = { static: StaticAddressRef } | { management: Entry<NodeDocument> } | { relocatable: Reloc };

function ownWhat(own: OwnAddress): string {
  if ('static' in own) return `an address of ${own.static.node.name}/${own.static.iface.name}`;
  if ('management' in own) return `the management address of ${own.management.name}`;
  return `relocatable ${ra(own.relocatable)}`;
}

function ownSource(own: OwnAddress): SourcePos {
  if ('static' in own) {
    const s = own.static;
    return at(s.node, 'spec', 'interfaces', s.index, 'addresses', s.addressIndex);
  }
  if ('management' in own) return at(own.management, 'spec', 'management');
  return at(own.relocatable, 'spec', 'address');
}

/**
 * Every address that lives on the cluster's own nodes: static, management, relocatable.
 * Texts and positions are built only for a hit (locating is the costly part).
 */
function ownAddresses(model: DesiredModel): Map<string, OwnAddress> {
  const own = new Map<string, OwnAddress>();
  for (const s of model.staticAddresses) {
    if (!own.has(s.cidr.address)) own.set(s.cidr.address, { static: s });
  }
  for (const node of model.nodes) {
    const mgmt = node.doc.spec.management && parseCidr(node.doc.spec.management);
    if (mgmt && !own.has(mgmt.address)) own.set(mgmt.address, { management: node });
  }
  for (const r of model.relocatables) {
    const cidr = relocatableCidr(r);
    if (cidr && !own.has(cidr.address)) own.set(cidr.address, { relocatable: r });
  }
  return own;
}

export const pingListValid = defineRule({
  id: 'RA008',
  severity: 'error',
  title:
    "Ping-list addresses are of the address's family and not addresses of the cluster's own nodes; " +
    'broadcast ping only for IPv4',
  rationale:
    'A ping to an own address answers locally whatever the state of the monitored interface; IPv6 has no broadcast.',
  reference:
    'LifeKeeper for Linux, IP Recovery Kit "Important Notes About Using a Ping List" and "IP ' +
    'Resource Monitoring" (broadcast ping)',
  check(model) {
    const findings: Finding[] = [];
    // Ping lists repeat the same few routers across thousands of addresses: parse each once.
    const targets = new Map<string, ReturnType<typeof parseIp>>();
    const parseTarget = (text: string) => {
      let ip = targets.get(text);
      if (ip === undefined) targets.set(text, (ip = parseIp(text)));
      return ip;
    };
    // Built on first use: most fleets configure no ping list at all.
    let ownCache: ReturnType<typeof ownAddresses> | undefined;
    const own = { get: (address: string) => (ownCache ??= ownAddresses(model)).get(address) };
    const cluster = model.cluster;
    const defaults = cluster?.doc.spec.defaults?.health?.ping;
    const defaultsAt = (...rest: Array<string | number>) => at(cluster!, 'spec', 'defaults', 'health', 'ping', ...rest);
    const ownCheck = (
      ping: PingCheck | undefined,
      owner: string,
      where: (...rest: Array<string | number>) => SourcePos,
    ) => {
      (ping?.list ?? []).forEach((text, j) => {
        const ip = parseTarget(text);
        const hit = ip && own.get(ip.address);
        if (!hit) return;
        findings.push({
          summary: `${owner}: ping-list address ${text} is ${ownWhat(hit)}`,
          detail: 'Ping a router or another host outside the cluster that is always up.',
          objects: [owner],
          source: where('list', j),
          related: [{ source: ownSource(hit), note: `${text} defined here` }],
        });
      });
    };
    if (cluster) ownCheck(defaults, `Cluster/${cluster.name}`, defaultsAt);
    for (const r of model.relocatables) {
      const cidr = relocatableCidr(r);
      if (!cidr) continue;
      const mine = r.doc.spec.health?.ping;
      // An address's own health.ping replaces the cluster default as a whole.
      const inherited = mine === undefined && defaults !== undefined;
      const ping = mine ?? defaults;
      if (!ping) continue;
      const where = (...rest: Array<string | number>) => at(r, 'spec', 'health', 'ping', ...rest);
      if (!inherited) ownCheck(mine, ra(r), where);
      const related = inherited ? [{ source: defaultsAt(), note: 'inherited from the cluster default' }] : undefined;
      (ping.list ?? []).forEach((text, j) => {
        const ip = parseTarget(text);
        if (!ip || ip.family === cidr.family) return;
        findings.push({
          summary: `${ra(r)}: ping-list address ${text} is IPv${ip.family}, but ${cidr.cidr} is IPv${cidr.family}`,
          detail: inherited
            ? `Give ${ra(r)} its own health.ping list of IPv${cidr.family} addresses.`
            : `Use IPv${cidr.family} addresses: the pings are sent from the address itself.`,
          objects: [ra(r)],
          source: inherited ? at(r, 'spec', 'address') : where('list', j),
          related: inherited
            ? [{ source: defaultsAt('list', j), note: 'inherited from the cluster default' }]
            : undefined,
        });
      });
      if (ping.broadcast === true && cidr.family === 6) {
        findings.push({
          summary: `${ra(r)}: broadcast ping for IPv6 address ${cidr.cidr}`,
          detail: 'IPv6 has no broadcast: configure a ping list instead.',
          objects: [ra(r)],
          source: inherited ? at(r, 'spec', 'address') : where('broadcast'),
          related,
        });
      }
    }
    return findings;
  },
});

export const relocatableRules = [
  placementsExist,
  prioritiesUnique,
  activeIsPlaced,
  nodePlacedOnce,
  backupInterfaceValid,
  backupInterfaceOnce,
  sourceAddressOnce,
  pingListValid,
  ...dependencyRules,
  holdNeedsUniquenessCheck,
] as const;
