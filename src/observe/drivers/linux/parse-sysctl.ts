// Sysctls read in one process per node: `grep -r -H -s . --include=NAME... DIR FILE...`
// prints "path:value" for every matching file under /proc/sys/net/ipv4/conf (all,
// default and one folder per interface) and for any extra file named. /proc/sys/net
// shows the namespace of the reading process, so the same command works locally,
// through `ip netns exec` and over ssh, without a shell.
import { guard, Malformed, type Parsed } from './parsed.js';
import { byCodePoint } from '../../../order.js';

const PROC_SYS = '/proc/sys/';
export const CONF_DIR = '/proc/sys/net/ipv4/conf';

/** Per-interface IPv4 settings the planner and the ARP checks rely on. */
export const CONF_KEYS = ['promote_secondaries', 'arp_ignore', 'arp_announce', 'arp_notify'] as const;

// A sysctl name: dot-separated components; a '/' inside a component stands for a '.'
// in the file name (interface eth0.100 is net.ipv4.conf.eth0/100.*).
const SYSCTL_NAME = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*(\.[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*)+$/;

export function isValidSysctlName(name: string): boolean {
  return SYSCTL_NAME.test(name);
}

export function sysctlPath(name: string): string {
  if (!isValidSysctlName(name)) throw new Error(`invalid sysctl name ${JSON.stringify(name)}`);
  return (
    PROC_SYS +
    name
      .split('.')
      .map((c) => c.replace(/\//g, '.'))
      .join('/')
  );
}

export function sysctlName(path: string): string {
  if (!path.startsWith(PROC_SYS)) throw new Malformed(`"${path}" is not under ${PROC_SYS}`);
  return path
    .slice(PROC_SYS.length)
    .split('/')
    .map((c) => c.replace(/\./g, '/'))
    .join('.');
}

/** The command reading the conf keys plus `extra` sysctl names (invalid names are left out). */
export function sysctlCommand(extra: readonly string[] = []): string[] {
  const files = [...new Set(extra.filter(isValidSysctlName).map(sysctlPath))].filter(
    (p) => !p.startsWith(`${CONF_DIR}/`),
  );
  const bases = new Set<string>([...CONF_KEYS, ...files.map((p) => p.slice(p.lastIndexOf('/') + 1))]);
  return ['grep', '-r', '-H', '-s', '.', ...[...bases].map((b) => `--include=${b}`), CONF_DIR, ...files];
}

/** Parses grep's "path:value" lines into sysctl name -> value, keeping what was asked for. */
export function parseSysctl(text: string, extra: readonly string[] = []): Parsed<Record<string, string>> {
  return guard('sysctl read', () => {
    const wanted = new Set(extra);
    const confKeys = new Set<string>(CONF_KEYS);
    const out: Record<string, string> = {};
    for (const [i, line] of text.split('\n').entries()) {
      if (line === '') continue;
      const colon = line.indexOf(':');
      if (colon < 0) throw new Malformed(`line ${i + 1}: no "path:value" separator`);
      const name = sysctlName(line.slice(0, colon));
      const base = name.slice(name.lastIndexOf('.') + 1);
      const inConf = name.startsWith('net.ipv4.conf.') && confKeys.has(base);
      if (inConf || wanted.has(name)) out[name] = line.slice(colon + 1).trim();
    }
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => byCodePoint(a, b)));
  });
}
