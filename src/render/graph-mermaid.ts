// The topology as a Mermaid flowchart: nodes and their interfaces, the segments they are
// cabled to, failover pairs, where each relocatable address is active and may move, the
// IPsec policies and what they apply to, and a legend of the shapes and lines. Every identifier is
// rebuilt from validated names with anything but [A-Za-z0-9_] replaced, and every
// label is quoted, so YAML content cannot break out of the diagram.
import type { DesiredModel } from '../model/desired.js';

const id = (...parts: string[]) => parts.join('__').replace(/[^A-Za-z0-9_]/g, '_');
const label = (text: string) => `"${text.replace(/["<>]/g, '')}"`;

export interface GraphPlacement {
  name: string;
  target?: { node: string; iface: string };
}

export function renderMermaid(model: DesiredModel, placements: readonly GraphPlacement[] = []): string {
  const out = ['flowchart LR'];
  for (const n of model.nodes) {
    const title = `${n.name}${n.doc.spec.provider ? ` (${n.doc.spec.provider})` : ''}`;
    out.push(`  subgraph ${id('node', n.name)}[${label(title)}]`);
    for (const i of n.doc.spec.interfaces) {
      const text = [i.name, i.type !== 'physical' ? i.type : '', ...(i.addresses ?? [])].filter(Boolean).join(' ');
      out.push(`    ${id('if', n.name, i.name)}[${label(text)}]`);
    }
    out.push('  end');
  }
  const pairs = new Set<string>();
  for (const n of model.nodes) {
    for (const i of n.doc.spec.interfaces) {
      if (!i.failover) continue;
      const a = id('if', n.name, i.name);
      const b = id('if', i.failover.node, i.failover.interface);
      const key = [a, b].sort().join('|');
      if (pairs.has(key)) continue;
      pairs.add(key);
      out.push(`  ${a} <-. failover .-> ${b}`);
    }
    for (const i of n.doc.spec.interfaces)
      for (const s of i.bond?.slaves ?? [])
        out.push(`  ${id('if', n.name, s)} -- slave --> ${id('if', n.name, i.name)}`);
  }
  out.push(...segmentLines(model));
  const where = new Map(placements.map((p) => [p.name, p.target]));
  for (const r of model.relocatables) {
    const rid = id('ra', r.name);
    out.push(`  ${rid}((${label(`${r.name} ${r.doc.spec.address}`)}))`);
    const current = where.get(r.name);
    for (const p of r.doc.spec.placements) {
      const target = id('if', p.node, p.interface);
      const isActive = current ? current.node === p.node : p.node === r.doc.spec.active;
      out.push(
        isActive
          ? `  ${rid} == ${label(`active p${p.priority}`)} ==> ${target}`
          : `  ${rid} -. ${label(`p${p.priority}`)} .-> ${target}`,
      );
    }
  }
  out.push(...ipsecLines(model), ...LEGEND);
  return out.join('\n') + '\n';
}

/** Each segment once, with its subnets, and a plain line to every interface cabled to it. */
function segmentLines(model: DesiredModel): string[] {
  const out: string[] = [];
  for (const seg of model.cluster?.doc.spec.segments ?? [])
    out.push(`  ${id('seg', seg.name)}{{${label(`${seg.name} ${seg.subnets.join(' ')}`)}}}:::segment`);
  for (const n of model.nodes)
    for (const i of n.doc.spec.interfaces)
      if (i.segment && model.segmentByName.has(i.segment))
        out.push(`  ${id('if', n.name, i.name)} --- ${id('seg', i.segment)}`);
  return out;
}

/** Each IPsec policy: what it does to which traffic, linked to the nodes or the address it applies to. */
function ipsecLines(model: DesiredModel): string[] {
  const out: string[] = [];
  for (const p of model.ipsecPolicies) {
    const s = p.doc.spec;
    const what = [s.action, s.protocol, s.mode].filter(Boolean).join(' ');
    const traffic = `${s.selector.source} to ${s.selector.destination} (${s.directions.join(', ')})`;
    const text = `IPsec ${p.name}: ${what} ${traffic}`;
    const pid = id('ipsec', p.name);
    out.push(`  ${pid}[/${label(text)}/]:::ipsec`);
    for (const node of s.appliesTo.nodes ?? [])
      if (model.nodeByName.has(node)) out.push(`  ${pid} -. ${label('applies to')} .- ${id('node', node)}`);
    const ra = s.appliesTo.relocatableAddress;
    if (ra && model.relocatableByName.has(ra)) out.push(`  ${pid} -. ${label('follows')} .- ${id('ra', ra)}`);
  }
  return out;
}

/** What the shapes and lines mean, as a small graph of its own. */
const LEGEND = [
  `  subgraph legend[${label('legend')}]`,
  '    direction TB',
  `    legend_if[${label('interface: name type addresses')}]`,
  `    legend_seg{{${label('segment: name subnets')}}}:::segment`,
  `    legend_ra((${label('relocatable address')}))`,
  `    legend_ipsec[/${label('IPsec policy')}/]:::ipsec`,
  `    legend_standby[${label('standby interface')}]`,
  `    legend_partner[${label('failover partner')}]`,
  '    legend_if --- legend_seg',
  `    legend_ra == ${label('active, priority')} ==> legend_if`,
  `    legend_ra -. ${label('may move to, priority')} .-> legend_standby`,
  `    legend_standby <-. ${label('failover')} .-> legend_partner`,
  `    legend_ipsec -. ${label('applies to / follows')} .- legend_ra`,
  '  end',
  '  classDef segment fill:#eef6ff,stroke:#4a78b0',
  '  classDef ipsec fill:#fff4e5,stroke:#b07a1a',
];
