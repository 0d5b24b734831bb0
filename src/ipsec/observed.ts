// What a node's charon has: the connections loaded and the SAs up, read over VICI
// (list-conns, list-sas), and the drift against the connections the node should carry:
// a desired connection that is not loaded, or has no ESTABLISHED IKE_SA with its
// children INSTALLED, is drift. Parsing and comparing are pure; only observeCharon talks.
import type { DesiredIkeConnection } from '../model/ike.js';
import type { ViciClient } from './vici.js';
import { isSection, str, withVici, type ViciSection } from './vici.js';

export interface ObservedChildSa {
  name: string;
  state: string;
  mode: string;
  spiIn: string;
  spiOut: string;
  bytesIn: number;
  bytesOut: number;
  packetsIn: number;
  packetsOut: number;
  /** Seconds until charon rekeys this CHILD_SA, and since it was installed. */
  rekeyInSeconds?: number;
  installedSeconds?: number;
  localTs: string[];
  remoteTs: string[];
}

export interface ObservedIkeSa {
  connection: string;
  uniqueId: string;
  state: string;
  localHost: string;
  remoteHost: string;
  establishedSeconds?: number;
  rekeyInSeconds?: number;
  reauthInSeconds?: number;
  children: ObservedChildSa[];
}

export interface ObservedIkeConnection {
  name: string;
  localAddrs: string[];
  remoteAddrs: string[];
  children: string[];
}

export interface ObservedIke {
  connections: ObservedIkeConnection[];
  sas: ObservedIkeSa[];
}

const num = (v: unknown): number | undefined => {
  const n = Number(str(v));
  return str(v) !== '' && Number.isFinite(n) ? n : undefined;
};
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function parseConnections(listed: Record<string, ViciSection>): ObservedIkeConnection[] {
  return Object.entries(listed)
    .map(([name, c]) => ({
      name,
      localAddrs: list(c.local_addrs),
      remoteAddrs: list(c.remote_addrs),
      children: isSection(c.children) ? Object.keys(c.children).sort() : [],
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function parseChild(c: ViciSection): ObservedChildSa {
  return {
    name: str(c.name),
    state: str(c.state),
    mode: str(c.mode),
    spiIn: str(c['spi-in']),
    spiOut: str(c['spi-out']),
    bytesIn: num(c['bytes-in']) ?? 0,
    bytesOut: num(c['bytes-out']) ?? 0,
    packetsIn: num(c['packets-in']) ?? 0,
    packetsOut: num(c['packets-out']) ?? 0,
    ...opt('rekeyInSeconds', num(c['rekey-time'])),
    ...opt('installedSeconds', num(c['install-time'])),
    localTs: list(c['local-ts']),
    remoteTs: list(c['remote-ts']),
  };
}

function opt<K extends string>(key: K, v: number | undefined): Partial<Record<K, number>> {
  return v === undefined ? {} : ({ [key]: v } as Record<K, number>);
}

export function parseSas(sas: Array<{ name: string; sa: ViciSection }>): ObservedIkeSa[] {
  return sas.map(({ name, sa }) => ({
    connection: name,
    uniqueId: str(sa.uniqueid),
    state: str(sa.state),
    localHost: str(sa['local-host']),
    remoteHost: str(sa['remote-host']),
    ...opt('establishedSeconds', num(sa.established)),
    ...opt('rekeyInSeconds', num(sa['rekey-time'])),
    ...opt('reauthInSeconds', num(sa['reauth-time'])),
    children: isSection(sa['child-sas']) ? Object.values(sa['child-sas']).filter(isSection).map(parseChild) : [],
  }));
}

/** Reads a charon's connections and SAs over its VICI socket. */
export async function observeCharon(vici: string | ViciClient): Promise<ObservedIke> {
  const read = async (c: ViciClient) => ({
    connections: parseConnections(await c.listConns()),
    sas: parseSas(await c.listSas()),
  });
  return typeof vici === 'string' ? withVici(vici, read) : read(vici);
}

export interface IkeDrift {
  connection: string;
  /** not-loaded: charon does not have it; no-sa: loaded, no ESTABLISHED IKE_SA with every child INSTALLED. */
  kind: 'not-loaded' | 'no-sa' | 'not-desired';
  detail: string;
}

/**
 * Drift of one node: what it should carry (`desired`), and whether it should have the SA
 * up (`expectSa`: the node holds the connection's local address; a node that only stands
 * by for a relocatable address carries the connection loaded, without an SA).
 */
export function ikeDrift(
  desired: DesiredIkeConnection[],
  observed: ObservedIke,
  expectSa: (c: DesiredIkeConnection) => boolean,
): IkeDrift[] {
  const out: IkeDrift[] = [];
  const loaded = new Set(observed.connections.map((c) => c.name));
  for (const c of desired) {
    if (!loaded.has(c.name)) {
      out.push({ connection: c.name, kind: 'not-loaded', detail: 'the connection is not loaded in charon' });
      continue;
    }
    if (!expectSa(c)) continue;
    const sa = observed.sas.find((s) => s.connection === c.name && s.state === 'ESTABLISHED');
    if (!sa) {
      const other = observed.sas.find((s) => s.connection === c.name);
      out.push({
        connection: c.name,
        kind: 'no-sa',
        detail: other ? `its IKE_SA is ${other.state}, not ESTABLISHED` : 'no IKE_SA is up',
      });
      continue;
    }
    const missing = c.children
      .map((ch) => ch.name)
      .filter((n) => !sa.children.some((x) => x.name === n && x.state === 'INSTALLED'));
    if (missing.length > 0)
      out.push({ connection: c.name, kind: 'no-sa', detail: `no INSTALLED CHILD_SA for ${missing.join(', ')}` });
  }
  const wanted = new Set(desired.map((c) => c.name));
  for (const c of observed.connections)
    if (!wanted.has(c.name))
      out.push({ connection: c.name, kind: 'not-desired', detail: 'loaded in charon, not in the desired state' });
  return out;
}
