// XFRM policies from `ip -s xfrm policy` (plain `ip xfrm policy` parses too). The
// output is text, one policy per block: an unindented selector line, then indented
// lines. With -s iproute2 adds the index, the explicit action and level, the share and
// flag words, the uid, lifetime config/current blocks and algorithm masks.
//
//   src 192.0.2.0/24 dst 198.51.100.0/24 proto tcp dport 443 uid 0
//   	dir out action allow index 25 priority 200 ptype main share any flag  (0x00000000)
//   	lifetime config:
//   	  limit: soft (INF)(bytes), hard (INF)(bytes)
//   	  ...
//   	lifetime current:
//   	  0(bytes), 0(packets)
//   	  add 2026-11-25 19:12:12 use -
//   	mark 0x7/0xff
//   	tmpl src 192.0.2.10 dst 198.51.100.1
//   		proto esp spi 0x00000000(0) reqid 5(0x00000005) mode tunnel
//   		level required share any
//   		enc-mask ffffffff auth-mask ffffffff comp-mask ffffffff
//   	if_id 0x3
//
// Every word is accounted for: an unknown word on a known line, or an unknown line, is
// a parse error naming the line, because silently skipping a selector field would make
// two different policies look the same to the planner. Lifetimes and counters are kept
// in `stats` (display only).
import { canonicalCidr, parseCidr, parseIp } from '../../../model/ip.js';
import type { ObservedXfrmPolicy } from '../../model.js';
import { guard, Malformed, type Parsed } from './parsed.js';

type Template = ObservedXfrmPolicy['templates'][number];

export function parseXfrmPolicies(text: string): Parsed<ObservedXfrmPolicy[]> {
  return guard('ip -s xfrm policy', () => new XfrmPolicyParser(text).parse());
}

const UNSPECIFIED = new Set(['0.0.0.0', '::']);

class XfrmPolicyParser {
  private readonly lines: string[];
  private n = 0;
  private readonly out: ObservedXfrmPolicy[] = [];
  private current?: ObservedXfrmPolicy & { sawDir?: boolean };
  private currentLine = 0;
  private template?: Template;

  constructor(text: string) {
    this.lines = text.split('\n');
  }

  parse(): ObservedXfrmPolicy[] {
    for (this.n = 0; this.n < this.lines.length; this.n++) {
      const raw = this.lines[this.n];
      if (raw.trim() === '') continue;
      if (!/^\s/.test(raw)) this.startPolicy(raw);
      else this.policyLine(raw);
    }
    this.finish();
    return this.out;
  }

  private fail(message: string, line = this.n): never {
    throw new Malformed(`line ${line + 1}: ${message}: ${JSON.stringify((this.lines[line] ?? '').trim())}`);
  }

  private finish(): void {
    if (!this.current) return;
    if (!this.current.sawDir) this.fail('policy without a "dir" line', this.currentLine);
    delete this.current.sawDir;
    this.out.push(this.current);
    this.current = undefined;
    this.template = undefined;
  }

  private startPolicy(line: string): void {
    this.finish();
    this.currentLine = this.n;
    const w = line.trim().split(/\s+/);
    if (w[0] !== 'src' || w[2] !== 'dst') this.fail('expected "src PREFIX dst PREFIX"');
    const selector: ObservedXfrmPolicy['selector'] = { src: this.prefix(w[1]), dst: this.prefix(w[3]) };
    const stats: Record<string, string> = {};
    for (let i = 4; i < w.length; i += 2) {
      const key = w[i];
      const value = w[i + 1];
      if (value === undefined) this.fail(`"${key}" without a value`);
      switch (key) {
        case 'proto':
          selector.proto = value;
          break;
        case 'sport':
          selector.sport = this.int(value);
          break;
        case 'dport':
          selector.dport = this.int(value);
          break;
        case 'type':
          selector.icmpType = this.int(value);
          break;
        case 'code':
          selector.icmpCode = this.int(value);
          break;
        case 'key':
          selector.greKey = this.int(value);
          break;
        case 'dev':
          selector.dev = value;
          break;
        case 'uid':
          stats.uid = value;
          break;
        default:
          this.fail(`unknown selector word "${key}"`);
      }
    }
    this.current = { selector, dir: 'out', action: 'allow', priority: 0, templates: [], sawDir: false };
    if (Object.keys(stats).length > 0) this.current.stats = stats;
  }

  private policyLine(raw: string): void {
    const p = this.current;
    if (!p) this.fail('indented line before any policy');
    const line = raw.trim();
    const w = line.split(/\s+/);
    // Template detail lines are indented two tabs; everything else of a policy one.
    if (raw.startsWith('\t\t')) return this.templateLine(w);
    this.template = undefined;
    switch (w[0]) {
      case 'dir':
        return this.dirLine(p, w);
      case 'lifetime':
        return this.lifetimeBlock(p, line);
      case 'mark': {
        const m = /^(0x[0-9a-f]+|\d+)\/(0x[0-9a-f]+)$/i.exec(w[1] ?? '');
        if (!m || w.length !== 2) this.fail('expected "mark VALUE/MASK"');
        p.mark = `0x${Number(m[1]).toString(16)}/${m[2].toLowerCase()}`;
        return;
      }
      case 'if_id':
        if (w.length !== 2) this.fail('expected "if_id ID"');
        p.ifId = this.int(w[1]);
        return;
      case 'tmpl':
        return this.templateStart(p, w);
      case 'security':
      case 'lastused':
      case 'offload':
        this.stat(p, w[0], w.slice(1).join(' '));
        return;
      default:
        this.fail('unknown policy line');
    }
  }

  private dirLine(p: ObservedXfrmPolicy & { sawDir?: boolean }, w: string[]): void {
    if (p.sawDir) this.fail('second "dir" line in one policy');
    p.sawDir = true;
    let sawPriority = false;
    for (let i = 0; i < w.length; i += 2) {
      const key = w[i];
      const value = w[i + 1];
      switch (key) {
        case 'dir':
          if (value !== 'in' && value !== 'out' && value !== 'fwd') this.fail(`unsupported direction "${value}"`);
          p.dir = value;
          break;
        case 'action':
          if (value !== 'allow' && value !== 'block') this.fail(`unknown action "${value}"`);
          p.action = value;
          break;
        case 'index':
          p.index = this.int(value);
          break;
        case 'priority':
          p.priority = this.int(value);
          sawPriority = true;
          break;
        case 'ptype':
          if (value === 'sub') p.ptype = 'sub';
          else if (value !== 'main') this.fail(`unknown policy type "${value}"`);
          break;
        case 'share':
          this.stat(p, 'share', value);
          break;
        case 'flag': {
          // Flag words run until the "(0x...)" mask that -s prints, or the end of line.
          const flags: string[] = [];
          let j = i + 1;
          for (; j < w.length && !w[j].startsWith('('); j++) flags.push(w[j]);
          if (j < w.length) this.stat(p, 'flags', w[j].replace(/[()]/g, ''));
          if (flags.length > 0) p.flags = flags;
          i = w.length;
          break;
        }
        default:
          this.fail(`unknown word "${key}" in the dir line`);
      }
      if (key !== 'flag' && value === undefined) this.fail(`"${key}" without a value`);
    }
    if (!sawPriority) this.fail('no priority');
  }

  private lifetimeBlock(p: ObservedXfrmPolicy, line: string): void {
    if (line === 'lifetime config:') {
      const lines = this.take(4);
      const limit = /^limit: soft (\S+)\((bytes|packets)\), hard (\S+)\((bytes|packets)\)$/;
      const expire = /^expire (add|use): soft (\d+)\(sec\), hard (\d+)\(sec\)$/;
      for (const l of lines) {
        const m = limit.exec(l);
        const e = expire.exec(l);
        if (m) {
          this.stat(p, `limit.${m[2]}.soft`, this.limit(m[1]));
          this.stat(p, `limit.${m[4]}.hard`, this.limit(m[3]));
        } else if (e) {
          this.stat(p, `expire.${e[1]}.soft`, e[2]);
          this.stat(p, `expire.${e[1]}.hard`, e[3]);
        } else this.fail('unexpected line in "lifetime config"');
      }
      return;
    }
    if (line === 'lifetime current:') {
      const [counters, times] = this.take(2);
      const c = /^(\d+)\(bytes\), (\d+)\(packets\)$/.exec(counters);
      const t = /^add (.+?) use (.+)$/.exec(times);
      if (!c || !t) this.fail('unexpected line in "lifetime current"');
      this.stat(p, 'current.bytes', c[1]);
      this.stat(p, 'current.packets', c[2]);
      this.stat(p, 'current.add', t[1]);
      this.stat(p, 'current.use', t[2]);
      return;
    }
    this.fail('unknown lifetime block');
  }

  private templateStart(p: ObservedXfrmPolicy, w: string[]): void {
    if (w[1] !== 'src' || w[3] !== 'dst' || w.length !== 5) this.fail('expected "tmpl src ADDR dst ADDR"');
    const tmpl = { level: 'required' } as Template;
    const src = this.address(w[2]);
    const dst = this.address(w[4]);
    if (src) tmpl.src = src;
    if (dst) tmpl.dst = dst;
    p.templates.push(tmpl);
    this.template = tmpl;
  }

  private templateLine(w: string[]): void {
    const t = this.template;
    if (!t) this.fail('template detail outside a template');
    if (w[0] === 'proto') {
      for (let i = 0; i < w.length; i += 2) {
        const key = w[i];
        // -s prints numbers twice: "spi 0x00001000(4096)", "reqid 5(0x00000005)".
        const value = (w[i + 1] ?? this.fail(`"${key}" without a value`)).replace(/\(.*\)$/, '');
        switch (key) {
          case 'proto':
            if (value !== 'esp' && value !== 'ah' && value !== 'comp')
              this.fail(`unsupported template protocol "${value}"`);
            t.proto = value;
            break;
          case 'spi': {
            const spi = this.int(value);
            if (spi !== 0) t.spi = spi;
            break;
          }
          case 'reqid': {
            const reqid = this.int(value);
            if (reqid !== 0) t.reqid = reqid;
            break;
          }
          case 'mode':
            if (value !== 'transport' && value !== 'tunnel' && value !== 'beet')
              this.fail(`unsupported template mode "${value}"`);
            t.mode = value;
            break;
          default:
            this.fail(`unknown template word "${key}"`);
        }
      }
      if (!t.proto || !t.mode) this.fail('template without proto or mode');
      return;
    }
    if (w[0] === 'level') {
      for (let i = 0; i < w.length; i += 2) {
        const key = w[i];
        const value = w[i + 1];
        if (key === 'level' && (value === 'required' || value === 'use')) t.level = value;
        else if (key !== 'share' || value === undefined)
          this.fail(`unexpected "${key} ${value ?? ''}" in template level line`);
      }
      return;
    }
    if (/^enc-mask$/.test(w[0]) && w.length === 6 && w[2] === 'auth-mask' && w[4] === 'comp-mask') return;
    this.fail('unknown template line');
  }

  private take(count: number): string[] {
    const out: string[] = [];
    for (let k = 0; k < count; k++) {
      this.n++;
      if (this.n >= this.lines.length) this.fail('block cut short');
      out.push(this.lines[this.n].trim());
    }
    return out;
  }

  private stat(p: ObservedXfrmPolicy, key: string, value: string): void {
    (p.stats ??= {})[key] = value;
  }

  private limit(text: string): string {
    return text === '(INF)' ? 'INF' : /^\d+$/.test(text) ? text : this.fail(`bad limit "${text}"`);
  }

  private int(text: string): number {
    if (/^0x[0-9a-f]+$/i.test(text)) return Number.parseInt(text.slice(2), 16);
    if (/^\d+$/.test(text)) return Number(text);
    return this.fail(`"${text}" is not a number`);
  }

  private prefix(text: string | undefined): string {
    if (!text || !parseCidr(text)) this.fail(`"${text ?? ''}" is not a prefix`);
    return canonicalCidr(text);
  }

  /** Template endpoints: all-zero means "any" and is left out. */
  private address(text: string): string | undefined {
    const ip = parseIp(text);
    if (!ip) this.fail(`"${text}" is not an address`);
    return UNSPECIFIED.has(ip.address) ? undefined : ip.address;
  }
}
