// swanctl.conf text and VICI load-conn messages for the IKE connections a node carries,
// rendered from the one desired model, so every node that may hold a relocatable
// address gets the same connection (seed 003). Pure: secrets and certificate files
// stay references here; the runtime (src/ipsec) resolves them on the node and sends a
// PSK with VICI load-shared, never into a file.
import { ikeConnectionsOn, type DesiredModel } from '../model/desired.js';
import type { DesiredIkeChild, DesiredIkeConnection, DesiredIkeEndpoint, IkeKeyReference } from '../model/ike.js';

export type ViciValue = string | string[] | ViciSection;
export interface ViciSection {
  [key: string]: ViciValue;
}

/** A list in the VICI message that the runtime fills with the contents of files on the node (certificates). */
export interface ViciFileList {
  /** Keys from the message body down to the list, e.g. ['pkga', 'local', 'certs']. */
  path: string[];
  /** Absolute paths on the node, read by the runtime; their data (PEM or DER) is the list's items. */
  files: string[];
}

/** What the runtime loads with VICI load-shared for a psk connection: the reference and the identities it is for. */
export interface SharedSecretReference {
  /** swanctl `secrets` section name, unique per connection. */
  id: string;
  type: 'IKE';
  ref: IkeKeyReference;
  /** The local and remote IKE identities (ids, or addresses when no id is set). */
  owners: string[];
}

export interface RenderedConnection {
  name: string;
  /** One swanctl.conf `connections { name { ... } }` block; never a secret. */
  text: string;
  /** The same content as a VICI load-conn message body: `{ [name]: section }`. */
  vici: ViciSection;
  /** Lists of the VICI message to fill from files on the node (the text names the files directly). */
  viciFiles: ViciFileList[];
  /** Present for psk connections. */
  sharedSecret?: SharedSecretReference;
}

const seconds = (n: number) => `${n}s`;

/** Key/value pairs of a section in swanctl's order; undefined values are left out. */
type Pairs = Array<[string, string | string[] | undefined]>;

function endpointPairs(e: DesiredIkeEndpoint, side: 'local' | 'remote'): Pairs {
  return [
    ['auth', e.auth],
    ['id', e.id],
    ...(side === 'local' && e.certificateFile ? ([['certs', [e.certificateFile]]] as Pairs) : []),
    ...(side === 'remote' && e.caCertificateFile ? ([['cacerts', [e.caCertificateFile]]] as Pairs) : []),
  ];
}

function childPairs(c: DesiredIkeChild, conn: DesiredIkeConnection): Pairs {
  return [
    ['mode', c.mode],
    ['local_ts', c.localTs],
    ['remote_ts', c.remoteTs],
    ['esp_proposals', c.espProposals],
    ['start_action', c.startAction],
    ['close_action', c.closeAction],
    ['dpd_action', conn.dpd?.action],
    ['rekey_time', c.rekeySeconds === undefined ? undefined : seconds(c.rekeySeconds)],
    ['life_time', c.lifeSeconds === undefined ? undefined : seconds(c.lifeSeconds)],
  ];
}

function connectionPairs(c: DesiredIkeConnection): Pairs {
  return [
    ['version', String(c.version)],
    ['local_addrs', [c.local.address]],
    ['remote_addrs', [c.remote.address]],
    ['proposals', c.ikeProposals],
    // MOBIKE would move the IKE_SA to another local address of the node when the
    // relocatable one leaves; the SA must instead end there and be set up again from the
    // node the address moves to (docs/ipsec.md, "Moves").
    ['mobike', c.localRelocatable ? 'no' : undefined],
    ['dpd_delay', c.dpd ? seconds(c.dpd.delaySeconds) : undefined],
    ['rekey_time', c.rekeySeconds === undefined ? undefined : seconds(c.rekeySeconds)],
    ['reauth_time', c.reauthSeconds === undefined ? undefined : seconds(c.reauthSeconds)],
    ['over_time', c.overSeconds === undefined ? undefined : seconds(c.overSeconds)],
  ];
}

interface Tree {
  pairs: Pairs;
  sections: Array<[string, Tree]>;
}

function treeOf(c: DesiredIkeConnection): Tree {
  return {
    pairs: connectionPairs(c),
    sections: [
      ['local', { pairs: endpointPairs(c.local, 'local'), sections: [] }],
      ['remote', { pairs: endpointPairs(c.remote, 'remote'), sections: [] }],
      [
        'children',
        {
          pairs: [],
          sections: c.children.map((child): [string, Tree] => [
            child.name,
            { pairs: childPairs(child, c), sections: [] },
          ]),
        },
      ],
    ],
  };
}

/**
 * A value as swanctl.conf reads it. Everything rendered was validated by the schema
 * (addresses, prefixes, proposals, names, ids without quotes, braces, '#' or line
 * breaks, paths of plain characters); an id with spaces or commas (a distinguished name)
 * is quoted so the settings parser reads it as one value.
 */
function confValue(v: string): string {
  return /^[A-Za-z0-9.:@_/+%-]+$/.test(v) ? v : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function textOf(name: string, tree: Tree, depth: number): string[] {
  const pad = '  '.repeat(depth);
  const lines = [`${pad}${name} {`];
  for (const [key, value] of tree.pairs) {
    if (value === undefined) continue;
    lines.push(`${pad}  ${key} = ${Array.isArray(value) ? value.map(confValue).join(',') : confValue(value)}`);
  }
  for (const [child, sub] of tree.sections) lines.push(...textOf(child, sub, depth + 1));
  lines.push(`${pad}}`);
  return lines;
}

function viciOf(tree: Tree): ViciSection {
  const out: ViciSection = {};
  for (const [key, value] of tree.pairs) if (value !== undefined) out[key] = value;
  for (const [child, sub] of tree.sections) out[child] = viciOf(sub);
  return out;
}

/** One connection, rendered; the same for every node that carries it. */
export function renderConnection(c: DesiredIkeConnection): RenderedConnection {
  const tree = treeOf(c);
  const text = ['connections {', ...textOf(c.name, tree, 1), '}', ''].join('\n');
  const body = viciOf(tree);
  // VICI takes certificate data, not file names: those lists are filled by the runtime.
  const viciFiles: ViciFileList[] = [];
  const local = body.local as ViciSection;
  const remote = body.remote as ViciSection;
  if (local.certs) {
    viciFiles.push({ path: [c.name, 'local', 'certs'], files: local.certs as string[] });
    local.certs = [];
  }
  if (remote.cacerts) {
    viciFiles.push({ path: [c.name, 'remote', 'cacerts'], files: remote.cacerts as string[] });
    remote.cacerts = [];
  }
  const usesPsk = c.local.auth === 'psk' || c.remote.auth === 'psk';
  return {
    name: c.name,
    text,
    vici: { [c.name]: body },
    viciFiles,
    ...(usesPsk && c.psk
      ? {
          sharedSecret: {
            id: `ike-${c.name}`,
            type: 'IKE' as const,
            ref: { ...c.psk },
            owners: [c.local.id ?? c.local.address, c.remote.id ?? c.remote.address],
          },
        }
      : {}),
  };
}

/** The connections node `node` carries, rendered, in document order. */
export function renderNodeConnections(model: DesiredModel, node: string): RenderedConnection[] {
  return ikeConnectionsOn(model, node).map(renderConnection);
}

/** A whole swanctl.conf for a node: its connections, no secrets section (secrets go through VICI). */
export function renderNodeSwanctlConf(model: DesiredModel, node: string): string {
  return renderNodeConnections(model, node)
    .map((r) => r.text)
    .join('\n');
}
