// IKE connections as the rules, the renderer and the runtime see them: the document's
// fields with strongSwan's defaults filled in, and the nodes that carry each connection
// (a connection that follows a relocatable address is carried by every placement node,
// seed 003: the adoptive node must negotiate the same SAs). Built once by buildModel.
import type { IKEConnectionDocument, RelocatableAddressDocument } from './generated/desired.js';
import { canonicalIp, parseIp } from './ip.js';

/** Connection and child names, as the schema's Name (a DNS label): safe in swanctl.conf and VICI keys. */
export const IKE_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** A reference to where the pre-shared key is on the node; never the key. */
export interface IkeKeyReference {
  env?: string;
  file?: string;
}

export interface DesiredIkeEndpoint {
  address: string;
  /** IKE identity; undefined means the address (strongSwan's default). */
  id?: string;
  /** swanctl auth: psk, or a signature method (pubkey, rsa, rsa/pss, ecdsa, ed25519, ed448, optional -sha hash). */
  auth: string;
  /** auth pubkey, local end: the certificate file on the node. */
  certificateFile?: string;
  /** auth pubkey, remote end: the CA certificate file on the node. */
  caCertificateFile?: string;
}

export interface DesiredIkeChild {
  name: string;
  mode: 'tunnel' | 'transport';
  /** Prefixes as written, or the endpoint address as a host prefix when absent. */
  localTs: string[];
  remoteTs: string[];
  espProposals: string[];
  startAction: 'none' | 'trap' | 'start';
  closeAction: 'none' | 'trap' | 'start';
  rekeySeconds?: number;
  lifeSeconds?: number;
  /** Index in spec.children, for locating it. */
  index: number;
}

export interface DesiredIkeConnection {
  name: string;
  /** Nodes that carry it: appliesTo.nodes, or the placement nodes of the followed address in priority order. */
  nodes: string[];
  /** The relocatable address the connection follows (appliesTo.relocatableAddress). */
  followsAddress?: string;
  /**
   * The local address is a relocatable address (followed, or named by appliesTo.nodes):
   * the SA must follow the address to its next node, so MOBIKE must not migrate it.
   */
  localRelocatable?: true;
  version: 1 | 2;
  local: DesiredIkeEndpoint;
  remote: DesiredIkeEndpoint;
  ikeProposals: string[];
  /** A well-formed reference (IPSEC011 refuses anything else before the runtime sees it). */
  psk?: IkeKeyReference;
  dpd?: { delaySeconds: number; action: 'clear' | 'restart' | 'trap' };
  rekeySeconds?: number;
  reauthSeconds?: number;
  overSeconds?: number;
  children: DesiredIkeChild[];
}

/** The host prefix of an address (192.0.2.98 → 192.0.2.98/32), as strongSwan's default selector. */
export function hostPrefix(address: string): string {
  const ip = parseIp(address);
  if (!ip) return address;
  return `${canonicalIp(address)}/${ip.family === 4 ? 32 : 128}`;
}

function keyReference(value: unknown): IkeKeyReference | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { env, file } = value as { env?: unknown; file?: unknown };
  if (typeof env === 'string' && file === undefined) return { env };
  if (typeof file === 'string' && env === undefined) return { file };
  return undefined;
}

function endpoint(e: IKEConnectionDocument['spec']['local']): DesiredIkeEndpoint {
  return {
    address: e.address,
    ...(e.id === undefined ? {} : { id: e.id }),
    auth: e.auth,
    ...(e.certificate ? { certificateFile: e.certificate.file } : {}),
    ...(e.caCertificate ? { caCertificateFile: e.caCertificate.file } : {}),
  };
}

/** The connection as carried by nodes, with defaults; `relocatables` resolves appliesTo.relocatableAddress. */
export function desiredIkeConnection(
  doc: IKEConnectionDocument,
  relocatables: ReadonlyMap<string, { doc: RelocatableAddressDocument }>,
): DesiredIkeConnection {
  const s = doc.spec;
  const follows = s.appliesTo.relocatableAddress;
  const placements = follows === undefined ? [] : (relocatables.get(follows)?.doc.spec.placements ?? []);
  const byPriority = [...placements].sort((a, b) => a.priority - b.priority).map((p) => p.node);
  const nodes = [...new Set([...(s.appliesTo.nodes ?? []), ...byPriority])];
  const children = s.children.map((c, index): DesiredIkeChild => ({
    name: c.name,
    mode: c.mode ?? 'tunnel',
    localTs: c.localTs ?? [hostPrefix(s.local.address)],
    remoteTs: c.remoteTs ?? [hostPrefix(s.remote.address)],
    espProposals: c.espProposals,
    startAction: c.startAction ?? 'trap',
    closeAction: c.closeAction ?? 'none',
    ...(c.rekeySeconds === undefined ? {} : { rekeySeconds: c.rekeySeconds }),
    ...(c.lifeSeconds === undefined ? {} : { lifeSeconds: c.lifeSeconds }),
    index,
  }));
  const psk = keyReference(s.psk);
  const localIp = parseIp(s.local.address) ? canonicalIp(s.local.address) : s.local.address;
  const localRelocatable =
    follows !== undefined ||
    [...relocatables.values()].some((r) => {
      const ip = r.doc.spec.address.split('/')[0];
      return parseIp(ip) !== null && canonicalIp(ip) === localIp;
    });
  return {
    name: doc.metadata.name,
    nodes,
    ...(follows === undefined ? {} : { followsAddress: follows }),
    ...(localRelocatable ? { localRelocatable: true as const } : {}),
    version: s.version ?? 2,
    local: endpoint(s.local),
    remote: endpoint(s.remote),
    ikeProposals: s.ikeProposals,
    ...(psk ? { psk } : {}),
    ...(s.dpd ? { dpd: { delaySeconds: s.dpd.delaySeconds, action: s.dpd.action ?? 'clear' } } : {}),
    ...(s.rekeySeconds === undefined ? {} : { rekeySeconds: s.rekeySeconds }),
    ...(s.reauthSeconds === undefined ? {} : { reauthSeconds: s.reauthSeconds }),
    ...(s.overSeconds === undefined ? {} : { overSeconds: s.overSeconds }),
    children,
  };
}
