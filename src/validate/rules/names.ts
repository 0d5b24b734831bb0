// Names: interface names unique per node, and IPv4 alias labels that fit the kernel's
// 15-byte interface name limit. Node-name uniqueness is LOAD003 (any kind and name);
// the characters of an interface name are NAME002, enforced by the schema.
import { at } from '../../model/desired.js';
import { defineRule, type Finding } from './rule.js';

/** Linux IFNAMSIZ is 16 bytes including the terminating NUL. */
export const MAX_IFNAME_BYTES = 15;

export const interfaceNamesUnique = defineRule({
  id: 'NAME001',
  severity: 'error',
  title: 'Interface names are unique within a node',
  rationale: 'Two definitions of one interface would fight over its addresses and routes.',
  reference: 'Linux: one netdev per name in a namespace; NonStop CIP manual (interfaces configured on their home CLIM)',
  check(model) {
    const findings: Finding[] = [];
    for (const node of model.nodes) {
      const first = new Map<string, number>();
      node.doc.spec.interfaces.forEach((iface, i) => {
        const prev = first.get(iface.name);
        if (prev === undefined) {
          first.set(iface.name, i);
          return;
        }
        findings.push({
          summary: `Node/${node.name}: interface ${iface.name} is defined twice`,
          detail: 'Merge the two definitions or rename one of them.',
          objects: [`Node/${node.name}`, `${node.name}/${iface.name}`],
          source: at(node, 'spec', 'interfaces', i, 'name'),
          related: [{ source: at(node, 'spec', 'interfaces', prev, 'name'), note: 'first defined here' }],
        });
      });
    }
    return findings;
  },
});

export const aliasFitsIfname = defineRule({
  id: 'NAME003',
  severity: 'error',
  title: "An address alias '<interface>:<label>' fits in 15 bytes",
  rationale: 'The kernel refuses an IPv4 label longer than IFNAMSIZ-1; the address would fail to come up on failover.',
  reference:
    'Linux IFNAMSIZ; LifeKeeper for Linux, IP Recovery Kit (LifeKeeper IP resources appear as ' +
    'interface aliases such as eth0:1)',
  check(model) {
    const findings: Finding[] = [];
    for (const reloc of model.relocatables) {
      reloc.doc.spec.placements.forEach((p, i) => {
        if (p.label === undefined) return;
        for (const iface of [p.interface, p.backupInterface]) {
          if (iface === undefined) continue;
          const alias = `${iface}:${p.label}`;
          const bytes = Buffer.byteLength(alias);
          if (bytes > MAX_IFNAME_BYTES) {
            findings.push({
              summary:
                `RelocatableAddress/${reloc.name}: alias ${alias} on ${p.node} is ${bytes} bytes, ` +
                `over the ${MAX_IFNAME_BYTES}-byte limit`,
              detail: `Shorten the label to at most ${MAX_IFNAME_BYTES - Buffer.byteLength(iface) - 1} characters.`,
              objects: [`RelocatableAddress/${reloc.name}`, `${p.node}/${iface}`],
              source: at(reloc, 'spec', 'placements', i, 'label'),
            });
          }
        }
      });
    }
    return findings;
  },
});

export const nameRules = [interfaceNamesUnique, aliasFitsIfname] as const;
