// KernelOp -> one `ip -batch` line (the words after `ip`). `ip -batch` splits a line on
// whitespace, honours quotes and backslashes and drops everything after '#', so every
// word is checked before it is written: a name from YAML that smuggled a space or a '#'
// into a line would change what the line does. Names were validated by the schema and
// the rules already; this is the last gate before the kernel, so it checks anyway.
// sysctl ops are not ip commands: they render to `sysctl -w` arguments instead.
import { parseCidr, parseIp } from '../model/ip.js';
import type { KernelOp } from '../plan/ops.js';

export class BatchRenderError extends Error {
  constructor(
    readonly op: KernelOp,
    message: string,
  ) {
    super(message);
  }
}

const UNSAFE = /[\s"'#\\]/;
const IFNAME = /^[^\s/:"'#\\]{1,15}$/;
const LABEL = /^[^\s"'#\\]{1,15}$/;
const MAC = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;
const TUNNEL_MODES = new Set(['sit', 'ipip', 'gre', 'ip6tnl', 'ip6gre', 'vti', 'vti6']);
const BOND_MODE = /^[a-z0-9-]{1,32}$/;
const XFRM_PROTO = new Set(['esp', 'ah', 'comp']);
const XFRM_MODE = new Set(['transport', 'tunnel', 'beet']);
const XFRM_LEVEL = new Set(['required', 'use', 'unique']);
const UPPER_PROTO = /^[a-z0-9-]{1,20}$/;
const MARK = /^(0x[0-9a-fA-F]{1,8}|[0-9]{1,10})(\/(0x[0-9a-fA-F]{1,8}|[0-9]{1,10}))?$/;
const POLICY_FLAGS = new Set(['localok', 'icmp']);
const SYSCTL_NAME = /^net\.(ipv4|ipv6|core)\.[A-Za-z0-9_.-]{1,200}$/;
const SYSCTL_VALUE = /^[A-Za-z0-9_.:-]{1,64}$/;

function fail(op: KernelOp, what: string, value: unknown): never {
  throw new BatchRenderError(
    op,
    `refusing to render ${op.op}: ${what} ${JSON.stringify(value)} is not acceptable in an ip -batch line`,
  );
}

function word(op: KernelOp, what: string, value: string): string {
  if (typeof value !== 'string' || value.length === 0 || UNSAFE.test(value)) fail(op, what, value);
  return value;
}

function iface(op: KernelOp, value: string): string {
  if (typeof value !== 'string' || !IFNAME.test(value) || value === '.' || value === '..')
    fail(op, 'interface name', value);
  return value;
}

function cidr(op: KernelOp, value: string): { text: string; family: 4 | 6; prefix: number } {
  const c = typeof value === 'string' ? parseCidr(value) : null;
  if (!c) fail(op, 'prefix', value);
  return { text: c.cidr, family: c.family, prefix: c.prefix };
}

function ip(op: KernelOp, value: string): { text: string; family: 4 | 6 } {
  const p = typeof value === 'string' ? parseIp(value) : null;
  if (!p) fail(op, 'address', value);
  return { text: p.address, family: p.family };
}

function uint(op: KernelOp, what: string, value: number, max = 0xffffffff): string {
  if (!Number.isInteger(value) || value < 0 || value > max) fail(op, what, value);
  return String(value);
}

/** A route destination: "default" (per family), or a prefix; bare addresses get a host prefix. */
function destination(op: KernelOp & { to: string; via?: string; src?: string }): string {
  if (op.to === 'default') {
    const six = (op.via && op.via.includes(':')) || (op.src && op.src.includes(':'));
    // Batch lines cannot carry `-6`; `::/0` says the family by itself.
    return six ? '::/0' : '0.0.0.0/0';
  }
  if (typeof op.to === 'string' && !op.to.includes('/')) {
    const a = ip(op, op.to);
    return `${a.text}/${a.family === 4 ? 32 : 128}`;
  }
  return cidr(op, op.to).text;
}

function routeWords(op: Extract<KernelOp, { op: 'route-replace' | 'route-del' }>): string[] {
  const w = ['route', op.op === 'route-del' ? 'del' : 'replace', destination(op)];
  if (op.via !== undefined) w.push('via', ip(op, op.via).text);
  w.push('dev', iface(op, op.dev));
  if (op.metric !== undefined) w.push('metric', uint(op, 'metric', op.metric));
  if (op.table !== undefined && op.table !== 254) w.push('table', uint(op, 'table', op.table));
  if (op.op === 'route-replace' && op.src !== undefined) w.push('src', ip(op, op.src).text);
  return w;
}

function selectorWords(op: KernelOp, s: Extract<KernelOp, { op: 'xfrm-policy-del' }>['selector']): string[] {
  const w = ['src', cidr(op, s.src).text, 'dst', cidr(op, s.dst).text];
  if (s.dev !== undefined) w.push('dev', iface(op, s.dev));
  if (s.proto !== undefined) {
    if (!UPPER_PROTO.test(s.proto)) fail(op, 'selector protocol', s.proto);
    w.push('proto', s.proto);
    if (s.sport !== undefined) w.push('sport', uint(op, 'source port', s.sport, 65535));
    if (s.dport !== undefined) w.push('dport', uint(op, 'destination port', s.dport, 65535));
    if (s.icmpType !== undefined) w.push('type', uint(op, 'icmp type', s.icmpType, 255));
    if (s.icmpCode !== undefined) w.push('code', uint(op, 'icmp code', s.icmpCode, 255));
    if (s.greKey !== undefined) w.push('key', uint(op, 'gre key', s.greKey));
  }
  return w;
}

function markWords(op: KernelOp, mark: string): string[] {
  if (!MARK.test(mark)) fail(op, 'mark', mark);
  const [value, mask] = mark.split('/');
  return mask ? ['mark', value, 'mask', mask] : ['mark', value];
}

function xfrmUpdateWords(op: Extract<KernelOp, { op: 'xfrm-policy-update' }>): string[] {
  const p = op.policy;
  if (!['in', 'out', 'fwd'].includes(p.dir)) fail(op, 'direction', p.dir);
  if (p.action !== 'allow' && p.action !== 'block') fail(op, 'action', p.action);
  const w = ['xfrm', 'policy', 'update', ...selectorWords(op, p.selector), 'dir', p.dir];
  if (p.mark !== undefined) w.push(...markWords(op, p.mark));
  if (p.index !== undefined) w.push('index', uint(op, 'index', p.index));
  if (p.ptype !== undefined) {
    if (p.ptype !== 'sub') fail(op, 'policy type', p.ptype);
    w.push('ptype', 'sub');
  }
  w.push('action', p.action, 'priority', uint(op, 'priority', p.priority));
  if (p.flags?.length) {
    for (const f of p.flags) if (!POLICY_FLAGS.has(f)) fail(op, 'policy flag', f);
    w.push('flag', ...p.flags);
  }
  if (p.ifId !== undefined) w.push('if_id', uint(op, 'if_id', p.ifId));
  for (const t of p.templates) {
    if (!XFRM_PROTO.has(t.proto)) fail(op, 'template protocol', t.proto);
    if (!XFRM_MODE.has(t.mode)) fail(op, 'template mode', t.mode);
    if (!XFRM_LEVEL.has(t.level)) fail(op, 'template level', t.level);
    w.push('tmpl');
    if (t.src !== undefined) w.push('src', ip(op, t.src).text);
    if (t.dst !== undefined) w.push('dst', ip(op, t.dst).text);
    w.push('proto', t.proto);
    if (t.spi !== undefined) w.push('spi', uint(op, 'spi', t.spi));
    w.push('mode', t.mode);
    if (t.reqid !== undefined) w.push('reqid', uint(op, 'reqid', t.reqid));
    w.push('level', t.level);
  }
  return w;
}

/** The words of the ip command for one op (without the leading `ip`). Throws BatchRenderError. */
export function ipWords(op: KernelOp): string[] {
  switch (op.op) {
    case 'link-set': {
      const w = ['link', 'set', 'dev', iface(op, op.iface)];
      if (op.mtu !== undefined) w.push('mtu', uint(op, 'mtu', op.mtu, 65536));
      if (op.up !== undefined) w.push(op.up ? 'up' : 'down');
      if (w.length === 4) fail(op, 'link-set without mtu or state', op);
      return w;
    }
    case 'link-add-bond': {
      if (!BOND_MODE.test(op.mode)) fail(op, 'bond mode', op.mode);
      const w = ['link', 'add', 'name', iface(op, op.iface), 'type', 'bond', 'mode', op.mode];
      if (op.miimonMs !== undefined) w.push('miimon', uint(op, 'miimon', op.miimonMs));
      return w;
    }
    case 'link-add-tunnel': {
      if (!TUNNEL_MODES.has(op.mode)) fail(op, 'tunnel mode', op.mode);
      const w = [
        'link',
        'add',
        'name',
        iface(op, op.iface),
        'type',
        op.mode,
        'local',
        ip(op, op.local).text,
        'remote',
        ip(op, op.remote).text,
      ];
      if (op.ttl !== undefined) w.push('ttl', uint(op, 'ttl', op.ttl, 255));
      return w;
    }
    case 'link-del':
      return ['link', 'del', 'dev', iface(op, op.iface)];
    case 'link-enslave':
      return ['link', 'set', 'dev', iface(op, op.iface), 'master', iface(op, op.master)];
    case 'link-release':
      return ['link', 'set', 'dev', iface(op, op.iface), 'nomaster'];
    case 'addr-add': {
      const c = cidr(op, op.cidr);
      const w = ['addr', 'add', c.text];
      // `brd +` derives the broadcast address; without it the kernel sets none and a
      // broadcast-ping health check has nothing to ping. Only below /31 has a subnet a
      // broadcast address (ipv4Edges); the prefix says so without computing it per line.
      if (c.family === 4 && parseCidr(c.text)!.prefix < 31) w.push('brd', '+');
      w.push('dev', iface(op, op.iface));
      // IPv6 has no labels (the sim kernel ignores them too).
      if (op.label !== undefined && c.family === 4) {
        if (!LABEL.test(op.label)) fail(op, 'label', op.label);
        w.push('label', op.label);
      }
      return w;
    }
    case 'addr-del':
      return ['addr', 'del', cidr(op, op.cidr).text, 'dev', iface(op, op.iface)];
    case 'route-replace':
    case 'route-del':
      return routeWords(op);
    case 'route-src':
      // proto kernel keeps it the kernel's prefix route: removing the primary still removes it.
      return [
        'route',
        'replace',
        cidr(op, op.to).text,
        'dev',
        iface(op, op.iface),
        'proto',
        'kernel',
        'scope',
        'link',
        'src',
        ip(op, op.src).text,
      ];
    case 'neigh-replace':
      if (!MAC.test(op.lladdr)) fail(op, 'link-layer address', op.lladdr);
      return [
        'neigh',
        'replace',
        ip(op, op.address).text,
        'lladdr',
        op.lladdr.toLowerCase(),
        'dev',
        iface(op, op.iface),
        'nud',
        'permanent',
      ];
    case 'neigh-del':
      return ['neigh', 'del', ip(op, op.address).text, 'dev', iface(op, op.iface)];
    case 'xfrm-policy-update':
      return xfrmUpdateWords(op);
    case 'xfrm-policy-del':
      if (!['in', 'out', 'fwd'].includes(op.dir)) fail(op, 'direction', op.dir);
      return ['xfrm', 'policy', 'delete', ...selectorWords(op, op.selector), 'dir', op.dir];
    case 'sysctl-set':
      throw new BatchRenderError(op, 'sysctl-set is not an ip command (see sysctlArgument)');
    default:
      throw new BatchRenderError(op, `unknown kernel op ${JSON.stringify((op as { op?: unknown }).op)}`);
  }
}

/** One batch line; every word is re-checked so no rendering path can emit an unsafe one. */
export function batchLine(op: KernelOp): string {
  const words = ipWords(op);
  for (const w of words) word(op, 'word', w);
  return words.join(' ');
}

/** `name=value` for `sysctl -w`. */
export function sysctlArgument(op: Extract<KernelOp, { op: 'sysctl-set' }>): string {
  if (!SYSCTL_NAME.test(op.name)) fail(op, 'sysctl name', op.name);
  const value = String(op.value).trim();
  if (!SYSCTL_VALUE.test(value)) fail(op, 'sysctl value', op.value);
  return `${op.name}=${value}`;
}

/** The 1-based line `ip -batch` stopped at ("Command failed -:N"), if it says so. */
export function failedBatchLine(stderr: string): number | undefined {
  const m = /Command failed -:(\d+)/.exec(stderr);
  return m ? Number(m[1]) : undefined;
}

/** The kernel's message for the failed line: what ip printed before "Command failed". */
export function batchErrorMessage(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const at = lines.findIndex((l) => /^Command failed -:\d+/.test(l));
  const before = at >= 0 ? lines.slice(0, at) : lines;
  return before.slice(-2).join(' ') || (at >= 0 ? lines[at] : 'ip -batch failed without a message');
}
