// The topology as a Mermaid flowchart: nodes and their interfaces, failover pairs,
// and where each relocatable address is active and may move. Every identifier is
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
  return out.join('\n') + '\n';
}
