// Text, JSON and YAML views of observed state (`tandem show`). Pure: observations in,
// text out. Text groups each node's objects by kind in a fixed, readable order.
import { stringify as stringifyYaml } from 'yaml';
import type { Observation, ObservedIke, ObservedNode, ObservedRoute, ObservedXfrmPolicy } from '../observe/model.js';
import { PLAIN, type Style } from './style.js';

const TABLE_NAMES: Record<number, string> = { 253: 'default', 254: 'main', 255: 'local' };

export function renderObservationsText(observations: readonly Observation[], style: Style = PLAIN): string {
  const blocks = observations.map((o) => (o.ok ? renderObservedNode(o.state, style) : renderError(o, style)));
  const failed = observations.filter((o) => !o.ok).length;
  const summary = `${observations.length} node(s) observed, ${failed} failed`;
  return `${blocks.join('\n')}${blocks.length > 0 ? '\n' : ''}${failed > 0 ? style.red(summary) : summary}\n`;
}

export function renderObservationsJson(observations: readonly Observation[]): string {
  return `${JSON.stringify(observations, null, 2)}\n`;
}

export function renderObservationsYaml(observations: readonly Observation[]): string {
  return stringifyYaml(observations);
}

function renderError(o: Extract<Observation, { ok: false }>, style: Style): string {
  const lines = [`${style.bold(`node ${o.node}`)}  ${style.red(`error (${o.error.kind})`)}`, `  ${o.error.message}`];
  if (o.error.command) lines.push(`  command: ${o.error.command.map(quoteWord).join(' ')}`);
  return `${lines.join('\n')}\n`;
}

/** Shows an argument array readably; the quoting is for display only, nothing runs it. */
function quoteWord(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

/** Left-aligned columns; the last column is not padded. */
function columns(rows: string[][], indent = '    '): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map(
    (r) =>
      indent +
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
  );
}

function section(title: string, rows: string[][], style: Style): string[] {
  if (rows.length === 0) return [`  ${style.dim(`${title}: none`)}`];
  return [`  ${style.cyan(title)}`, ...columns(rows)];
}

export function renderObservedNode(s: ObservedNode, style: Style = PLAIN): string {
  const lines = [`${style.bold(`node ${s.node}`)}  ${style.dim(`${s.driver}, observed ${s.observedAt}`)}`];
  lines.push(
    ...section(
      'links',
      s.links.map((l) => [
        l.name,
        l.kind,
        l.adminUp ? 'up' : 'down',
        l.operState,
        `mtu ${l.mtu}`,
        l.mac ?? '',
        [
          l.master ? `master ${l.master}` : '',
          l.bond ? `bond ${l.bond.mode}` : '',
          l.tunnel ? tunnelText(l.tunnel) : '',
        ]
          .filter(Boolean)
          .join(' '),
      ]),
      style,
    ),
  );
  lines.push(
    ...section(
      'addresses',
      s.addresses.map((a) => {
        const flags = [a.secondary && 'secondary', a.tentative && 'tentative', a.dadfailed && 'dadfailed']
          .filter(Boolean)
          .join(' ');
        return [
          a.interface,
          a.cidr + (a.peer ? ` peer ${a.peer}` : ''),
          a.scope,
          a.label ? `label ${a.label}` : '',
          flags,
        ];
      }),
      style,
    ),
  );
  lines.push(...section('routes', s.routes.map(routeRow), style));
  lines.push(
    ...section(
      'neighbours',
      s.neighbors.map((n) => [n.interface, n.address, `lladdr ${n.lladdr}`]),
      style,
    ),
  );
  lines.push(...section('xfrm policies', s.xfrmPolicies.map(policyRow), style));
  if (s.ike) lines.push(...ikeLines(s.ike, style));
  const promote = Object.entries(s.sysctl).filter(
    ([k]) => k.startsWith('net.ipv4.conf.') && k.endsWith('.promote_secondaries'),
  );
  if (promote.length > 0) {
    const values = promote.map(([k, v]) => `${k.slice('net.ipv4.conf.'.length, -'.promote_secondaries'.length)}=${v}`);
    lines.push(`  ${style.cyan('promote_secondaries')}  ${values.join(' ')}`);
  }
  const inv = s.inventory;
  lines.push(
    `  ${style.cyan('inventory')}  ${inv.owned.length} owned object(s)` +
      (inv.lastApply ? `, last apply ${inv.lastApply.revision} at ${inv.lastApply.at}` : ''),
  );
  return `${lines.join('\n')}\n`;
}

/** charon's connections and SAs: state, children with bytes and packets, rekey times. */
function ikeLines(ike: ObservedIke, style: Style): string[] {
  const secs = (label: string, n?: number) => (n === undefined ? '' : `${label} ${n}s`);
  const lines = section(
    'ike connections',
    ike.connections.map((c) => [
      c.name,
      `${c.localAddrs.join(',') || '%any'} -> ${c.remoteAddrs.join(',') || '%any'}`,
      `children ${c.children.join(', ') || '-'}`,
    ]),
    style,
  );
  const rows: string[][] = [];
  for (const sa of ike.sas) {
    rows.push([
      sa.connection,
      sa.state,
      `${sa.localHost} -> ${sa.remoteHost}`,
      [secs('established', sa.establishedSeconds), secs('rekey in', sa.rekeyInSeconds)].filter(Boolean).join(', '),
    ]);
    for (const c of sa.children)
      rows.push([
        `  child ${c.name}`,
        c.state,
        c.mode.toLowerCase(),
        [
          `in ${c.bytesIn} B/${c.packetsIn} pkts, out ${c.bytesOut} B/${c.packetsOut} pkts`,
          secs('rekey in', c.rekeyInSeconds),
        ]
          .filter(Boolean)
          .join(', '),
      ]);
  }
  return [...lines, ...section('ike SAs', rows, style)];
}

function tunnelText(t: NonNullable<ObservedNode['links'][number]['tunnel']>): string {
  return [
    `tunnel ${t.mode}`,
    t.local && `local ${t.local}`,
    t.remote && `remote ${t.remote}`,
    t.ttl !== undefined && `ttl ${t.ttl}`,
  ]
    .filter(Boolean)
    .join(' ');
}

function routeRow(r: ObservedRoute): string[] {
  const hops =
    r.nexthops
      ?.map(
        (h) =>
          `nexthop${h.via ? ` via ${h.via}` : ''}${h.device ? ` dev ${h.device}` : ''}` +
          (h.weight !== undefined ? ` weight ${h.weight}` : ''),
      )
      .join(' ') ?? '';
  return [
    (r.type ? `${r.type} ` : '') + r.to,
    [r.via && `via ${r.via}`, r.device && `dev ${r.device}`, r.onlink && 'onlink', hops].filter(Boolean).join(' '),
    `proto ${r.protocol}`,
    `table ${TABLE_NAMES[r.table] ?? r.table}`,
    r.metric !== undefined ? `metric ${r.metric}` : '',
    [r.scope && `scope ${r.scope}`, r.src && `src ${r.src}`].filter(Boolean).join(' '),
  ];
}

function policyRow(p: ObservedXfrmPolicy): string[] {
  const sel = p.selector;
  const selector = [
    `${sel.src} -> ${sel.dst}`,
    sel.proto && `proto ${sel.proto}`,
    sel.sport !== undefined && `sport ${sel.sport}`,
    sel.dport !== undefined && `dport ${sel.dport}`,
    sel.icmpType !== undefined && `type ${sel.icmpType}`,
    sel.icmpCode !== undefined && `code ${sel.icmpCode}`,
    sel.greKey !== undefined && `key ${sel.greKey}`,
    sel.dev && `dev ${sel.dev}`,
  ]
    .filter(Boolean)
    .join(' ');
  const templates = p.templates
    .map(
      (t) =>
        `${t.proto} ${t.mode}${t.src || t.dst ? ` ${t.src ?? '*'}->${t.dst ?? '*'}` : ''}` +
        (t.level !== 'required' ? ` level ${t.level}` : '') +
        (t.reqid ? ` reqid ${t.reqid}` : ''),
    )
    .join(', ');
  const extra = [
    p.ptype && `ptype ${p.ptype}`,
    p.mark && `mark ${p.mark}`,
    p.ifId !== undefined && `if_id ${p.ifId}`,
    p.flags?.length && `flag ${p.flags.join(',')}`,
  ]
    .filter(Boolean)
    .join(' ');
  return [
    p.dir,
    `prio ${p.priority}`,
    p.action === 'block' ? 'block' : templates ? 'protect' : 'allow',
    selector,
    templates,
    extra,
  ];
}
