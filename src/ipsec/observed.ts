// What a node's charon has: the connections loaded and the SAs up, read over VICI
// (list-conns, list-sas) into the observed model's types (observe/model.ts); the drift
// against the desired connections is src/diff/ike-drift.ts. Parsing is pure; only
// observeCharon talks.
import type { ObservedChildSa, ObservedIke, ObservedIkeConnection, ObservedIkeSa } from '../observe/model.js';
import type { ViciClient } from './vici.js';
import { isSection, str, withVici, type ViciSection } from './vici.js';

export type { ObservedChildSa, ObservedIke, ObservedIkeConnection, ObservedIkeSa };

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
