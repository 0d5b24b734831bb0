// Bonds: intra-node failover (seed 001: "Intra-CLIM failover is configured by creating a
// bonded interface and adding slave interfaces to it"). A slave is a physical port
// owned by its bond: the bond carries the addresses, routes, neighbours and any
// failover to another node (seed 001: failover interfaces are "non-slave physical or
// bonded"), so the slave carries none of them and belongs to one bond only.
import type { SourcePos } from '../../diagnostics.js';
import { at, findInterface, type DesiredModel, type Entry, type InterfaceRef } from '../../model/desired.js';
import type { Interface, NodeDocument } from '../../model/generated/desired.js';
import { defineRule, type Finding } from './rule.js';

interface SlaveUse {
  node: Entry<NodeDocument>;
  bond: Interface;
  bondIndex: number;
  slaveIndex: number;
  name: string;
  /** The slave's definition on the node, when it exists. */
  ref?: InterfaceRef;
  /** The first bond (and position) that lists this slave, when this is a repeat. */
  firstUse?: SlaveUse;
  /** The earlier listing of this slave in the same bond, when it is listed twice. */
  repeatOf?: SlaveUse;
}

/** Every slave listed by a bond, in document order. */
function slaveUses(model: DesiredModel): SlaveUse[] {
  const uses: SlaveUse[] = [];
  for (const node of model.nodes) {
    const first = new Map<string, SlaveUse>();
    node.doc.spec.interfaces.forEach((bond, bondIndex) => {
      if (bond.type !== 'bond' || !bond.bond) return;
      const inThisBond = new Map<string, SlaveUse>();
      bond.bond.slaves.forEach((name, slaveIndex) => {
        const ref = findInterface(model, node.name, name);
        const use: SlaveUse = {
          node,
          bond,
          bondIndex,
          slaveIndex,
          name,
          ref,
          firstUse: first.get(name),
          repeatOf: inThisBond.get(name),
        };
        if (!use.firstUse) first.set(name, use);
        if (!use.repeatOf) inThisBond.set(name, use);
        uses.push(use);
      });
    });
  }
  return uses;
}

function slavePos(u: SlaveUse): SourcePos {
  return at(u.node, 'spec', 'interfaces', u.bondIndex, 'bond', 'slaves', u.slaveIndex);
}

function slaveObjects(u: SlaveUse): string[] {
  return [`Node/${u.node.name}`, `${u.node.name}/${u.bond.name}`, `${u.node.name}/${u.name}`];
}

/** First use of each existing slave: a repeated slave is BOND005's finding, not three more. */
function definedSlaves(model: DesiredModel): Array<SlaveUse & { ref: InterfaceRef }> {
  return slaveUses(model).filter((u): u is SlaveUse & { ref: InterfaceRef } => u.ref !== undefined && !u.firstUse);
}

export const bondSettingsMatchType = defineRule({
  id: 'BOND001',
  severity: 'error',
  title: 'An interface of type bond has bond settings, and only bonds have them',
  rationale: 'A bond without slaves carries nothing; bond settings on another type would be silently ignored.',
  reference: 'NonStop CIP manual (a bonded interface with slave interfaces added to it)',
  check(model) {
    const findings: Finding[] = [];
    for (const node of model.nodes) {
      node.doc.spec.interfaces.forEach((iface, i) => {
        const objects = [`Node/${node.name}`, `${node.name}/${iface.name}`];
        if (iface.type === 'bond' && !iface.bond) {
          findings.push({
            summary: `Node/${node.name}: bond interface ${iface.name} has no bond settings`,
            detail: 'Add bond: { mode, slaves } with the physical interfaces it bonds.',
            objects,
            source: at(node, 'spec', 'interfaces', i, 'type'),
          });
        } else if (iface.type !== 'bond' && iface.bond) {
          findings.push({
            summary: `Node/${node.name}: interface ${iface.name} has bond settings but is of type ${iface.type}`,
            detail: 'Set type: bond, or remove the bond settings.',
            objects,
            source: at(node, 'spec', 'interfaces', i, 'bond'),
            related: [{ source: at(node, 'spec', 'interfaces', i, 'type'), note: `type ${iface.type}` }],
          });
        }
      });
    }
    return findings;
  },
});

export const slaveExists = defineRule({
  id: 'BOND002',
  severity: 'error',
  title: "A bond's slaves are interfaces of the same node",
  rationale:
    'A bond can only enslave ports of its own node; ' +
    'a missing slave leaves the bond without the redundancy it promises.',
  reference: 'NonStop CIP manual (intra-CLIM failover: slaves on the same CLIM)',
  check(model) {
    return slaveUses(model)
      .filter((u) => !u.ref)
      .map((u) => ({
        summary: `Node/${u.node.name}: bond ${u.bond.name} enslaves ${u.name}, which is not an interface of the node`,
        detail: `Define ${u.name} as a physical interface of ${u.node.name}, or remove it from the slaves.`,
        objects: slaveObjects(u),
        source: slavePos(u),
      }));
  },
});

export const slaveIsPhysical = defineRule({
  id: 'BOND003',
  severity: 'error',
  title: 'Bond slaves are physical interfaces',
  rationale:
    'Bonding a bond, loopback or tunnel is refused by the kernel or makes the intra-node failover meaningless.',
  reference: 'NonStop CIP manual (a bonded interface with slave interfaces); Linux bonding driver',
  check(model) {
    return definedSlaves(model)
      .filter((u) => u.ref.iface.type !== 'physical')
      .map((u) => {
        const type = u.ref.iface.type;
        return {
          summary: `Node/${u.node.name}: bond ${u.bond.name} enslaves ${u.name}, which is a ${type} interface`,
          detail: 'Only physical interfaces can be slaves.',
          objects: slaveObjects(u),
          source: slavePos(u),
          related: [{ source: at(u.node, 'spec', 'interfaces', u.ref.index, 'type'), note: `${u.name} is ${type}` }],
        };
      });
  },
});

export const slaveCarriesNothing = defineRule({
  id: 'BOND004',
  severity: 'error',
  title: 'Bond slaves carry no addresses, routes or neighbours',
  rationale:
    "The kernel moves a port's layer-3 configuration away when it is enslaved; " +
    'what is configured on a slave is lost or fights with the bond.',
  reference:
    'NonStop CIP manual (addresses, routes and ARP entries are associated with the non-slave ' +
    'interface); Linux bonding driver',
  check(model) {
    const findings: Finding[] = [];
    for (const u of definedSlaves(model)) {
      const carried = (['addresses', 'routes', 'neighbors'] as const).filter((f) => (u.ref.iface[f]?.length ?? 0) > 0);
      if (carried.length === 0) continue;
      const what = carried.join(' and ');
      findings.push({
        summary: `Node/${u.node.name}: interface ${u.name} is a slave of ${u.bond.name} but has ${what}`,
        detail: `Move them to ${u.bond.name}.`,
        objects: slaveObjects(u),
        source: at(u.node, 'spec', 'interfaces', u.ref.index, carried[0]),
        related: [{ source: slavePos(u), note: `enslaved by ${u.bond.name}` }],
      });
    }
    return findings;
  },
});

export const slaveInOneBond = defineRule({
  id: 'BOND005',
  severity: 'error',
  title: 'An interface is a slave of one bond only, listed once',
  rationale: 'A port can have one master; the second enslavement fails and that bond runs without it.',
  reference:
    'NonStop CIP manual (adding slave interfaces to a bonded interface); Linux bonding driver (one master per port)',
  check(model) {
    return slaveUses(model)
      .filter((u): u is SlaveUse & { firstUse: SlaveUse } => u.firstUse !== undefined)
      .map((u) =>
        u.repeatOf
          ? {
              summary: `Node/${u.node.name}: bond ${u.bond.name} lists slave ${u.name} twice`,
              detail: `List ${u.name} once.`,
              objects: slaveObjects(u),
              source: slavePos(u),
              related: [{ source: slavePos(u.repeatOf), note: 'first listed here' }],
            }
          : {
              summary:
                `Node/${u.node.name}: interface ${u.name} is a slave ` +
                `of both ${u.firstUse.bond.name} and ${u.bond.name}`,
              detail: `Keep ${u.name} in one bond's slaves.`,
              objects: [...slaveObjects(u), `${u.node.name}/${u.firstUse.bond.name}`],
              source: slavePos(u),
              related: [{ source: slavePos(u.firstUse), note: `first enslaved by ${u.firstUse.bond.name}` }],
            },
      );
  },
});

export const slaveHasNoFailover = defineRule({
  id: 'BOND006',
  severity: 'error',
  title: 'Bond slaves have no failover of their own',
  rationale:
    "Failover moves an interface's resources to another node; " +
    'a slave has none, the bond does (configure failover on the bond).',
  reference: 'NonStop CIP manual ("A non-slave physical or bonded interface can have a failover interface")',
  check(model) {
    return definedSlaves(model)
      .filter((u) => u.ref.iface.failover !== undefined)
      .map((u) => ({
        summary:
          `Node/${u.node.name}: interface ${u.name} is a slave of ${u.bond.name} but has ` +
          `failover to ${u.ref.iface.failover!.node}/${u.ref.iface.failover!.interface}`,
        detail: `Configure failover on ${u.bond.name} instead.`,
        objects: slaveObjects(u),
        source: at(u.node, 'spec', 'interfaces', u.ref.index, 'failover'),
        related: [{ source: slavePos(u), note: `enslaved by ${u.bond.name}` }],
      }));
  },
});

export const slavesShareSegment = defineRule({
  id: 'BOND007',
  severity: 'warning',
  title: "A bond's slaves are cabled to the bond's segment",
  rationale:
    "The bond fails over between its slaves; a slave on another physical network cannot carry the bond's addresses.",
  reference:
    'NonStop CIP manual (intra-CLIM failover between slaves); LifeKeeper for Linux, IP ' +
    'Recovery Kit (a backup interface must be on the same physical network)',
  check(model) {
    const findings: Finding[] = [];
    const firstSegment = new Map<Interface, { segment: string; use: SlaveUse & { ref: InterfaceRef } }>();
    for (const u of definedSlaves(model)) {
      const segment = u.ref.iface.segment;
      if (segment === undefined) continue;
      if (u.bond.segment !== undefined) {
        if (segment === u.bond.segment) continue;
        findings.push({
          summary:
            `Node/${u.node.name}: slave ${u.name} is on segment ${segment}, ` +
            `but bond ${u.bond.name} is on ${u.bond.segment}`,
          detail: `Cable ${u.name} to ${u.bond.segment} (and declare it so), or take it out of ${u.bond.name}.`,
          objects: slaveObjects(u),
          source: at(u.node, 'spec', 'interfaces', u.ref.index, 'segment'),
          related: [
            { source: at(u.node, 'spec', 'interfaces', u.bondIndex, 'segment'), note: `segment of ${u.bond.name}` },
          ],
        });
        continue;
      }
      const first = firstSegment.get(u.bond);
      if (!first) {
        firstSegment.set(u.bond, { segment, use: u });
      } else if (first.segment !== segment) {
        findings.push({
          summary:
            `Node/${u.node.name}: slaves ${first.use.name} and ${u.name} of ` +
            `bond ${u.bond.name} are on different segments (${first.segment}, ${segment})`,
          detail: 'Slaves of one bond are cabled to one physical network.',
          objects: [...slaveObjects(u), `${u.node.name}/${first.use.name}`],
          source: at(u.node, 'spec', 'interfaces', u.ref.index, 'segment'),
          related: [
            {
              source: at(u.node, 'spec', 'interfaces', first.use.ref.index, 'segment'),
              note: `segment of ${first.use.name}`,
            },
          ],
        });
      }
    }
    return findings;
  },
});

export const bondRules = [
  bondSettingsMatchType,
  slaveExists,
  slaveIsPhysical,
  slaveCarriesNothing,
  slaveInOneBond,
  slaveHasNoFailover,
  slavesShareSegment,
] as const;
